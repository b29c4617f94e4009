-- Hand-written (issue 14, the account page): sessions remember when they were last used and which
-- browser signed in, so a person can tell them apart and end the ones they do not recognise; and
-- account_events records password changes and sign-outs, readable by the account only.
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "user_agent" text;--> statement-breakpoint
CREATE TABLE "account_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"action" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_events_user_time" ON "account_events" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE POLICY "account_events_of_current_user" ON "account_events" AS PERMISSIVE FOR ALL TO "orca_app" USING (user_id = orca_current_user()) WITH CHECK (user_id = orca_current_user());
--> statement-breakpoint
-- A person lists and ends their own sessions in their account scope (the policy
-- sessions_of_current_user keeps them to their own rows). The application role may read every
-- column but the token's hash, and delete; sessions are still created only by sign-in code.
GRANT SELECT (id, user_id, created_at, last_seen_at, expires_at, user_agent) ON sessions TO orca_app;--> statement-breakpoint
GRANT DELETE ON sessions TO orca_app;
