// Every JSONata evaluation in Orca goes through here: plain field paths are read in-process
// (field-path.ts), anything else is evaluated under hard limits in the pool's child processes.
// The pool is one per process, like the thread pool under node:fs: its children are a resource
// of the process, not of one platform, and the code that evaluates (templates, tools, hooks,
// chains) should not have to carry it around. The composition root sets its limits from the
// configuration at boot.

import { currentExpressionLane } from './evaluation-lane.ts';
import { defaultExpressionLimits, ExpressionFailure, type ExpressionLimits } from './expression-limits.ts';
import { ExpressionPool } from './expression-pool.ts';
import { fieldPath, followFieldPath } from './field-path.ts';

let pool = new ExpressionPool(defaultExpressionLimits);

/** Uses these limits from now on (a change starts new processes; evaluations under way fail). */
export function configureExpressions(limits: ExpressionLimits): void {
  const same = (Object.keys(limits) as (keyof ExpressionLimits)[]).every(
    (key) => limits[key] === pool.limits[key],
  );
  if (same) return;
  void pool.close();
  pool = new ExpressionPool(limits);
}

/** The limits evaluations run under now. */
export function expressionLimits(): ExpressionLimits {
  return pool.limits;
}

/** Stops the evaluating processes (they start again when something is evaluated). */
export async function stopExpressions(): Promise<void> {
  const stopping = pool;
  pool = new ExpressionPool(stopping.limits);
  await stopping.close();
}

function plain(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value;
}

/**
 * Evaluates each expression over `data` and answers their values as plain JSON data
 * (undefined where an expression gives nothing). Throws an ExpressionFailure for the first
 * expression that fails or hits a limit.
 */
export async function evaluateExpressions(expressions: string[], data: unknown): Promise<unknown[]> {
  const values: unknown[] = new Array(expressions.length);
  const remaining: { expression: string; index: number }[] = [];
  for (const [index, expression] of expressions.entries()) {
    const names = fieldPath(expression);
    const found = names ? followFieldPath(names, data) : { found: false as const };
    if (found.found) values[index] = plain(found.value);
    else remaining.push({ expression, index });
  }
  if (remaining.length === 0) return values;
  let evaluated: unknown[];
  try {
    evaluated = await pool.evaluate(
      remaining.map((entry) => entry.expression),
      data,
      currentExpressionLane(),
    );
  } catch (error) {
    if (!(error instanceof ExpressionFailure)) throw error;
    // The pool counts in the expressions it was given; the caller counts in all of them.
    throw new ExpressionFailure(error.message, {
      index: remaining[error.index]?.index ?? 0,
      limit: error.limit,
      code: error.code,
    });
  }
  for (const [position, entry] of remaining.entries()) values[entry.index] = evaluated[position];
  return values;
}
