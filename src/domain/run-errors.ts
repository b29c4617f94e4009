// What a failed run or step records as its error: a closed set of codes, so that troubleshooting,
// the web app and API clients switch on codes, never on message text.

/** Codes a tool raises (runtime/tool-error.ts); a step that fails records its tool's code. */
export const toolErrorCodes = [
  'invalid_input',
  'refused_address',
  'timeout',
  'network',
  'http_status',
  'too_large',
  'expression',
  /** An expression hit a hard limit (time, depth, size, memory): see expressions/. */
  'expression_limit',
  'cancelled',
  'not_found',
  'agent_cycle',
  'depth_limit',
  'agent_paused',
  /** The workspace, or the called agent's budget, cannot pay for the call. */
  'insufficient_credits',
  'agent_busy',
  'agent_failed',
  'browser',
  'selector_not_found',
  'login_failed',
  /** A listing had more pages than browser.paginate's maxPages. */
  'page_limit',
  'connection_expired',
  'not_configured',
  'llm_error',
  'llm_invalid_output',
  /** A step with `repeat` ran its maxIterations before its until condition held. */
  'repeat_limit',
] as const;

export type ToolErrorCode = (typeof toolErrorCodes)[number];

/** Every code a run or step error carries: the tools' own, and those the runtime and triggers add. */
export const runErrorCodes = [
  ...toolErrorCodes,
  /** A step threw something other than a tool error (a bug, or an unexpected failure). */
  'step_failed',
  /** A step stopped its worker too many times; the run was failed instead of resumed again. */
  'poisonous_step',
  /** The agent version the run was admitted for is gone. */
  'agent_version_missing',
  /** A chain would have started a run deeper than the chain depth limit. */
  'chain_depth_exceeded',
  /** A chain's mapping failed to give the next run's input. */
  'chain_mapping_failed',
  /** A schedule's or a chain's run fell due while too many runs waited to start (backpressure). */
  'queue_full',
] as const;

export type RunErrorCode = (typeof runErrorCodes)[number];

/** A run's or a step's error, as stored and as the API returns it. */
export interface RunError {
  code: RunErrorCode;
  message: string;
  /** The step that failed, when a step did. */
  stepId?: string;
  details?: Record<string, unknown>;
}
