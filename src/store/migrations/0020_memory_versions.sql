-- Shared context edited in the browser (issue 14): every write of an entry counts a version, so
-- an edit made from a stale copy can be refused, and the person who wrote it last is kept.
ALTER TABLE "memory_entries" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "memory_entries" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "memory_entries" ADD CONSTRAINT "memory_entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
-- Keys like "clients/acme" and words like "globex.example" or "jane@acme.com" were one token to the
-- text-search parser (a path, a host, an e-mail), so "acme" did not find them: keys are read with
-- their separators as spaces, and text both as it is and so.
DROP INDEX "memory_search";--> statement-breakpoint
ALTER TABLE "memory_entries" DROP COLUMN "search";--> statement-breakpoint
ALTER TABLE "memory_entries" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', regexp_replace(key, '[/._:@]+', ' ', 'g')), 'A') || setweight(to_tsvector('english', text) || to_tsvector('english', regexp_replace(text, '[/._:@]+', ' ', 'g')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "memory_search" ON "memory_entries" USING gin ("search");
