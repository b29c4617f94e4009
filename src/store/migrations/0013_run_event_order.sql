-- Run events get a place in their workspace's commit order (issue 11, item 6; see
-- docs/decisions/0010-event-stream-order.md). `id` comes from a sequence when the row is
-- inserted, so ids commit out of order, and a reader that resumes "after the last id it sent"
-- skips an event whose transaction committed late. `stream_position` is assigned at commit
-- instead, by a deferred trigger that counts on a per-workspace row: the row stays locked until
-- the transaction commits, so a later position cannot become visible before an earlier one.
ALTER TABLE "run_events" ADD COLUMN "stream_position" bigint;--> statement-breakpoint
CREATE TABLE "run_event_positions" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"last_position" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "run_event_positions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "run_event_positions" ADD CONSTRAINT "run_event_positions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "run_event_positions_in_current_workspace" ON "run_event_positions" AS PERMISSIVE FOR ALL TO "orca_app" USING (workspace_id = orca_current_workspace()) WITH CHECK (workspace_id = orca_current_workspace());--> statement-breakpoint
-- Events stored before this migration keep their id order, which is the best order known.
UPDATE "run_events" SET "stream_position" = "numbered"."position"
FROM (
	SELECT "id", row_number() OVER (PARTITION BY "workspace_id" ORDER BY "id") AS "position" FROM "run_events"
) AS "numbered"
WHERE "run_events"."id" = "numbered"."id";--> statement-breakpoint
INSERT INTO "run_event_positions" ("workspace_id", "last_position")
SELECT "workspace_id", max("stream_position") FROM "run_events" GROUP BY "workspace_id";--> statement-breakpoint
DROP INDEX "run_events_run";--> statement-breakpoint
CREATE UNIQUE INDEX "run_events_workspace_position_unique" ON "run_events" USING btree ("workspace_id","stream_position");--> statement-breakpoint
CREATE INDEX "run_events_run_position" ON "run_events" USING btree ("run_id","stream_position");--> statement-breakpoint
-- Runs as the inserting transaction's role (orca_app, in its workspace), so the policies of both
-- tables apply. READ COMMITTED makes a transaction that waited for the row count on from the
-- value its predecessor committed.
CREATE OR REPLACE FUNCTION orca_assign_run_event_position() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  assigned bigint;
BEGIN
  INSERT INTO run_event_positions AS counter (workspace_id, last_position)
  VALUES (NEW.workspace_id, 1)
  ON CONFLICT (workspace_id) DO UPDATE SET last_position = counter.last_position + 1
  RETURNING last_position INTO assigned;
  UPDATE run_events SET stream_position = assigned WHERE id = NEW.id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "run_events_assign_position" AFTER INSERT ON "run_events"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION orca_assign_run_event_position();
