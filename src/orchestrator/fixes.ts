// Fixes the Orchestrator proposes for a failing agent, shared by troubleshooting and advice.
import type { AgentSpec } from '../domain/agent-spec.ts';
import type { PlanOperation } from '../domain/plan.ts';
import type { WorkspaceSnapshot } from './planner.ts';

/** The plan's operation that gives an agent a new spec, against the version it was planned on. */
export function agentChange(
  agent: Pick<WorkspaceSnapshot['agents'][number], 'id' | 'name' | 'version' | 'spec'>,
  spec: AgentSpec,
): PlanOperation {
  return {
    type: 'updateAgent',
    agentId: agent.id,
    agentName: agent.name,
    expectedVersion: agent.version,
    spec: spec as unknown as Record<string, unknown>,
    before: agent.spec as unknown as Record<string, unknown>,
  };
}

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
  // A 404, 401 or 403 answers the same on every try: only server errors and rate limits pass.
  if (
    error.code === 'http_status' &&
    error.status !== undefined &&
    error.status < 500 &&
    error.status !== 429
  )
    return undefined;
  const step = agent.spec.steps.find((candidate) => candidate.id === error.stepId);
  if (!step || (step.retry?.attempts ?? 1) >= 3) return undefined;
  const spec: AgentSpec = structuredClone(agent.spec);
  const fixed = spec.steps.find((candidate) => candidate.id === step.id);
  if (!fixed) return undefined;
  fixed.retry = { attempts: 3, backoffMs: 2000, factor: 2 };
  fixed.timeoutMs ??= 60_000;
  return { stepId: step.id, operation: agentChange(agent, spec) };
}

/** An updateAgent operation with the agent's spec changed by `change`, which answers what it changed. */
function specUpdate(
  agent: WorkspaceSnapshot['agents'][number],
  change: (spec: AgentSpec) => boolean,
): PlanOperation | undefined {
  const spec: AgentSpec = structuredClone(agent.spec);
  return change(spec) ? agentChange(agent, spec) : undefined;
}

/** Every string of a value equal to `from`, replaced by `to`; answers how many were. */
function replaceEverywhere(value: Record<string, unknown>, from: string, to: string): number {
  let replaced = 0;
  for (const [key, item] of Object.entries(value)) {
    if (item === from) {
      value[key] = to;
      replaced++;
    } else if (item && typeof item === 'object') {
      replaced += replaceEverywhere(item as Record<string, unknown>, from, to);
    }
  }
  return replaced;
}

/** The fixed address a step fetches or opens (not one made from a template), if it has one. */
export function fixedUrlOf(agent: WorkspaceSnapshot['agents'][number], stepId: string): string | undefined {
  const url = agent.spec.steps.find((step) => step.id === stepId)?.with.url;
  return typeof url === 'string' && !url.includes('{{') ? url : undefined;
}

/**
 * Points the step at a new address, and every other use of the old one in the agent (an
 * extraction's base URL, a browser step on the same page), so the agent stays consistent.
 */
export function urlFix(
  agent: WorkspaceSnapshot['agents'][number],
  stepId: string,
  newUrl: string,
): PlanOperation | undefined {
  const oldUrl = fixedUrlOf(agent, stepId);
  if (!oldUrl || oldUrl === newUrl) return undefined;
  return specUpdate(
    agent,
    (spec) => spec.steps.reduce((count, step) => count + replaceEverywhere(step.with, oldUrl, newUrl), 0) > 0,
  );
}

/** The selector a failed step looked for: the one its error names, else an extraction's records. */
export function selectorOf(agent: WorkspaceSnapshot['agents'][number], stepId: string, named?: string) {
  if (named) return named;
  const step = agent.spec.steps.find((candidate) => candidate.id === stepId);
  const records = step?.with.records as { selector?: unknown } | undefined;
  const selector = records?.selector ?? step?.with.selector;
  return typeof selector === 'string' ? selector : undefined;
}

/** Replaces the selector in the step that failed (wherever in its input it stands). */
export function selectorFix(
  agent: WorkspaceSnapshot['agents'][number],
  stepId: string,
  oldSelector: string,
  newSelector: string,
): PlanOperation | undefined {
  if (oldSelector === newSelector) return undefined;
  return specUpdate(agent, (spec) => {
    const step = spec.steps.find((candidate) => candidate.id === stepId);
    return step ? replaceEverywhere(step.with, oldSelector, newSelector) > 0 : false;
  });
}

/** The bound a step reached: a listing's pages (browser.paginate) or a loop's rounds (repeat). */
export interface BoundFix {
  stepId: string;
  /** What the bound counts, in words. */
  counts: 'pages' | 'rounds';
  from: number;
  to: number;
  operation: PlanOperation;
}

/** The largest bound each kind of step accepts (the tool's and the spec's own limits). */
const largestBound = { pages: 1000, rounds: 1000 };

/**
 * Doubles the bound of the step whose run stopped at it (page_limit, repeat_limit): the walk or
 * the loop had more to read, so it gets room for twice as much, up to the largest bound.
 */
export function boundFix(
  agent: WorkspaceSnapshot['agents'][number],
  stepId: string,
  code: string,
): BoundFix | undefined {
  const step = agent.spec.steps.find((candidate) => candidate.id === stepId);
  if (!step) return undefined;
  const counts = code === 'page_limit' ? 'pages' : code === 'repeat_limit' ? 'rounds' : undefined;
  if (!counts) return undefined;
  const from =
    counts === 'pages'
      ? typeof step.with.maxPages === 'number'
        ? step.with.maxPages
        : 50
      : (step.repeat?.maxIterations ?? 100);
  const to = Math.min(largestBound[counts], from * 2);
  if (to <= from) return undefined;
  const operation = specUpdate(agent, (spec) => {
    const fixed = spec.steps.find((candidate) => candidate.id === stepId);
    if (!fixed) return false;
    if (counts === 'pages') fixed.with = { ...fixed.with, maxPages: to };
    else if (fixed.repeat) fixed.repeat = { ...fixed.repeat, maxIterations: to };
    else return false;
    return true;
  });
  return operation ? { stepId, counts, from, to, operation } : undefined;
}
