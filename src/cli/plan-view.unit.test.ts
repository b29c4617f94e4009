import { describe, expect, it } from 'vitest';
import { lineDiff, renderPlan } from './plan-view.ts';

describe('plan view', () => {
  it('marks the lines that change, with context around them', () => {
    const before = ['{', '  "a": 1,', '  "b": 2,', '  "c": 3,', '  "d": 4,', '  "e": 5,', '  "f": 6', '}'];
    const after = ['{', '  "a": 1,', '  "b": 2,', '  "c": 30,', '  "d": 4,', '  "e": 5,', '  "f": 6', '}'];
    expect(lineDiff(before, after, 1)).toEqual([
      '    …',
      '      "b": 2,',
      '  -   "c": 3,',
      '  +   "c": 30,',
      '      "d": 4,',
      '    …',
    ]);
  });

  it('shows each kind of operation on a line of its own', () => {
    const lines = renderPlan({
      summary: 'Tidy up',
      status: 'proposed',
      questions: [],
      operations: [
        { type: 'createAgent', spec: { name: 'New One', steps: [{ id: 'fetch', tool: 'http.request' }] } },
        { type: 'deleteAgent', agentName: 'Old One' },
        { type: 'runAgent', agentName: 'New One', input: {}, test: true },
      ],
    });
    expect(lines).toEqual([
      'Plan (proposed): Tidy up',
      '+ create agent "New One": fetch (http.request)',
      '- delete agent "Old One"',
      '▶ run "New One" as a test with {}',
    ]);
  });
});
