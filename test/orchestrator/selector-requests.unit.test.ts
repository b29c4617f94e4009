// A new selector for an agent: the new one kept, never the old one nor the words after it.
import { describe, expect, it } from 'vitest';
import { readSelectorRequest } from '../../src/orchestrator/builtin/selector-requests.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const snapshot = fixtureSnapshot();
const read = (text: string, lastAgentName?: string) =>
  readSelectorRequest(text, { text, snapshot, userEmail: 'ada@example.com', now: corpusNow, lastAgentName });

describe('selector requests', () => {
  it('keeps the new selector and drops the words after it', () => {
    expect(read("job collector's selector is wrong, the listings are .job-card now")).toMatchObject({
      agent: { name: 'Job Collector' },
      selector: '.job-card',
    });
  });
  it('never takes the old selector said after "not"', () => {
    expect(read('job collector selector should be .job-card not .lead')?.selector).toBe('.job-card');
  });
  it('reads "its" as the agent just spoken of', () => {
    expect(read('change its selector to .row', 'Lead Scraper')?.agent.name).toBe('Lead Scraper');
  });
  it('says nothing without a selector or an agent', () => {
    expect(read('the selector is wrong')).toBeUndefined();
    expect(read('pause the lead scraper')).toBeUndefined();
  });
});
