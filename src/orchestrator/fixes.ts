// Fixes the Orchestrator proposes for a failing agent, shared by troubleshooting and advice.
import type { AgentSpec } from '../domain/agent-spec.ts';
import type { PlanOperation } from '../domain/plan.ts';
import type { WorkspaceSnapshot } from './planner.ts';

/** Failures that often pass on another try: worth retries and a time limit. */
export const transientErrorCodes = ['timeout', 'network', 'http_status', 'llm_error'];

/**
 * Lets the step that failed retry (3 attempts, growing pauses) with a 60-second limit, when its
 * failure was of a passing kind and it does not retry that much already.
 */
export function retryFix(
  agent: WorkspaceSnapshot['agents'][number],
): { stepId: string; operation: PlanOperation } | undefined {
  const error = agent.lastRun?.error;
  if (agent.lastRun?.status !== 'failed' || !error || !transientErrorCodes.includes(error.code))
    return undefined;
  const step = agent.spec.steps.find((candidate) => candidate.id === error.stepId);
  if (!step || (step.retry?.attempts ?? 1) >= 3) return undefined;
  const spec: AgentSpec = structuredClone(agent.spec);
  const fixed = spec.steps.find((candidate) => candidate.id === step.id);
  if (!fixed) return undefined;
  fixed.retry = { attempts: 3, backoffMs: 2000, factor: 2 };
  fixed.timeoutMs ??= 60_000;
  return {
    stepId: step.id,
    operation: {
      type: 'updateAgent',
      agentId: agent.id,
      agentName: agent.name,
      expectedVersion: agent.version,
      spec: spec as unknown as Record<string, unknown>,
      before: agent.spec as unknown as Record<string, unknown>,
    },
  };
}
