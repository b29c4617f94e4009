// What planners see of a workspace: its agents with their specs and last runs.
import { listAgents } from '../store/agent-repository.ts';
import { latestRunPerAgent } from '../store/run-repository.ts';
import type { WorkspaceScope } from '../store/store.ts';
import type { WorkspaceSnapshot } from './planner.ts';

/** Planners read at most this many agents; a workspace with more is summarised by them. */
const snapshotAgentLimit = 1000;

export async function workspaceSnapshot(
  scope: WorkspaceScope,
  timezone?: string,
): Promise<WorkspaceSnapshot> {
  const [agents, lastRuns] = [
    await listAgents(scope, { limit: snapshotAgentLimit }),
    await latestRunPerAgent(scope),
  ];
  const lastRunOf = new Map(lastRuns.map((run) => [run.agentId, run]));
  return {
    timezone,
    agents: agents.map((agent) => {
      const run = lastRunOf.get(agent.id);
      return {
        id: agent.id,
        name: agent.name,
        status: agent.status,
        version: agent.version,
        spec: agent.spec,
        lastRun: run && {
          id: run.id,
          status: run.status,
          error: run.error ?? null,
          finishedAt: run.finishedAt?.toISOString() ?? null,
        },
      };
    }),
  };
}
