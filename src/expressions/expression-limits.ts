// The bounds every JSONata evaluation runs under, and the error that names the one an expression
// hit. Expressions come from agent specs, hooks and chains that any builder writes, so none of
// them may hold the process: see expression-pool.ts for how the bounds are enforced.

export interface ExpressionLimits {
  /** Milliseconds one expression may run (ORCA_EXPRESSION_TIMEOUT_MS). */
  timeoutMs: number;
  /** How deeply an evaluation may nest, such as recursive calls (ORCA_EXPRESSION_MAX_DEPTH). */
  maximumDepth: number;
  /** How many items one sequence may hold, ranges included (ORCA_EXPRESSION_MAX_ITEMS). */
  maximumItems: number;
  /** The largest result, as JSON text (ORCA_EXPRESSION_MAX_RESULT_BYTES). */
  maximumResultBytes: number;
  /** The heap of each evaluating process, in megabytes (ORCA_EXPRESSION_MEMORY_MB). */
  memoryMb: number;
  /** How many evaluating processes run at once (ORCA_EXPRESSION_PROCESSES). */
  processes: number;
}

export const defaultExpressionLimits: ExpressionLimits = {
  timeoutMs: 1000,
  maximumDepth: 500,
  maximumItems: 1_000_000,
  maximumResultBytes: 4 * 1024 * 1024,
  memoryMb: 256,
  processes: 2,
};

/** Which bound an expression hit. */
export type ExpressionLimitKind = 'time' | 'depth' | 'items' | 'result' | 'memory';

/** What the limit was, in words a builder can act on, with the setting that raises it. */
export function describeLimit(kind: ExpressionLimitKind, limits: ExpressionLimits): string {
  switch (kind) {
    case 'time':
      return `took longer than ${limits.timeoutMs} ms (the limit is ORCA_EXPRESSION_TIMEOUT_MS)`;
    case 'depth':
      return `nested deeper than ${limits.maximumDepth} levels, as endless recursion does (the limit is ORCA_EXPRESSION_MAX_DEPTH)`;
    case 'items':
      return `built a list of more than ${limits.maximumItems} items (the limit is ORCA_EXPRESSION_MAX_ITEMS)`;
    case 'result':
      return `gave a result larger than ${limits.maximumResultBytes} bytes (the limit is ORCA_EXPRESSION_MAX_RESULT_BYTES)`;
    case 'memory':
      return `used more than ${limits.memoryMb} MB of memory (the limit is ORCA_EXPRESSION_MEMORY_MB)`;
  }
}

/**
 * An expression that failed: `limit` is set when it hit a bound (the message says which),
 * otherwise the message is JSONata's own, with its `code`. `index` is its place in the batch
 * evaluated.
 */
export class ExpressionFailure extends Error {
  readonly limit: ExpressionLimitKind | undefined;
  readonly index: number;
  readonly code: string | undefined;

  constructor(message: string, options: { index: number; limit?: ExpressionLimitKind; code?: string }) {
    super(message);
    this.name = 'ExpressionFailure';
    this.index = options.index;
    this.limit = options.limit;
    this.code = options.code;
  }

  /** Whether JSONata could not parse the expression (its syntax error codes start with S0). */
  get syntaxError(): boolean {
    return this.code?.startsWith('S0') ?? false;
  }
}
