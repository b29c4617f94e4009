// Renders step inputs: JSONata between {{ and }} over the run's data (see domain/template.ts).
// Evaluation goes through expressions/expression-evaluator.ts, under hard limits.
import { expressionsIn, wholeExpression } from '../domain/template.ts';
import { evaluateExpressions, expressionLimits } from '../expressions/expression-evaluator.ts';
import { ExpressionFailure } from '../expressions/expression-limits.ts';
import { ToolError } from './tool-error.ts';

/** An expression as quoted in a message: long ones are cut. */
function quoted(expression: string): string {
  return expression.length > 200 ? `"${expression.slice(0, 200)}…"` : `"${expression}"`;
}

/** The error a step (or a chain) fails with; `where` names the field, such as `steps.fetch.with.url`. */
export function expressionError(error: unknown, expression: string, where: string): ToolError {
  if (error instanceof ExpressionFailure && error.limit) {
    return new ToolError(
      'expression_limit',
      `${where}: the expression ${quoted(expression)} was stopped: it ${error.message}. ` +
        'Make it do less (a smaller range, no endless recursion, a simpler regular expression), or ask the operator to raise the limit.',
      { cause: error, details: { where, limit: error.limit, limits: expressionLimits() } },
    );
  }
  const failed = error instanceof ExpressionFailure && error.syntaxError ? 'does not parse' : 'failed';
  return new ToolError(
    'expression',
    `${where}: the expression ${quoted(expression)} ${failed}: ${(error as Error).message}.`,
    { cause: error },
  );
}

/** Evaluates one expression; `where` names it in errors. */
export async function evaluateExpression(expression: string, data: unknown, where: string): Promise<unknown> {
  try {
    const [value] = await evaluateExpressions([expression], data);
    return value;
  } catch (error) {
    throw expressionError(error, expression, where);
  }
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

interface Found {
  expression: string;
  where: string;
}

/** Every expression inside a value, in the order `fill` takes their values back. */
function collect(value: unknown, where: string, found: Found[]): void {
  if (typeof value === 'string') {
    const whole = wholeExpression(value);
    const expressions = whole !== undefined ? [whole] : expressionsIn(value);
    for (const expression of expressions) found.push({ expression, where });
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) collect(item, `${where}.${index}`, found);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) collect(item, `${where}.${key}`, found);
  }
}

/** The value with each template replaced by the next of `results`, in `collect`'s order. */
function fill(value: unknown, results: { next: number; values: unknown[] }): unknown {
  if (typeof value === 'string') {
    if (wholeExpression(value) !== undefined) return results.values[results.next++] ?? null;
    // One pass over the original text, so that a value containing {{ is never evaluated again.
    return value.replace(/\{\{[\s\S]+?\}\}/g, () => asText(results.values[results.next++]));
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, results));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, results)]));
  }
  return value;
}

/**
 * Renders every template string inside a value; `where` names it in errors (`with.url`). The
 * value's expressions are evaluated together, so the run's data is sent once.
 */
export async function renderTemplate(value: unknown, data: unknown, where: string): Promise<unknown> {
  const found: Found[] = [];
  collect(value, where, found);
  let values: unknown[] = [];
  try {
    values = await evaluateExpressions(
      found.map((entry) => entry.expression),
      data,
    );
  } catch (error) {
    const index = error instanceof ExpressionFailure ? error.index : 0;
    const failed = found[index] ?? { expression: '', where };
    throw expressionError(error, failed.expression, failed.where);
  }
  return fill(value, { next: 0, values });
}
