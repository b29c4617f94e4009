// Renders step inputs: JSONata between {{ and }} over the run's data (see domain/template.ts).
import jsonata from 'jsonata';
import { expressionsIn, wholeExpression } from '../domain/template.ts';
import { ToolError } from './tool-error.ts';

/** Plain JSON data: JSONata's sequences and undefined become arrays and null. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Bounds on one evaluation: a runaway expression fails instead of holding the process. */
export interface EvaluationLimits {
  /** Milliseconds. */
  timeout: number;
  /** Depth of nested calls. */
  stack: number;
}

export async function evaluateExpression(
  expression: string,
  data: unknown,
  where: string,
  limits?: EvaluationLimits,
): Promise<unknown> {
  try {
    const value = await jsonata(expression, limits).evaluate(data);
    return value === undefined ? undefined : plain(value);
  } catch (error) {
    throw new ToolError(
      'expression',
      `${where}: the expression "${expression}" failed: ${(error as Error).message}.`,
      {
        cause: error,
      },
    );
  }
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Renders every template string inside a value; `where` names it in errors (`with.url`). */
export async function renderTemplate(value: unknown, data: unknown, where: string): Promise<unknown> {
  if (typeof value === 'string') {
    const whole = wholeExpression(value);
    if (whole !== undefined) return (await evaluateExpression(whole, data, where)) ?? null;
    const results = await Promise.all(
      expressionsIn(value).map((expression) => evaluateExpression(expression, data, where)),
    );
    let next = 0;
    // One pass over the original text, so that a value containing {{ is never evaluated again.
    return value.replace(/\{\{[\s\S]+?\}\}/g, () => asText(results[next++]));
  }
  if (Array.isArray(value)) {
    return Promise.all(value.map((item, index) => renderTemplate(item, data, `${where}.${index}`)));
  }
  if (value && typeof value === 'object') {
    const entries = await Promise.all(
      Object.entries(value).map(
        async ([key, item]) => [key, await renderTemplate(item, data, `${where}.${key}`)] as const,
      ),
    );
    return Object.fromEntries(entries);
  }
  return value;
}
