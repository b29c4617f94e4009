CREATE TABLE "hook_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"hook_id" uuid NOT NULL,
	"called_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL,
	"refusal" text,
	"status" integer NOT NULL,
	"run_id" uuid
);
--> statement-breakpoint
ALTER TABLE "hook_calls" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "hook_calls" ADD CONSTRAINT "hook_calls_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hook_calls" ADD CONSTRAINT "hook_calls_hook_id_hooks_id_fk" FOREIGN KEY ("hook_id") REFERENCES "public"."hooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hook_calls" ADD CONSTRAINT "hook_calls_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hook_calls_recent" ON "hook_calls" USING btree ("hook_id","called_at");--> statement-breakpoint
CREATE POLICY "hook_calls_in_current_workspace" ON "hook_calls" AS PERMISSIVE FOR ALL TO "orca_app" USING (workspace_id = orca_current_workspace()) WITH CHECK (workspace_id = orca_current_workspace());
