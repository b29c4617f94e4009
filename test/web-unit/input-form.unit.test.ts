// The run form made from an agent's input JSON Schema: which fields a schema gives, and how the
// typed-in values become the input object, with the problems said in words.
import { describe, expect, it } from 'vitest';
import {
  type FormField,
  fieldsFromSchema,
  initialValues,
  inputFromValues,
  labelFor,
} from '../../web/src/agents/input-form.ts';

const schema = {
  type: 'object',
  required: ['url', 'limit', 'tags'],
  properties: {
    url: { type: 'string', description: 'The page to read' },
    limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
    ratio: { type: ['number', 'null'] },
    notify: { type: 'boolean' },
    format: { enum: ['csv', 'json'], title: 'Output format' },
    tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
    filters: {
      type: 'object',
      required: ['country'],
      properties: { country: { type: 'string' }, minimumSize: { type: 'number' } },
    },
    extra: { type: 'array', items: { type: 'object' } },
    anything: {},
  },
};

function byPath(fields: FormField[]) {
  return Object.fromEntries(fields.map((field) => [field.path, field]));
}

describe('fields from a schema', () => {
  const fields = fieldsFromSchema(schema);
  const field = byPath(fields);

  it('gives each property the control that fits its type', () => {
    expect(fields.map((item) => [item.path, item.kind])).toEqual([
      ['url', 'text'],
      ['limit', 'number'],
      ['ratio', 'number'],
      ['notify', 'boolean'],
      ['format', 'choice'],
      ['tags', 'lines'],
      ['filters', 'group'],
      ['extra', 'json'],
      ['anything', 'json'],
    ]);
    expect(field.limit).toMatchObject({ integer: true, minimum: 1, maximum: 50, required: true });
    expect(field.ratio).toMatchObject({ integer: false, required: false });
    expect(field.format).toMatchObject({ label: 'Output format', options: ['csv', 'json'] });
    expect(field.url).toMatchObject({ label: 'Url', description: 'The page to read', required: true });
    const group = field.filters;
    expect(group?.kind === 'group' && group.fields.map((item) => [item.path, item.required])).toEqual([
      ['filters.country', true],
      ['filters.minimumSize', false],
    ]);
  });

  it('labels properties in words and starts from the defaults', () => {
    expect(labelFor('minimumSize')).toBe('Minimum size');
    expect(labelFor('start_date')).toBe('Start date');
    expect(initialValues(schema, fields)).toEqual({ limit: '10', notify: false });
  });

  it('gives no fields for a schema without properties', () => {
    expect(fieldsFromSchema({ type: 'object', properties: {} })).toEqual([]);
    expect(fieldsFromSchema(undefined)).toEqual([]);
  });
});

describe('values back to an input', () => {
  const fields = fieldsFromSchema(schema);

  it('builds the typed input object, leaving out what was left empty', () => {
    const result = inputFromValues(fields, {
      url: 'https://example.com/team',
      limit: '5',
      ratio: '0.5',
      notify: true,
      format: 'json',
      tags: 'alpha\n\n  beta \n',
      'filters.country': 'FR',
      'filters.minimumSize': '',
      extra: '[{"a": 1}]',
      anything: '',
    });
    expect(result.errors).toEqual({});
    expect(result.input).toEqual({
      url: 'https://example.com/team',
      limit: 5,
      ratio: 0.5,
      notify: true,
      format: 'json',
      tags: ['alpha', 'beta'],
      filters: { country: 'FR' },
      extra: [{ a: 1 }],
    });
  });

  it('says in words what is missing or wrong, field by field', () => {
    const result = inputFromValues(fields, {
      url: '',
      limit: '2.5',
      ratio: 'lots',
      notify: false,
      format: 'xml',
      tags: '\n',
      'filters.country': '',
      extra: '{"not": "a list"}',
      anything: '{oops',
    });
    expect(result.errors).toEqual({
      url: 'Url is required.',
      limit: 'Limit must be a whole number.',
      ratio: 'Ratio must be a number.',
      format: 'Output format must be one of the choices.',
      tags: 'Tags is required.',
      'filters.country': 'Country is required.',
      extra: 'Extra must be a list, such as ["a", "b"].',
      anything: 'Anything is not valid JSON: check the quotes, commas and brackets.',
    });
  });

  it('checks number ranges and the least count of lines', () => {
    const tooBig = inputFromValues(fields, { url: 'x', limit: '99', tags: 'a', 'filters.country': 'FR' });
    expect(tooBig.errors).toEqual({ limit: 'Limit must be at most 50.' });
    const lines = fieldsFromSchema({
      type: 'object',
      properties: { names: { type: 'array', items: { type: 'string' }, minItems: 2 } },
    });
    expect(inputFromValues(lines, { names: 'only one' }).errors).toEqual({
      names: 'Names needs at least 2 lines.',
    });
  });

  it('leaves an optional group out when none of its fields is filled', () => {
    const optional = fieldsFromSchema({
      type: 'object',
      properties: { page: { type: 'object', properties: { size: { type: 'integer' } } } },
    });
    expect(inputFromValues(optional, {})).toEqual({ input: {}, errors: {} });
    expect(inputFromValues(optional, { 'page.size': '20' }).input).toEqual({ page: { size: 20 } });
  });
});

describe('the rendered form', () => {
  it('labels every control, marks required ones, and ties each error to its control', async () => {
    const { createElement } = await import('react');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { InputFields } = await import('../../web/src/agents/InputFields.tsx');
    const fields = fieldsFromSchema(schema);
    const html = renderToStaticMarkup(
      createElement(InputFields, {
        fields,
        values: initialValues(schema, fields),
        errors: { url: 'Url is required.' },
        onChange: () => {},
        idPrefix: 'run',
      }),
    );
    expect(html).toContain(
      '<label for="run-url">Url<span class="required"> <span aria-hidden="true">*</span>',
    );
    expect(html).toMatch(/id="run-url" aria-invalid="true" aria-describedby="run-url-help run-url-error"/);
    expect(html).toContain('<span class="error" id="run-url-error">Url is required.</span>');
    expect(html).toMatch(
      /<select id="run-format"[^>]*><option value=""[^>]*>None<\/option><option value="csv">csv/,
    );
    expect(html).toContain('<legend>Filters</legend>');
    expect(html).toContain('One per line.');
    expect(html).toMatch(/<input id="run-notify"[^>]*type="checkbox"/);
  });
});
