import { describe, expect, it } from 'vitest';
import { multiIntentCorpus } from '../../../test/orchestrator/multi-intent-corpus.ts';
import { corpus, fixtureAgents } from '../../../test/orchestrator/planner-corpus.ts';
import { nameLedList, objectList, sharedVerbList, splitClauses } from './clause-splitting.ts';
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

describe('a name ends where a clause with a verb starts', () => {
  it('cuts "and turn it back on" off a new name, but not "and" inside a quoted one', () => {
    expect(splitClauses('rename job collector to Careers Watcher and turn it back on')).toEqual([
      'rename job collector to Careers Watcher',
      'turn it back on',
    ]);
    expect(splitClauses('rename job collector to "Careers and Jobs" and then switch it on again')).toEqual([
      'rename job collector to "Careers and Jobs"',
      'switch it on again',
    ]);
    expect(splitClauses('rename the job collector to Sales and Marketing')).toEqual([
      'rename the job collector to Sales and Marketing',
    ]);
  });
});

describe('sharedVerbList', () => {
  it('gives each agent that says more than its name the verb said once', () => {
    expect(
      sharedVerbList(
        'schedule monthly report for 1st of month 6am and weekly report for fridays at 5pm',
        agents,
      ),
    ).toEqual(['schedule monthly report for 1st of month 6am', 'schedule weekly report for fridays at 5pm']);
    expect(
      sharedVerbList('unchain lead scraper from reporting agent and data collector from reporter', agents),
    ).toEqual(['unchain lead scraper from reporting agent', 'unchain data collector from reporter']);
  });

  it('keeps a bare list, a chain to a list, and days joined by "and" whole', () => {
    for (const whole of [
      'chain lead scraper to reporting agent and reporter',
      'schedule the weekly report on mondays and thursdays at 9',
      'pause the lead scraper and the data collector until monday',
      'when the lead scraper finishes, run the reporter and the weekly report with its output',
    ])
      expect(sharedVerbList(whole, agents), whole).toEqual([whole]);
  });
});

describe('nameLedList', () => {
  const agents = [{ name: 'Lead Scraper' }, { name: 'Data Collector' }, { name: 'Weekly Report' }];

  it('cuts a list of agents each led by its name and an arrow or colon', () => {
    expect(nameLedList('lead scraper -> every 4 hours, data collector -> every 30 minutes', agents)).toEqual([
      'lead scraper -> every 4 hours',
      'data collector -> every 30 minutes',
    ]);
    expect(nameLedList('Weekly Report: fridays at 5pm; lead scraper: mon, wed at 8', agents)).toEqual([
      'Weekly Report: fridays at 5pm',
      'lead scraper: mon, wed at 8',
    ]);
  });

  it('leaves one item, or words not led by a name, whole', () => {
    expect(nameLedList('lead scraper: every 4 hours, on weekdays', agents)).toEqual([
      'lead scraper: every 4 hours, on weekdays',
    ]);
    expect(nameLedList('note: run the lead scraper, then the data collector', agents)).toEqual([
      'note: run the lead scraper, then the data collector',
    ]);
  });
});

describe('a question after a request, and lists said with other marks', () => {
  it('cuts before a question said after a full stop or "also"', () => {
    expect(splitClauses("delete job collector. also what's wrong with monthly report?")).toEqual([
      'delete job collector',
      "what's wrong with monthly report?",
    ]);
    expect(splitClauses('pause the reporter, also why did it fail?')).toEqual([
      'pause the reporter',
      'why did it fail?',
    ]);
  });

  it('keeps a question that is a request’s own reason whole', () => {
    for (const whole of [
      'why is the job collector failing? each job is `.job-card` now',
      'the reporter keeps failing to log in, the password changed. how do i update it?',
    ])
      expect(splitClauses(whole)).toEqual([whole]);
  });

  it('reads "+" and "/" as "and", and never splits the two sides of a link', () => {
    expect(objectList('pause data collector + reporter', agents)).toEqual([
      'pause data collector',
      'pause reporter',
    ]);
    const link = 'delete the connection between the lead scraper and the reporter';
    expect(objectList(link, agents)).toEqual([link]);
  });
});

describe('requests said in other shapes', () => {
  it('cuts before a request said as having an agent do something', () => {
    expect(splitClauses('chain A after B, and have B run fridays 3pm instead')).toEqual([
      'chain A after B',
      'have B run fridays 3pm instead',
    ]);
    expect(splitClauses('move the monitor to 8am and make it email sam@example.com')).toEqual([
      'move the monitor to 8am',
      'make it email sam@example.com',
    ]);
    expect(splitClauses('monitor https://example.com and make sure it emails me')).toHaveLength(1);
  });

  it('cuts before a reconnect, a chain condition on a run ending, and "also tell me"', () => {
    expect(splitClauses('delete the old reporting agent and reconnect crm')).toHaveLength(2);
    expect(splitClauses('schedule it weekdays at 8:15, and when it finishes start the reporter')).toEqual([
      'schedule it weekdays at 8:15',
      'when it finishes start the reporter',
    ]);
    expect(splitClauses('pause X for now and also tell me why Y failed')).toEqual([
      'pause X for now',
      'tell me why Y failed',
    ]);
    // A change on the page is the monitor's own notice, not a chain.
    expect(splitClauses('monitor https://example.com and when it changes email me')).toHaveLength(1);
  });

  it('keeps "reconnect it" with the part that says what "it" is', () => {
    expect(splitClauses('the billing-api key expired, reconnect it')).toEqual([
      'the billing-api key expired, reconnect it',
    ]);
    expect(splitClauses('our hubspot login changed and re-auth it please')).toHaveLength(1);
    expect(splitClauses('run the collector and reconnect the sheets account')).toEqual([
      'run the collector',
      'reconnect the sheets account',
    ]);
  });

  it('reads lists after unschedule and in the order said', () => {
    expect(objectList('unschedule the weekly report and the data collector', agents)).toEqual([
      'unschedule the weekly report',
      'unschedule the data collector',
    ]);
    expect(objectList('run the lead scraper and then the data collector', agents)).toEqual([
      'run the lead scraper',
      'run the data collector',
    ]);
    expect(objectList('when the lead scraper finishes then run the data collector', agents)).toHaveLength(1);
  });
});
