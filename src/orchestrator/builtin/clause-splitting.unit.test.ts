import { describe, expect, it } from 'vitest';
import { multiIntentCorpus } from '../../../test/orchestrator/multi-intent-corpus.ts';
import { corpus, fixtureAgents } from '../../../test/orchestrator/planner-corpus.ts';
import { objectList, splitClauses } from './clause-splitting.ts';
import { requestsIn } from './several-intents.ts';

const agents = fixtureAgents.map((agent) => ({ name: agent.name }));

describe('splitClauses', () => {
  it('cuts where the next words start a request of their own', () => {
    expect(
      splitClauses('create a scraper for https://example.com/team, run it hourly and send its results to Y'),
    ).toEqual(['create a scraper for https://example.com/team', 'run it hourly', 'send its results to Y']);
    expect(splitClauses('schedule the weekly report at 7 and then pass its output to the reporter')).toEqual([
      'schedule the weekly report at 7',
      'pass its output to the reporter',
    ]);
    expect(splitClauses('delete the job collector. Pause the lead scraper.')).toEqual([
      'delete the job collector',
      'Pause the lead scraper.',
    ]);
    expect(
      splitClauses('monitor https://x.example/pricing and email me, and also run the lead scraper now'),
    ).toEqual(['monitor https://x.example/pricing and email me', 'run the lead scraper now']);
  });

  it('keeps what belongs to one request whole', () => {
    for (const whole of [
      'monitor https://example.com/pricing for changes and email me',
      'grab all links from https://blog.example.com and post them to https://hooks.example.com/links',
      'log into https://portal.example.com and download all the invoices',
      'when the data collector finishes, send its results to the reporter',
      'if the job collector fails, run the reporter',
      'delete the job collector and the data collector',
      'why did the monthly report fail? use https://example.com/our-team instead',
    ])
      expect(splitClauses(whole), whole).toEqual([whole]);
  });

  it('never cuts inside an address, an e-mail, a quoted name or a selector', () => {
    expect(splitClauses('watch https://example.com/a,run-and-pause?x=1 for changes')).toHaveLength(1);
    expect(splitClauses('make a monitor called "Watch and Run" for https://example.com')).toHaveLength(1);
    expect(splitClauses('scrape https://example.com where each lead is `.a, run .b`')).toHaveLength(1);
    expect(splitClauses('e-mail run.and.delete@example.com when https://example.com changes')).toHaveLength(
      1,
    );
  });

  it('cuts after a condition and what happens then, not between them', () => {
    expect(
      splitClauses(
        'when the data collector finishes, send its results to the reporter, and pause the lead scraper',
      ),
    ).toEqual([
      'when the data collector finishes, send its results to the reporter',
      'pause the lead scraper',
    ]);
  });
});

describe('objectList', () => {
  it('gives one request per agent of a list after one verb', () => {
    expect(objectList('delete the job collector and the data collector', agents)).toEqual([
      'delete the job collector',
      'delete the data collector',
    ]);
    expect(objectList('pause the monthly report, the weekly report and the data collector', agents)).toEqual([
      'pause the monthly report',
      'pause the weekly report',
      'pause the data collector',
    ]);
  });

  it('leaves a request whole when an item is more than an agent, or the words join a chain', () => {
    for (const whole of [
      'pause the lead scraper and frobnicate the weekly report',
      'chain the data collector and the reporter',
      'run the reporter after the data collector and the lead scraper',
      'delete the job collector and the ghost',
    ])
      expect(objectList(whole, agents), whole).toEqual([whole]);
  });
});

describe('requestsIn on the corpus', () => {
  const multi = new Set<string>(multiIntentCorpus.map((entry) => entry.text));

  it('finds the parts of every multi-intent case', () => {
    for (const entry of multiIntentCorpus)
      expect(requestsIn(entry.text, agents).length, entry.text).toBe(entry.parts);
  });

  it('leaves every one-line request of the corpus one request', () => {
    for (const entry of corpus.filter((entry) => !multi.has(entry.text)))
      expect(requestsIn(entry.text, agents), entry.text).toEqual([entry.text]);
  });
});
