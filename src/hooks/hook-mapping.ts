// A hook's mapping: a JSONata expression over what the caller sent ({ body, headers, query })
// whose value is the run's input. It is checked when the hook is saved, and evaluated in the API
// process on every call, so it is evaluated under the expression limits (expressions/): a mapping
// that loops must neither hold the API's event loop nor a request for long.
import jsonata from 'jsonata';
import { ruleViolated } from '../domain/errors.ts';
import { evaluateExpressions } from '../expressions/expression-evaluator.ts';
import { ExpressionFailure } from '../expressions/expression-limits.ts';

/** What a mapping reads. */
export interface HookRequestData {
  body: unknown;
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
}

function reasonOf(error: unknown): string {
  const message = (error as { message?: unknown })?.message;
  return typeof message === 'string' ? message : String(error);
}

/** Why a mapping does not parse, or undefined when it does. */
export function mappingSyntaxError(mapping: string): string | undefined {
  try {
    jsonata(mapping);
    return undefined;
  } catch (error) {
    return reasonOf(error);
  }
}

/** Throws a 422 naming the parse error when the mapping is not valid JSONata. */
export function checkMapping(mapping: string): void {
  const reason = mappingSyntaxError(mapping);
  if (reason !== undefined) {
    throw ruleViolated(`The mapping "${mapping}" is not valid JSONata: ${reason}.`, [
      { path: 'mapping', message: reason },
    ]);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The run input for a call: the mapping's value, or the body itself when the hook has no
 * mapping. Either must be a JSON object (an empty body is an empty input); otherwise a 422 says
 * what came out and what to change.
 */
export async function mapToRunInput(
  mapping: string | null,
  data: HookRequestData,
): Promise<Record<string, unknown>> {
  if (mapping === null) {
    if (data.body === undefined || data.body === '') return {};
    if (isPlainObject(data.body)) return data.body;
    throw ruleViolated(
      'This hook has no mapping, so its body is the run input and must be a JSON object (sent with Content-Type: application/json). ' +
        'Send an object, or give the hook a mapping such as {"text": body}.',
    );
  }
  let input: unknown;
  try {
    [input] = await evaluateExpressions([mapping], data);
  } catch (error) {
    const reason = reasonOf(error);
    if (error instanceof ExpressionFailure && error.limit) {
      throw ruleViolated(
        `The hook's mapping was stopped on this request: it ${reason}. Change the mapping to do less.`,
        [{ path: 'mapping', message: reason, limit: error.limit }],
      );
    }
    throw ruleViolated(`The hook's mapping failed on this request: ${reason}.`, [
      { path: 'mapping', message: reason },
    ]);
  }
  if (!isPlainObject(input)) {
    const got = input === undefined ? 'nothing' : Array.isArray(input) ? 'a list' : `a ${typeof input}`;
    throw ruleViolated(
      `The hook's mapping gave ${got} for this request; the run input must be an object. ` +
        'Change the mapping to build one, e.g. {"url": body.url}.',
      [{ path: 'mapping', message: `gave ${got}, not an object` }],
    );
  }
  return input;
}
