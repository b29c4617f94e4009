// Steps in words: what each input reads ("from step fetch", "from input"), and who uses the output.
import { describe, expect, it } from 'vitest';
import { describeTemplate, stepConditions, stepInputs, usedBy } from '../../web/src/agents/step-summary.ts';

const steps = [
  {
    id: 'fetch',
    tool: 'http.request',
    with: { url: '{{ input.url }}', method: 'GET' },
    retry: { attempts: 3 },
  },
  {
    id: 'extract',
    tool: 'html.extract',
    with: { html: '{{ steps.fetch.body }}', records: { selector: '.lead', fields: { name: '.name' } } },
  },
  {
    id: 'send',
    tool: 'notify.email',
    with: { subject: 'Leads from {{ input.url }}', body: '{{ $count(steps.extract.records) }}' },
  },
];

describe('step summaries', () => {
  it('says where each input comes from', () => {
    expect(describeTemplate('{{ input.url }}')).toBe('from input (url)');
    expect(describeTemplate('{{ steps.fetch.body }}')).toBe('from step fetch (body)');
    expect(describeTemplate('plain text')).toBe('“plain text”');
    expect(describeTemplate('{{ $now() }}')).toBe('computed: $now()');
    expect(describeTemplate('Leads from {{ input.url }}')).toBe('“Leads from …”, filled in from input (url)');
  });

  it('lists the leaves of `with` by path', () => {
    expect(stepInputs(steps[1] as never).inputs).toEqual([
      { name: 'html', text: 'from step fetch (body)' },
      { name: 'records.selector', text: '“.lead”' },
      { name: 'records.fields.name', text: '“.name”' },
    ]);
    expect(stepInputs(steps[0] as never, 1)).toEqual({
      inputs: [{ name: 'url', text: 'from input (url)' }],
      more: 1,
    });
  });

  it('finds the later steps that use an output, and the conditions in words', () => {
    expect(usedBy(steps[0] as never, steps as never)).toEqual(['extract']);
    expect(usedBy(steps[2] as never, steps as never)).toEqual([]);
    expect(stepConditions(steps[0] as never)).toEqual(['Tries up to 3 times']);
  });
});
