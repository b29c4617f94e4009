-- Hand-written (issue 16, deliverables with versions): saving a file under a name that its
-- workroom and agent already used makes a new version of it rather than an unrelated file. A
-- family is the text key "<workroom or ->/<agent or ->/<lower-cased name>" (see
-- src/domain/deliverable-family.ts); versions count from 1 within it. Existing rows are grouped
-- the same way, in the order they were made.
ALTER TABLE "deliverables" ADD COLUMN "family" text;--> statement-breakpoint
ALTER TABLE "deliverables" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
UPDATE "deliverables" SET "family" = coalesce("workroom_id"::text, '-') || '/' || coalesce("agent_id"::text, '-') || '/' || lower("name");--> statement-breakpoint
UPDATE "deliverables" AS d SET "version" = numbered.version FROM (
	SELECT "id", row_number() OVER (PARTITION BY "workspace_id", "family" ORDER BY "created_at", "id") AS version FROM "deliverables"
) AS numbered WHERE numbered.id = d.id;--> statement-breakpoint
ALTER TABLE "deliverables" ALTER COLUMN "family" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "deliverables_family_version_unique" ON "deliverables" USING btree ("workspace_id","family","version");
