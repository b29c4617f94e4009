// Step inputs are templates: a string may hold JSONata expressions between {{ and }}. A string
// that is one expression and nothing else yields the expression's value itself (an object, a
// list, a number); otherwise each expression's value is written into the text.
const expressionPattern = /\{\{([\s\S]+?)\}\}/g;

/** The JSONata expressions inside a template string, in order. */
export function expressionsIn(template: string): string[] {
  return [...template.matchAll(expressionPattern)].map((match) => (match[1] ?? '').trim());
}

/**
 * The expression, when the whole string is one expression. `{{ a }}/{{ b }}` is two expressions
 * in a text, not one expression `a }}/{{ b`.
 */
export function wholeExpression(template: string): string | undefined {
  const matches = [...template.matchAll(expressionPattern)];
  const [only] = matches;
  if (matches.length !== 1 || !only || only[0] !== template.trim()) return undefined;
  return (only[1] ?? '').trim();
}

export interface TemplateString {
  /** Path of the string inside the value, such as `headers.Authorization` or `items.2`. */
  path: string;
  value: string;
}

/** Every string in a nested value, with its path. */
export function templateStrings(value: unknown, path = ''): TemplateString[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value))
    return value.flatMap((item, index) => templateStrings(item, path ? `${path}.${index}` : String(index)));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      templateStrings(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
}
