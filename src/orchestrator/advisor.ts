// Proactive advice: patterns in the workspace's agents and runs that a plan could improve, each
// with the figures that prompted it and the plan to accept. Advice is computed when asked for,
// from the runs as they are; a dismissed suggestion is not made again (until the agent changes,
// which gives it a new id).
import type { PlannedChange } from '../domain/plan.ts';
import type { AgentRunStats } from '../store/run-repository.ts';
import { retryFix } from './fixes.ts';
import type { WorkspaceSnapshot } from './planner.ts';

export interface Suggestion {
  id: string;
  kind: 'repeated_failures' | 'never_runs';
  agentId: string;
  agentName: string;
  /** Why, with the figures seen. */
  reason: string;
  plan: PlannedChange;
}

export interface AdvisorInput {
  snapshot: WorkspaceSnapshot;
  stats: AgentRunStats[];
  /** When each agent was created. */
  createdAt: Map<string, Date>;
  now: Date;
}

/** An agent that has not run this long after it was made is probably forgotten. */
export const idleDays = 14;

export function advise(input: AdvisorInput): Suggestion[] {
  const statsOf = new Map(input.stats.map((stats) => [stats.agentId, stats]));
  const suggestions: Suggestion[] = [];
  for (const agent of input.snapshot.agents) {
    const stats = statsOf.get(agent.id);
    const id = (kind: string) => `${kind}-${agent.id}-v${agent.version}`;
    if (stats && stats.recentFinished >= 3 && stats.recentFailures >= 3) {
      const figures = `${stats.recentFailures} of its last ${stats.recentFinished} runs failed`;
      const fix = retryFix(agent);
      suggestions.push({
        id: id('repeated_failures'),
        kind: 'repeated_failures',
        agentId: agent.id,
        agentName: agent.name,
        reason: fix
          ? `"${agent.name}" keeps failing (${figures}, last at step "${fix.stepId}": ${agent.lastRun?.error?.message}). Retries with a time limit often get it through.`
          : `"${agent.name}" keeps failing (${figures}: ${agent.lastRun?.error?.message ?? 'see its runs'}). Pausing it stops the failures until it is fixed.`,
        plan: fix
          ? {
              summary: `Let "${fix.stepId}" of "${agent.name}" retry.`,
              questions: [],
              operations: [fix.operation],
            }
          : {
              summary: `Pause "${agent.name}" until it is fixed.`,
              questions: [],
              operations: [{ type: 'pauseAgent', agentId: agent.id, agentName: agent.name }],
            },
      });
    }
    const created = input.createdAt.get(agent.id);
    const days = created ? Math.floor((input.now.getTime() - created.getTime()) / 86_400_000) : 0;
    if (agent.status === 'active' && (stats?.runs ?? 0) === 0 && days >= idleDays) {
      suggestions.push({
        id: id('never_runs'),
        kind: 'never_runs',
        agentId: agent.id,
        agentName: agent.name,
        reason: `"${agent.name}" was created ${days} days ago and has never run. Pause it (or delete it) to keep the workspace tidy.`,
        plan: {
          summary: `Pause "${agent.name}", which has never run.`,
          questions: [],
          operations: [{ type: 'pauseAgent', agentId: agent.id, agentName: agent.name }],
        },
      });
    }
  }
  return suggestions;
}
