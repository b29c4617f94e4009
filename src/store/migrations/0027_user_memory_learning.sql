-- Hand-written (issue 16, what user memory learns): a person's memory records the shape of what
-- they build (kinds of agent, tools, patterns, channels, schedule shapes, time zones, locales),
-- one row per thing learned with how often and when last, readable and deletable by the account
-- only. `learning` on user_memories lets the person turn the recording off.
ALTER TABLE "user_memories" ADD COLUMN "learning" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE TABLE "learned_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"category" text NOT NULL,
	"key" text NOT NULL,
	"source" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "learned_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "learned_items" ADD CONSTRAINT "learned_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "learned_items_user_category_key" ON "learned_items" USING btree ("user_id","category","key");--> statement-breakpoint
CREATE POLICY "learned_items_of_current_user" ON "learned_items" AS PERMISSIVE FOR ALL TO "orca_app" USING (user_id = orca_current_user()) WITH CHECK (user_id = orca_current_user());
