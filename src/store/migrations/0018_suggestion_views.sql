-- Which suggestions each person has been shown (issue 13): the Orchestrator raises a piece of
-- advice once, "Since you were last here", not on every visit.
CREATE TABLE "suggestion_views" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"suggestion_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_views_workspace_id_user_id_suggestion_id_pk" PRIMARY KEY("workspace_id","user_id","suggestion_id")
);
--> statement-breakpoint
ALTER TABLE "suggestion_views" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "suggestion_views" ADD CONSTRAINT "suggestion_views_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_views" ADD CONSTRAINT "suggestion_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "suggestion_views_in_current_workspace" ON "suggestion_views" AS PERMISSIVE FOR ALL TO "orca_app" USING (workspace_id = orca_current_workspace()) WITH CHECK (workspace_id = orca_current_workspace());