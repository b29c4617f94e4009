// A run's input form, generated from the agent's input JSON Schema: the schema becomes fields,
// and the typed-in values become the input object, with what is wrong said in words. Anything the
// form cannot show as a plain control is edited as JSON, so every schema can still be run.

type JsonSchema = Record<string, unknown>;

interface FieldBase {
  /** Where the value goes, such as `filters.country`; also the field's key in the form values. */
  path: string;
  label: string;
  description?: string;
  required: boolean;
}

export type FormField =
  | (FieldBase & { kind: 'text'; minLength?: number; maxLength?: number; multiline: boolean })
  | (FieldBase & { kind: 'number'; integer: boolean; minimum?: number; maximum?: number })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'choice'; options: unknown[] })
  | (FieldBase & { kind: 'lines'; minItems?: number })
  | (FieldBase & { kind: 'group'; fields: FormField[] })
  | (FieldBase & { kind: 'json'; expected?: string });

/** What the user typed: text for most fields, true/false for checkboxes, keyed by field path. */
export type FormValues = Record<string, string | boolean>;

export interface FormResult {
  input: Record<string, unknown>;
  /** A message per field path; empty when the input is complete. */
  errors: Record<string, string>;
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema's type, ignoring "null" in a list of types (an optional value is simply left out). */
function typeOf(schema: JsonSchema): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type))
    return type.find((item): item is string => typeof item === 'string' && item !== 'null');
  if (isObject(schema.properties)) return 'object';
  return undefined;
}

/** "startDate" and "start_date" read as "Start date". */
export function labelFor(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function fieldFor(name: string, schema: JsonSchema, path: string, required: boolean): FormField {
  const base: FieldBase = {
    path,
    label: typeof schema.title === 'string' ? schema.title : labelFor(name),
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    required,
  };
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return { ...base, kind: 'choice', options: schema.enum };
  const type = typeOf(schema);
  switch (type) {
    case 'string':
      return {
        ...base,
        kind: 'text',
        minLength: numberOrUndefined(schema.minLength),
        maxLength: numberOrUndefined(schema.maxLength),
        // A long text (a letter, a page of notes) gets room to write; a name or an address, one line.
        multiline: (numberOrUndefined(schema.maxLength) ?? 0) > 200,
      };
    case 'number':
    case 'integer':
      return {
        ...base,
        kind: 'number',
        integer: type === 'integer',
        minimum: numberOrUndefined(schema.minimum),
        maximum: numberOrUndefined(schema.maximum),
      };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'array': {
      const items = isObject(schema.items) ? schema.items : {};
      if (typeOf(items) === 'string' && !Array.isArray(items.enum))
        return { ...base, kind: 'lines', minItems: numberOrUndefined(schema.minItems) };
      return { ...base, kind: 'json', expected: 'a list' };
    }
    case 'object':
      if (isObject(schema.properties) && Object.keys(schema.properties).length > 0)
        return { ...base, kind: 'group', fields: fieldsFromSchema(schema, path) };
      return { ...base, kind: 'json', expected: 'an object' };
    default:
      return { ...base, kind: 'json' };
  }
}

/** The form's fields for an object schema's properties (nested objects become groups). */
export function fieldsFromSchema(schema: unknown, prefix = ''): FormField[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(schema.properties).map(([name, property]) =>
    fieldFor(
      name,
      isObject(property) ? property : {},
      prefix ? `${prefix}.${name}` : name,
      required.has(name),
    ),
  );
}

function defaultsOf(schema: unknown, prefix = ''): FormValues {
  const values: FormValues = {};
  if (!isObject(schema) || !isObject(schema.properties)) return values;
  for (const [name, property] of Object.entries(schema.properties)) {
    if (!isObject(property)) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    const fallback = property.default;
    if (typeOf(property) === 'object' && isObject(property.properties)) {
      Object.assign(values, defaultsOf(property, path));
    } else if (typeof fallback === 'boolean') {
      values[path] = fallback;
    } else if (Array.isArray(fallback) && fallback.every((item) => typeof item === 'string')) {
      values[path] = fallback.join('\n');
    } else if (typeof fallback === 'string' || typeof fallback === 'number') {
      values[path] = String(fallback);
    } else if (fallback !== undefined) {
      values[path] = JSON.stringify(fallback, null, 2);
    }
  }
  return values;
}

/** The values the form starts with: the schema's defaults, and unticked checkboxes. */
export function initialValues(schema: unknown, fields = fieldsFromSchema(schema)): FormValues {
  const values = defaultsOf(schema);
  const untick = (list: FormField[]) => {
    for (const field of list) {
      if (field.kind === 'boolean' && values[field.path] === undefined) values[field.path] = false;
      if (field.kind === 'group') untick(field.fields);
    }
  };
  untick(fields);
  return values;
}

function text(values: FormValues, path: string): string {
  const value = values[path];
  return typeof value === 'string' ? value : '';
}

/** One field's value, or an error message, or nothing when it is left empty. */
function readField(
  field: FormField,
  values: FormValues,
  errors: Record<string, string>,
): { value: unknown } | undefined {
  const fail = (message: string) => {
    errors[field.path] = `${field.label} ${message}`;
    return undefined;
  };
  if (field.kind === 'boolean') return { value: values[field.path] === true };
  if (field.kind === 'group') {
    const nested = readFields(field.fields, values, errors);
    if (Object.keys(nested).length === 0 && !field.required) return undefined;
    return { value: nested };
  }
  const raw = text(values, field.path);
  if (raw.trim() === '') {
    if (field.required) return fail('is required.');
    return undefined;
  }
  switch (field.kind) {
    case 'text':
      if (field.minLength !== undefined && raw.length < field.minLength)
        return fail(`must be at least ${field.minLength} characters long.`);
      if (field.maxLength !== undefined && raw.length > field.maxLength)
        return fail(`must be at most ${field.maxLength} characters long.`);
      return { value: raw };
    case 'number': {
      const number = Number(raw.trim());
      if (!Number.isFinite(number)) return fail('must be a number.');
      if (field.integer && !Number.isInteger(number)) return fail('must be a whole number.');
      if (field.minimum !== undefined && number < field.minimum)
        return fail(`must be at least ${field.minimum}.`);
      if (field.maximum !== undefined && number > field.maximum)
        return fail(`must be at most ${field.maximum}.`);
      return { value: number };
    }
    case 'choice': {
      const option = field.options.find((candidate) => String(candidate) === raw);
      if (option === undefined) return fail('must be one of the choices.');
      return { value: option };
    }
    case 'lines': {
      const lines = raw
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      if (field.minItems !== undefined && lines.length < field.minItems)
        return fail(`needs at least ${field.minItems} ${field.minItems === 1 ? 'line' : 'lines'}.`);
      return { value: lines };
    }
    case 'json': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return fail('is not valid JSON: check the quotes, commas and brackets.');
      }
      if (field.expected === 'a list' && !Array.isArray(parsed))
        return fail('must be a list, such as ["a", "b"].');
      if (field.expected === 'an object' && !isObject(parsed))
        return fail('must be an object, such as {"key": "value"}.');
      return { value: parsed };
    }
  }
}

function readFields(fields: FormField[], values: FormValues, errors: Record<string, string>) {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const read = readField(field, values, errors);
    if (read) input[field.path.split('.').at(-1) as string] = read.value;
  }
  return input;
}

/** The run input from the form's values, with a message for each field that is wrong or missing. */
export function inputFromValues(fields: FormField[], values: FormValues): FormResult {
  const errors: Record<string, string> = {};
  const input = readFields(fields, values, errors);
  return { input, errors };
}

/** The form's values for an input saved earlier (a schedule's), over the schema's defaults. */
export function valuesFromInput(
  schema: unknown,
  fields: FormField[],
  input: Record<string, unknown> | undefined,
): FormValues {
  const values = initialValues(schema, fields);
  const fill = (list: FormField[], source: Record<string, unknown>) => {
    for (const field of list) {
      const value = source[field.path.split('.').at(-1) as string];
      if (value === undefined || value === null) continue;
      if (field.kind === 'group') {
        if (isObject(value)) fill(field.fields, value);
      } else if (field.kind === 'boolean') values[field.path] = value === true;
      else if (field.kind === 'lines' && Array.isArray(value))
        values[field.path] = value.map(String).join('\n');
      else if (field.kind === 'json') values[field.path] = JSON.stringify(value, null, 2);
      else values[field.path] = String(value);
    }
  };
  if (input) fill(fields, input);
  return values;
}
