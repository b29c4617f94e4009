// The tool contract: what every step of an agent calls. A tool declares its input and output as
// zod schemas (the Orchestrator reads them, the executor validates with them) and whether it has
// side effects (a replay after a crash must be recognisable by its idempotency key).
import type { z } from 'zod';
import type { OutboundPolicy } from './outbound-policy.ts';

export interface ToolLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** What a tool may use while it runs. Tools never reach the store or globals directly. */
export interface ToolContext {
  readonly workspaceId: string;
  readonly runId: string;
  readonly stepId: string;
  readonly attempt: number;
  /** `run:step:attempt`, sent along with side effects so that a replay can be recognised. */
  readonly idempotencyKey: string;
  /** Aborted when the run is cancelled or the step times out. */
  readonly signal: AbortSignal;
  readonly logger: ToolLogger;
  /** Which network addresses outbound requests may reach. */
  readonly network: OutboundPolicy;
  /** Everything the run has so far: input, outputs of earlier steps, run facts. */
  readonly runData: Readonly<Record<string, unknown>>;
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
