-- Hand-written (issue 16, workspaces as businesses): the tables and columns the business parts
-- share, laid down first so they can be built side by side. Workrooms group agents, runs and
-- deliverables inside a workspace (a client, a project); a run and a deliverable keep the workroom
-- they were made in, so moving an agent later does not rewrite history. The export profile is
-- one row per workspace (its settings as JSON, its letterhead image inline: small, and carried
-- whole by a bundle).
CREATE TABLE "workrooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"monthly_budget" bigint,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workrooms" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "workrooms" ADD CONSTRAINT "workrooms_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workrooms" ADD CONSTRAINT "workrooms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "workrooms_workspace_name_unique" ON "workrooms" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE POLICY "workrooms_in_current_workspace" ON "workrooms" AS PERMISSIVE FOR ALL TO "orca_app" USING (workspace_id = orca_current_workspace()) WITH CHECK (workspace_id = orca_current_workspace());--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "workroom_id" uuid;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_workroom_id_workrooms_id_fk" FOREIGN KEY ("workroom_id") REFERENCES "public"."workrooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "workroom_id" uuid;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_workroom_id_workrooms_id_fk" FOREIGN KEY ("workroom_id") REFERENCES "public"."workrooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "runs_workroom_created" ON "runs" USING btree ("workroom_id","created_at") WHERE "workroom_id" is not null;--> statement-breakpoint
ALTER TABLE "deliverables" ADD COLUMN "workroom_id" uuid;--> statement-breakpoint
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_workroom_id_workrooms_id_fk" FOREIGN KEY ("workroom_id") REFERENCES "public"."workrooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliverables_workroom_created" ON "deliverables" USING btree ("workroom_id","created_at") WHERE "workroom_id" is not null;--> statement-breakpoint
CREATE TABLE "export_profiles" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"letterhead_content_type" text,
	"letterhead" bytea,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "export_profiles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "export_profiles" ADD CONSTRAINT "export_profiles_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_profiles" ADD CONSTRAINT "export_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "export_profiles_in_current_workspace" ON "export_profiles" AS PERMISSIVE FOR ALL TO "orca_app" USING (workspace_id = orca_current_workspace()) WITH CHECK (workspace_id = orca_current_workspace());
