-- Hand-written (issue 17, a fair queue): a queued run whose workspace already runs as many runs
-- as its plan allows at once is parked (parked_at set; it keeps status queued and has no queue
-- job) until one of the workspace's runs ends and wakes it, instead of its job bouncing every two
-- seconds. Two partial indexes keep the new reads cheap whatever the size of a workspace's
-- history: the runs a workspace has queued or running (counted at each start, for its share of
-- the queue, and at each claim, for its plan's limit), and its parked runs, oldest first (read
-- when one of its runs ends). Decision 0038.
ALTER TABLE "runs" ADD COLUMN "parked_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "runs_workspace_active" ON "runs" USING btree ("workspace_id","status") WHERE "runs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "runs_workspace_parked" ON "runs" USING btree ("workspace_id","created_at") WHERE "runs"."status" = 'queued' and "runs"."parked_at" is not null;
