-- Hand-written (issue 16, staging to production): an agent promoted or imported from another
-- workspace keeps where it came from (that workspace's id and name, the agent's id and name, the
-- version), so promoting it again updates it instead of making a second agent, and the workspace
-- it came from can offer its newer versions. Null for an agent made here.
ALTER TABLE "agents" ADD COLUMN "origin" jsonb;--> statement-breakpoint
CREATE INDEX "agents_workspace_origin_agent" ON "agents" USING btree ("workspace_id",("origin"->>'agentId'));
