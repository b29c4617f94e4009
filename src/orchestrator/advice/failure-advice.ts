// Advice from how an agent's runs end: one that keeps failing gets retries (or a pause), one that
// has never run since it was made long ago gets paused.
import { retryFix } from '../fixes.ts';
import { type Adviser, suggestionId } from './advice-context.ts';

/** An agent that has not run this long after it was made is probably forgotten. */
export const idleDays = 14;

/** Of an agent's last `window` finished runs, at least `failed` failed: it keeps failing. */
export const failureFigures = { window: 5, failed: 3 };

export const repeatedFailures: Adviser = ({ agent, runs }) => {
  // Only runs of the agent as it is now count: a change (a fix accepted from this very advice)
  // starts the count again instead of being judged by the failures it was made to end.
  const recent = runs.filter((run) => run.agentVersion === agent.version).slice(0, failureFigures.window);
  const failed = recent.filter((run) => run.status === 'failed').length;
  if (failed < failureFigures.failed) return undefined;
  const figures = `${failed} of its last ${recent.length} runs failed`;
  const fix = retryFix(agent);
  const reference = { agentId: agent.id, agentName: agent.name };
  return {
    id: suggestionId('repeated_failures', agent),
    kind: 'repeated_failures',
    ...reference,
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
          operations: [{ type: 'pauseAgent', ...reference }],
        },
  };
};

export const neverRuns: Adviser = ({ agent, stats, input }) => {
  const created = input.createdAt.get(agent.id);
  const days = created ? Math.floor((input.now.getTime() - created.getTime()) / 86_400_000) : 0;
  if (agent.status !== 'active' || (stats?.runs ?? 0) > 0 || days < idleDays) return undefined;
  return {
    id: suggestionId('never_runs', agent),
    kind: 'never_runs',
    agentId: agent.id,
    agentName: agent.name,
    reason: `"${agent.name}" was created ${days} days ago and has never run. Pause it (or delete it) to keep the workspace tidy.`,
    plan: {
      summary: `Pause "${agent.name}", which has never run.`,
      questions: [],
      operations: [{ type: 'pauseAgent', agentId: agent.id, agentName: agent.name }],
    },
  };
};
