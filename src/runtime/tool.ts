// The tool contract: what every step of an agent calls. A tool declares its input and output as
// zod schemas (the Orchestrator reads them, the executor validates with them) and whether it has
// side effects (a replay after a crash must be recognisable by its idempotency key).
//
// Tools reach the rest of Orca only through the services in their context, never the store or
// globals: the executor builds the services for each run, scoped to the run's workspace.
import type { z } from 'zod';
import type { OutboundPolicy } from '../network/outbound-policy.ts';
import type { ToolServices } from './tool-services.ts';

export interface ToolLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** The agent a run belongs to, as far as its tools need to know. */
export interface RunAgent {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  /** Style memory from the agent's spec: writing samples and a profile for LLM output. */
  readonly style?: { readonly samples: readonly string[]; readonly profile?: string };
}

/** Tokens an LLM call used, for the run's accounting. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** What a tool may use while it runs. Tools never reach the store or globals directly. */
export interface ToolContext {
  readonly workspaceId: string;
  readonly runId: string;
  readonly stepId: string;
  readonly attempt: number;
  /** `run:step:attempt`, sent along with side effects so that a replay can be recognised. */
  readonly idempotencyKey: string;
  /**
   * `run:step` plus the loop index: the same on every attempt and after a crash, for side
   * effects that must happen once per step whatever the attempt (a saved file, a child run).
   */
  readonly stepKey: string;
  /** Aborted when the run is cancelled or the step times out. */
  readonly signal: AbortSignal;
  readonly logger: ToolLogger;
  /** Which network addresses outbound requests may reach. */
  readonly network: OutboundPolicy;
  /** Everything the run has so far: input, outputs of earlier steps, run facts. */
  readonly runData: Readonly<Record<string, unknown>>;
  readonly agent: RunAgent;
  /** What this step recorded before the run was suspended (a wait's end time), if anything. */
  readonly resumeState: unknown;
  /** Counts tokens against the step and the run. */
  recordUsage(usage: TokenUsage): void;
  /**
   * Takes the secrets the run was given (a password a page echoes, a field showing it) out of text
   * that leaves Orca for a model: what a page shows is the page's, not the agent's, to choose.
   */
  redactText?(text: string): string;
  readonly services: ToolServices;
}

export interface Tool<Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly description: string;
  readonly input: Input;
  readonly output: Output;
  readonly sideEffect: boolean;
  run(input: z.output<Input>, context: ToolContext): Promise<z.input<Output>>;
}

/** Declares a tool with its types inferred from its schemas. */
export function defineTool<Input extends z.ZodType, Output extends z.ZodType>(tool: Tool<Input, Output>) {
  return tool;
}

/**
 * Thrown by a tool to suspend the run until a time: the executor checkpoints `state` for the
 * step, releases the worker and has the run picked up again at `until`, when the step runs once
 * more with `state` as its `resumeState`.
 */
export class SuspendRun extends Error {
  constructor(
    readonly until: Date,
    readonly state: unknown,
  ) {
    super(`The run waits until ${until.toISOString()}.`);
    this.name = 'SuspendRun';
  }
}
