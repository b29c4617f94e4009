// Runs in words: how a run was started, and what to do about each kind of step failure. The
// API stores a failure as { code, message, stepId, details }; the code is a closed set, so each
// one has a fix worded here, once, for every page that shows a failed run or step.
import type { Schemas } from '../api/client.ts';

export type RunStatus = Schemas['Run']['status'];
export type RunTrigger = Schemas['Run']['trigger'];

export const runStatuses: RunStatus[] = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'];

const triggerWords: Record<RunTrigger, string> = {
  manual: 'By hand',
  orchestrator: 'By the Orchestrator',
  schedule: 'On schedule',
  webhook: 'From a webhook',
  chain: 'From a chain',
  agent: 'Called by another agent',
};

export const runTriggers = Object.keys(triggerWords) as RunTrigger[];

export function triggerInWords(trigger: string): string {
  return triggerWords[trigger as RunTrigger] ?? trigger;
}

const statusWords: Record<RunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  waiting: 'Waiting',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function statusInWords(status: string): string {
  return statusWords[status as RunStatus] ?? status;
}

export const finishedStatuses = new Set<string>(['succeeded', 'failed', 'cancelled']);

/** A failure as the API stores it on a run or a step. */
export interface StoredFailure {
  code: string;
  message: string;
  stepId?: string;
  details?: Record<string, unknown>;
}

export function asFailure(value: unknown): StoredFailure | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const candidate = value as Partial<StoredFailure>;
  if (typeof candidate.message !== 'string') return undefined;
  return {
    code: typeof candidate.code === 'string' ? candidate.code : 'step_failed',
    message: candidate.message,
    stepId: typeof candidate.stepId === 'string' ? candidate.stepId : undefined,
    details:
      candidate.details && typeof candidate.details === 'object'
        ? (candidate.details as Record<string, unknown>)
        : undefined,
  };
}

const fixes: Record<string, string> = {
  invalid_input:
    'A setting of this step is not valid. Ask the Orchestrator to fix the step, then retry from it.',
  refused_address:
    'Orca may not reach this address (a private or blocked network). Use a public address, or ask your administrator to allow it.',
  timeout:
    'The step took too long. Retry it; if it keeps timing out, ask the Orchestrator to give it more time or retries.',
  network: 'The site could not be reached. Check the address and that the site is up, then retry.',
  http_status:
    'The site answered with an error. Check the address (the page may have moved) or retry later if the site is down.',
  too_large:
    'The answer was larger than the step allows. Ask the Orchestrator to raise the limit or narrow what it fetches.',
  expression:
    'An expression in this step could not be worked out. Ask the Orchestrator to fix the step’s expression.',
  expression_limit:
    'An expression ran too long or grew too large. Simplify it, or work on less data at a time.',
  cancelled: 'The run was cancelled. Retry it when you want it to run again.',
  not_found: 'Something the step needs no longer exists. Check what it refers to, then retry.',
  agent_cycle: 'Agents call each other in a loop. Remove one of the calls.',
  depth_limit: 'Too many agents call one another in a row. Shorten the chain of calls.',
  agent_paused: 'The agent this step calls is paused. Resume it, then retry.',
  agent_busy: 'The agent this step calls is busy. Retry in a moment.',
  agent_failed: 'The agent this step calls failed. Open its run to see why, fix it, then retry.',
  browser:
    'The browser could not finish the step. Retry; if it fails again, check the page in your own browser.',
  selector_not_found:
    'Nothing on the page matched what the step looks for; the page’s layout may have changed. See the screenshot, then ask the Orchestrator for a new selector.',
  login_failed: 'The site refused the sign-in. Reconnect the account with the right details, then retry.',
  connection_expired: 'The connected account has expired. Reconnect it, then retry.',
  not_configured: 'Something this step needs is not set up in this Orca yet. Ask your administrator.',
  llm_error: 'The language model did not answer. Retry in a moment.',
  llm_invalid_output:
    'The language model’s answer did not have the expected shape. Retry, or make the instructions clearer.',
  page_limit:
    'The listing had more pages than the step may read (its maxPages). Raise maxPages, or ask the Orchestrator why this run failed: it can raise it for you.',
  repeat_limit:
    'The step repeated as many times as it may and its until condition never held. Raise its maxIterations if there is more to fetch, or ask the Orchestrator to fix the condition.',
};

/** What to do about a failure, in words. */
export function fixFor(code: string): string {
  return fixes[code] ?? 'Ask the Orchestrator why this run failed; it can propose a fix. Then retry.';
}
