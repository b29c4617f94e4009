CREATE TABLE "one_off_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"run_at" timestamp (3) with time zone NOT NULL,
	"timezone" text NOT NULL,
	"input" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fired_at" timestamp (3) with time zone,
	"run_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "one_off_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "one_off_runs" ADD CONSTRAINT "one_off_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_off_runs" ADD CONSTRAINT "one_off_runs_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_off_runs" ADD CONSTRAINT "one_off_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "one_off_runs_agent" ON "one_off_runs" USING btree ("agent_id","run_at");--> statement-breakpoint
CREATE INDEX "one_off_runs_due" ON "one_off_runs" USING btree ("run_at") WHERE "one_off_runs"."fired_at" is null;--> statement-breakpoint
CREATE POLICY "one_off_runs_in_current_workspace" ON "one_off_runs" AS PERMISSIVE FOR ALL TO "orca_app" USING (workspace_id = orca_current_workspace()) WITH CHECK (workspace_id = orca_current_workspace());