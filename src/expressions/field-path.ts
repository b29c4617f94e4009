// The fast path: most templates are plain field paths (`input.url`, `steps.fetch.body`), which
// need neither JSONata nor a child process. A path is answered here only when the answer is
// certainly JSONata's own; anything else goes to the pool.

// Names JSONata reads as something else than a field: literals, operators, `function`.
const reservedWords = new Set(['true', 'false', 'null', 'and', 'or', 'in', 'function']);
const fieldPathPattern = /^\s*[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\s*$/;

/** The field names of an expression that is a plain path, or undefined. */
export function fieldPath(expression: string): string[] | undefined {
  if (!fieldPathPattern.test(expression)) return undefined;
  const names = expression.trim().split('.');
  return names.some((name) => reservedWords.has(name)) ? undefined : names;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Follows a path through plain objects. `{ found: false }` when JSONata's answer could differ
 * from a plain lookup (a list on the way or at the end, which JSONata maps over and flattens).
 */
export function followFieldPath(
  names: string[],
  data: unknown,
): { found: true; value: unknown } | { found: false } {
  let value: unknown = data;
  for (const name of names) {
    if (Array.isArray(value)) return { found: false };
    // JSONata gives nothing for a field of a number, a string or null.
    if (!isPlainObject(value) || !Object.hasOwn(value, name)) return { found: true, value: undefined };
    value = value[name];
  }
  if (Array.isArray(value)) return { found: false };
  return { found: true, value };
}
