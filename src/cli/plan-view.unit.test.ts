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

  it('shows schedules in words with their next times, and chains with their condition', () => {
    const lines = renderPlan({
      summary: 'Triggers',
      status: 'proposed',
      questions: [],
      operations: [
        {
          type: 'scheduleAgent',
          agentName: 'Data Collector',
          text: 'every morning at 8am',
          timezone: 'Europe/Paris',
          description: 'At 08:00 AM (Europe/Paris)',
          nextRuns: ['2026-11-25T07:00:00.000Z', '2026-11-26T07:00:00.000Z', '2026-11-27T07:00:00.000Z'],
          before: { cron: '0 9 * * 1', timezone: 'Europe/Paris' },
        },
        {
          type: 'unscheduleAgent',
          agentName: 'Old Report',
          before: { cron: '0 8 * * 1', timezone: 'UTC', description: 'At 08:00 AM, only on Monday (UTC)' },
        },
        {
          type: 'chainAgents',
          from: { agentName: 'Collector' },
          to: { agentName: 'Reporter' },
          on: 'success',
          mapping: '{"count": output.count}',
        },
        { type: 'chainAgents', from: { agentName: 'Collector' }, to: { agentName: 'Alarm' }, on: 'failure' },
        { type: 'unchainAgents', from: { agentName: 'Collector' }, to: { agentName: 'Archive' } },
      ],
    });
    expect(lines).toEqual([
      'Plan (proposed): Triggers',
      '@ schedule "Data Collector": At 08:00 AM (Europe/Paris) — next: Wednesday 25 November at 08:00, Thursday 26 November at 08:00, Friday 27 November at 08:00',
      '    instead of cron "0 9 * * 1" (Europe/Paris)',
      '@ unschedule "Old Report" (was At 08:00 AM, only on Monday (UTC))',
      '→ chain "Collector" → "Reporter" on success, mapping {"count": output.count}',
      '→ chain "Collector" → "Alarm" on failure, its output as the input',
      '× unchain "Collector" → "Archive"',
    ]);
  });
});
