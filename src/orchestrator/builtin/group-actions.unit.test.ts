import { describe, expect, it } from 'vitest';
import { readGroup } from './group-actions.ts';

describe('groups of agents', () => {
  it('reads the group right after the verb', () => {
    expect(readGroup('pause everything')).toEqual({
      intent: 'pause',
      traits: [],
      nameWords: [],
      excluded: '',
    });
    expect(readGroup('please pause every agent that failed last time')).toMatchObject({
      intent: 'pause',
      traits: ['failing'],
      nameWords: [],
    });
    expect(readGroup('resume all paused ones')).toMatchObject({ intent: 'resume', traits: ['paused'] });
    expect(readGroup('run all the reports')).toMatchObject({ intent: 'run', nameWords: ['report'] });
    expect(readGroup('delete every agent that never ran')).toMatchObject({
      intent: 'delete',
      traits: ['neverRan'],
    });
    expect(readGroup('disable the broken ones')).toMatchObject({ intent: 'pause', traits: ['failing'] });
  });

  it('keeps who is left out apart', () => {
    expect(readGroup('pause all agents except the reporter')).toMatchObject({ excluded: ' the reporter' });
  });

  it('is no group when one agent is named or "every" starts a schedule', () => {
    expect(readGroup('pause the reporter')).toBeUndefined();
    expect(readGroup('run the lead scraper every day')).toBeUndefined();
    expect(readGroup('schedule the data collector to run every morning at 8am')).toBeUndefined();
    expect(readGroup('change all the selectors')).toBeUndefined();
    expect(readGroup('stop all runs')).toBeUndefined();
    expect(readGroup('delete all the schedules')).toBeUndefined();
  });
});
