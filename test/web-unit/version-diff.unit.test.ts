// What changed between two versions of an agent, in words, and the line diff behind it.
import { describe, expect, it } from 'vitest';
import { diffSpecs, isEmptyDiff, lineDiff, stableJson } from '../../web/src/agents/version-diff.ts';

const first = {
  name: 'Lead Scraper',
  goal: 'Collect leads',
  input: { type: 'object', properties: { url: { type: 'string' } } },
  steps: [
    { id: 'fetch', tool: 'http.request', with: { url: '{{ input.url }}' } },
    { id: 'extract', tool: 'html.extract', with: { html: '{{ steps.fetch.body }}' } },
    { id: 'remember', tool: 'memory.write', with: { key: 'leads' } },
  ],
};

describe('diffSpecs', () => {
  it('names the steps added, removed and changed (with their fields) and the settings changed', () => {
    const second = {
      ...first,
      goal: 'Collect leads every morning',
      steps: [
        { id: 'fetch', tool: 'http.request', with: { url: '{{ input.url }}' }, retry: { attempts: 3 } },
        { id: 'extract', tool: 'html.extract', with: { html: '{{ steps.fetch.body }}', limit: 10 } },
        { id: 'send', tool: 'notify.email', with: { to: 'me@example.com' } },
      ],
    };
    const diff = diffSpecs(first, second);
    expect(diff.added.map((step) => step.id)).toEqual(['send']);
    expect(diff.removed.map((step) => step.id)).toEqual(['remember']);
    expect(diff.changed.map((change) => [change.id, change.fields])).toEqual([
      ['fetch', ['retry']],
      ['extract', ['with']],
    ]);
    expect(diff.reordered).toBe(false);
    expect(diff.settings).toEqual([
      { key: 'goal', before: 'Collect leads', after: 'Collect leads every morning' },
    ]);
  });

  it('sees a new order of the same steps, and nothing when only key order differs', () => {
    const swapped = { ...first, steps: [first.steps[1], first.steps[0], first.steps[2]] };
    expect(diffSpecs(first, swapped)).toMatchObject({ reordered: true, added: [], removed: [], changed: [] });
    const reKeyed = {
      steps: first.steps.map((step) => ({ with: step.with, tool: step.tool, id: step.id })),
      input: first.input,
      goal: first.goal,
      name: first.name,
    };
    expect(isEmptyDiff(diffSpecs(first, reKeyed))).toBe(true);
  });

  it('counts a setting that appears or disappears', () => {
    const withOutput = { ...first, output: '{{ steps.extract }}' };
    expect(diffSpecs(first, withOutput).settings).toEqual([
      { key: 'output', before: undefined, after: '{{ steps.extract }}' },
    ]);
  });
});

describe('lineDiff', () => {
  it('keeps the common lines and marks the rest added or removed', () => {
    expect(lineDiff('a\nb\nc', 'a\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
    expect(lineDiff('', 'x')).toEqual([
      { kind: 'removed', text: '' },
      { kind: 'added', text: 'x' },
    ]);
  });

  it('diffs pretty-printed specs line by line', () => {
    const lines = lineDiff(stableJson(first, 2), stableJson({ ...first, goal: 'Other' }, 2));
    expect(lines.filter((line) => line.kind !== 'same')).toEqual([
      { kind: 'removed', text: '  "goal": "Collect leads",' },
      { kind: 'added', text: '  "goal": "Other",' },
    ]);
  });
});
