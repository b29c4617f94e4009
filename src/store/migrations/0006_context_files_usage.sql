CREATE TABLE "deliverables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"run_id" uuid,
	"agent_id" uuid,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"save_key" text,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliverables" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "memory_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"agent_id" uuid,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', key), 'A') || setweight(to_tsvector('english', text), 'B')) STORED,
	"source_run_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "memory_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "webhook_signing_secrets" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_signing_secrets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "run_steps" ADD COLUMN "usage" jsonb;--> statement-breakpoint
ALTER TABLE "run_steps" ADD COLUMN "resume_state" jsonb;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "call_chain" jsonb;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "call_key" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "usage" jsonb;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "resume_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_entries" ADD CONSTRAINT "memory_entries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_entries" ADD CONSTRAINT "memory_entries_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_entries" ADD CONSTRAINT "memory_entries_source_run_id_runs_id_fk" FOREIGN KEY ("source_run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_entries" ADD CONSTRAINT "memory_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_signing_secrets" ADD CONSTRAINT "webhook_signing_secrets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deliverables_save_key_unique" ON "deliverables" USING btree ("workspace_id","save_key") WHERE "deliverables"."save_key" is not null;--> statement-breakpoint
CREATE INDEX "deliverables_workspace_created" ON "deliverables" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "deliverables_workspace_name" ON "deliverables" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "memory_shared_key_unique" ON "memory_entries" USING btree ("workspace_id","key") WHERE "memory_entries"."agent_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "memory_agent_key_unique" ON "memory_entries" USING btree ("agent_id","key") WHERE "memory_entries"."agent_id" is not null;--> statement-breakpoint
CREATE INDEX "memory_search" ON "memory_entries" USING gin ("search");--> statement-breakpoint
CREATE INDEX "memory_workspace_updated" ON "memory_entries" USING btree ("workspace_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "runs_call_key_unique" ON "runs" USING btree ("workspace_id","call_key") WHERE "runs"."call_key" is not null;--> statement-breakpoint
CREATE POLICY "deliverables_in_current_workspace" ON "deliverables" AS PERMISSIVE FOR ALL TO "orca_app" USING (workspace_id = orca_current_workspace()) WITH CHECK (workspace_id = orca_current_workspace());--> statement-breakpoint
CREATE POLICY "memory_entries_in_current_workspace" ON "memory_entries" AS PERMISSIVE FOR ALL TO "orca_app" USING (workspace_id = orca_current_workspace()) WITH CHECK (workspace_id = orca_current_workspace());--> statement-breakpoint
CREATE POLICY "webhook_signing_secrets_in_current_workspace" ON "webhook_signing_secrets" AS PERMISSIVE FOR ALL TO "orca_app" USING (workspace_id = orca_current_workspace()) WITH CHECK (workspace_id = orca_current_workspace());