CREATE TABLE "hook_call_keys" (
	"workspace_id" uuid NOT NULL,
	"hook_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key_hash" text NOT NULL,
	"body_hash" text NOT NULL,
	"run_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hook_call_keys_hook_id_kind_key_hash_pk" PRIMARY KEY("hook_id","kind","key_hash")
);
--> statement-breakpoint
ALTER TABLE "hook_call_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "hook_call_keys" ADD CONSTRAINT "hook_call_keys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hook_call_keys" ADD CONSTRAINT "hook_call_keys_hook_id_hooks_id_fk" FOREIGN KEY ("hook_id") REFERENCES "public"."hooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hook_call_keys" ADD CONSTRAINT "hook_call_keys_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hook_call_keys_expiry" ON "hook_call_keys" USING btree ("hook_id","expires_at");--> statement-breakpoint
CREATE POLICY "hook_call_keys_in_current_workspace" ON "hook_call_keys" AS PERMISSIVE FOR ALL TO "orca_app" USING (workspace_id = orca_current_workspace()) WITH CHECK (workspace_id = orca_current_workspace());--> statement-breakpoint
ALTER TABLE "hooks" ADD COLUMN "rejected_window_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hooks" ADD COLUMN "rejected_window_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_signing_secrets" ALTER COLUMN "secret" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_signing_secrets" ADD COLUMN "sealed_secret" text;
