// The fourth out-of-sample corpus: 94 requests and 10 conversations of 3 turns WRITTEN BLIND on
// 2026-12-06, after the first three blind sets had been used to guide fixes and so stopped
// measuring anything. The writer read only PRODUCT.md (the Orchestrator), src/domain/plan.ts,
// the fixture workspace (printed from fixture-workspace.ts and fixture-runs.ts: agents, steps,
// schedules, chain, connections, hook, runs and their errors), the judges
// (out-of-sample-judge.ts, corpus-judge.ts), the CorpusCase interface and corpusNow (Tuesday
// 24 November 2026, 11:00 in Berlin), the conversation harness (plans are never applied
// between turns), the shared helpers and the header of set 3, never a corpus case or the
// built-in planner. The requests were written as plain text first, as a mix of users (terse,
// chatty, typos, lower case, British and American), then put in the judge's shape.
// The expectations say what a sensible product should do, not what the planner does; where
// several outcomes are sensible (a clarifying question, a test run after a new agent, either
// order of independent changes, which agents "all the reports" are) `either`, `creating`,
// `building` and `or` accept them. One-off times are the Berlin times the user meant, written
// in UTC as plans give them (`instant`).
//
// Changes after the first scoring, to the encoding only: none.
//
// A measurement, not a regression test: `npm run bench:orchestrator` prints its score as
// "Out-of-sample (fourth set)". No unit test reads this file, and the planner must not be tuned
// on it: fix the kind of request a failure shows, then write a fifth blind set to measure again.
import type { OperationType } from '../../src/domain/plan.ts';
import {
  asked,
  berlin,
  creating,
  either,
  firstNamed,
  naming,
  type OutOfSampleConversation,
  type OutOfSampleEntry,
  oneLine,
  repeat,
  several,
} from './out-of-sample-helpers.ts';
import type { Expectation, OutOfSampleCase } from './out-of-sample-judge.ts';

export const fourthOutOfSampleDate = '2026-12-06';

const monitor = 'example.com Price Monitor';
const old = 'Reporting Agent (old)';
/** The fixture's agents that are not paused (Job Collector is). */
const active = [
  'Lead Scraper',
  monitor,
  'Weekly Report',
  'Monthly Report',
  old,
  'Reporting Agent',
  'Data Collector',
  'Reporter',
];

/** A Berlin wall-clock time (an hour ahead of UTC in November) as the UTC instant a plan gives. */
const instant = (berlinTime: string) => new Date(`${berlinTime}+01:00`).toISOString();

const every = (cron: string) => ({ cron, timezone: berlin });
const once = (berlinTime: string) => ({ runAt: instant(berlinTime), timezone: berlin });

const one = (text: string, operation: OperationType, agent: string, checks: Partial<Expectation> = {}) => ({
  text,
  operations: [operation],
  agent,
  ...checks,
});

const crm = { service: 'crm', kind: 'oauth2' as const, allowedHosts: ['crm.example.com'] };
const portal = { service: 'supplier-portal', kind: 'login' as const, allowedHosts: ['portal.example.com'] };

function orders(operations: OperationType[]): OperationType[][] {
  if (operations.length <= 1) return [operations];
  return operations.flatMap((first, index) =>
    orders([...operations.slice(0, index), ...operations.slice(index + 1)]).map((rest) => [first, ...rest]),
  );
}

/**
 * A plan creating one agent, then these changes to it in any order, with or without a test run
 * (right after the new agent, or at the end), or one of these questions.
 */
function building(
  text: string,
  after: OperationType[],
  checks: Omit<Expectation, 'text' | 'operations'> = {},
  questions: NonNullable<Expectation['question']>[] = [],
): OutOfSampleCase {
  const variants = orders(after).flatMap((rest): OperationType[][] => [
    ['createAgent', ...rest],
    ['createAgent', 'runAgent', ...rest],
    ...(rest.length > 0 ? [['createAgent', ...rest, 'runAgent'] as OperationType[]] : []),
  ]);
  const [main, ...others] = variants.map((operations) => ({ text, ...checks, operations }));
  return { ...(main as Expectation), or: [...others, ...questions.map((question) => ({ text, question }))] };
}

/** The same operations on these agents, in any order. */
const onAll = (text: string, operation: OperationType, agents: string[]): OutOfSampleCase => ({
  text,
  operations: repeat(operation, agents.length),
  sameTargets: agents,
});

const oneLiners: OutOfSampleEntry[] = [
  oneLine(one('pause the price monitor', 'pauseAgent', monitor)),
  oneLine(one('can you switch job collector back on please', 'resumeAgent', 'Job Collector')),
  oneLine(one("get rid of the old reporting agent, we don't use it anymore", 'deleteAgent', old)),
  oneLine(one('run lead scraper now', 'runAgent', 'Lead Scraper')),
  oneLine(one('kick off the montly report', 'runAgent', 'Monthly Report')),
  oneLine(
    either(
      one('stop the weekly report from running on mondays', 'unscheduleAgent', 'Weekly Report'),
      one('stop the weekly report from running on mondays', 'pauseAgent', 'Weekly Report'),
    ),
  ),
  oneLine({ text: 'reconnect the crm account', operations: ['connectAccount'], account: crm }),
  oneLine({
    text: 'Please connect our Google Sheets account for the data collector (sheets.example.com)',
    operations: ['connectAccount'],
    account: { service: 'sheets', allowedHosts: ['sheets.example.com'] },
    or: [
      {
        text: 'Please connect our Google Sheets account for the data collector (sheets.example.com)',
        question: 'kind',
      },
    ],
  }),
  oneLine(
    one("monthly report's page moved to https://example.com/people", 'updateAgent', 'Monthly Report', {
      spec: { contains: ['https://example.com/people'] },
    }),
  ),
  oneLine(
    one('job collecter: the selector should be .job-card now', 'updateAgent', 'Job Collector', {
      spec: { contains: ['.job-card'] },
    }),
  ),
  oneLine({
    text: 'when the weekly report is done, start the reporter',
    operations: ['chainAgents'],
    targets: ['Weekly Report -> Reporter'],
    chained: { from: 'Weekly Report', to: 'Reporter', on: 'success' },
  }),
  oneLine({
    text: 'if the lead scraper fails, run the data collector',
    operations: ['chainAgents'],
    targets: ['Lead Scraper -> Data Collector'],
    chained: { from: 'Lead Scraper', to: 'Data Collector', on: 'failure' },
  }),
  oneLine({
    text: 'stop lead scraper from triggering the reporting agent',
    operations: ['unchainAgents'],
    targets: ['Lead Scraper -> Reporting Agent'],
  }),
  oneLine(
    one('run the weekly report every weekday at 9', 'scheduleAgent', 'Weekly Report', {
      schedule: every('0 9 * * 1-5'),
    }),
  ),
  oneLine(
    one('schedule reporter for 7:30 every morning', 'scheduleAgent', 'Reporter', {
      schedule: every('30 7 * * *'),
    }),
  ),
  oneLine(
    one('price monitor every 15 minutes pls', 'scheduleAgent', monitor, { schedule: every('*/15 * * * *') }),
  ),
  oneLine(
    one('Monthly Report on the 1st of every month at 07:00', 'scheduleAgent', 'Monthly Report', {
      schedule: every('0 7 1 * *'),
    }),
  ),
  oneLine(
    one('run the data collector tomorrow at 9am', 'scheduleAgent', 'Data Collector', {
      schedule: once('2026-11-25T09:00:00'),
    }),
  ),
  oneLine(
    one('run the reporter once on friday at 5pm', 'scheduleAgent', 'Reporter', {
      schedule: once('2026-11-27T17:00:00'),
    }),
  ),
  oneLine(
    one('Can the lead scraper run twice a day, 8 and 17?', 'scheduleAgent', 'Lead Scraper', {
      schedule: every('0 8,17 * * *'),
    }),
  ),
  oneLine(
    one('reporting agent: mondays and thursdays at half ten', 'scheduleAgent', 'Reporting Agent', {
      schedule: every('30 10 * * 1,4'),
    }),
  ),
  oneLine({ text: 'run the weekly report every other tuesday', question: 'schedule' }),
  oneLine({ text: 'lead scraper on the last working day of each month', question: 'schedule' }),
  oneLine(
    creating(
      'watch https://shop.example.org/deals and tell me when prices change',
      ['createAgent'],
      { spec: { contains: ['https://shop.example.org/deals'] } },
      ['notify', 'schedule'],
    ),
  ),
  oneLine(
    building(
      'I need something that checks https://news.example.net every hour for new articles',
      ['scheduleAgent'],
      { schedule: every('0 * * * *'), spec: { contains: ['https://news.example.net'] } },
      ['notify', 'records'],
    ),
  ),
  oneLine(
    either({ text: 'make me an agent', question: 'url' }, { text: 'make me an agent', question: 'name' }),
  ),
  oneLine({
    text: 'connect github with an api key',
    operations: ['connectAccount'],
    account: { service: 'github', kind: 'api_key' },
    or: [{ text: 'connect github with an api key', question: 'host' }],
  }),
  oneLine({
    text: 'Sign in to our supplier portal again, the password was changed',
    operations: ['connectAccount'],
    account: portal,
  }),
  oneLine(either({ text: 'schedule it', question: 'agent' }, { text: 'schedule it', question: 'schedule' })),
  oneLine(
    one('Weekly report should run at 10 instead of 8', 'scheduleAgent', 'Weekly Report', {
      schedule: every('0 10 * * 1'),
    }),
  ),
  oneLine(one('clear the schedule on the price monitor', 'unscheduleAgent', monitor)),
  oneLine(onAll('pause everything', 'pauseAgent', active)),
  oneLine(
    either(one('retry the reporter', 'runAgent', 'Reporter'), {
      text: 'retry the reporter',
      reply: /password|sign(ing)? ?in|log ?in/i,
      planAllowed: true,
    }),
  ),
  oneLine(one('test the job collector', 'runAgent', 'Job Collector')),
  oneLine(
    building(
      'new agent: every morning at 8 collect the job ads from https://jobs.example.com and email them to me',
      ['scheduleAgent'],
      { schedule: every('0 8 * * *'), spec: { contains: ['https://jobs.example.com'] } },
      ['notify', 'records'],
    ),
  ),
  oneLine(one('delete the montly report', 'deleteAgent', 'Monthly Report')),
  oneLine(
    either(
      { text: 'resume the pricemonitor', reply: /already|active|running|not paused/i },
      one('resume the pricemonitor', 'resumeAgent', monitor),
    ),
  ),
  oneLine(
    one('run weekly report at 14:00 today', 'scheduleAgent', 'Weekly Report', {
      schedule: once('2026-11-24T14:00:00'),
    }),
  ),
  oneLine(
    one('price monitor: only at 6 in the morning from now on', 'scheduleAgent', monitor, {
      schedule: every('0 6 * * *'),
    }),
  ),
  oneLine({
    text: 'disconnect lead scraper from reporting agent',
    operations: ['unchainAgents'],
    targets: ['Lead Scraper -> Reporting Agent'],
  }),
  oneLine(
    one(
      'could you have the weekly report go out at quarter past eight on mondays instead',
      'scheduleAgent',
      'Weekly Report',
      { schedule: every('15 8 * * 1') },
    ),
  ),
  oneLine(
    one('run the lead scraper at 9 every weekday in december only', 'scheduleAgent', 'Lead Scraper', {
      schedule: every('0 9 * 12 1-5'),
    }),
  ),
];

const reportAgents = [
  ['Weekly Report', 'Monthly Report'],
  ['Weekly Report', 'Monthly Report', 'Reporting Agent'],
  ['Weekly Report', 'Monthly Report', 'Reporting Agent', 'Reporter'],
  ['Weekly Report', 'Monthly Report', 'Reporting Agent', old, 'Reporter'],
];

const multiIntent: OutOfSampleEntry[] = [
  several({
    text: 'pause the price monitor and resume the job collector',
    operations: ['pauseAgent', 'resumeAgent'],
    targets: [monitor, 'Job Collector'],
  }),
  several({
    text: 'run the lead scraper and then the data collector',
    operations: ['runAgent', 'runAgent'],
    targets: ['Lead Scraper', 'Data Collector'],
  }),
  several(
    either(
      {
        text: 'delete the old reporting agent and reconnect crm',
        operations: ['deleteAgent', 'connectAccount'],
        targets: [old, 'crm'],
        account: crm,
      },
      {
        text: 'delete the old reporting agent and reconnect crm',
        operations: ['connectAccount', 'deleteAgent'],
        targets: ['crm', old],
        account: crm,
      },
    ),
  ),
  several({
    text: 'schedule the weekly report for fridays at 4pm and the monthly report on the first at 8',
    operations: ['scheduleAgent', 'scheduleAgent'],
    targets: ['Weekly Report', 'Monthly Report'],
    schedules: [every('0 16 * * 5'), every('0 8 1 * *')],
  }),
  several({
    text: 'pause weekly report, monthly report and reporter',
    operations: repeat('pauseAgent', 3),
    targets: ['Weekly Report', 'Monthly Report', 'Reporter'],
  }),
  several(
    building(
      'create a monitor for https://example.org/status and run it every 10 minutes',
      ['scheduleAgent'],
      { schedule: every('*/10 * * * *'), spec: { contains: ['https://example.org/status'] } },
      ['notify'],
    ),
  ),
  several({
    text: 'reconnect crm then rerun the old reporting agent',
    operations: ['connectAccount', 'runAgent'],
    targets: ['crm', old],
    account: crm,
  }),
  several({
    text: 'change the monthly report url to https://example.com/staff and run it once to test',
    operations: ['updateAgent', 'runAgent'],
    agent: 'Monthly Report',
    spec: { contains: ['https://example.com/staff'] },
  }),
  several({
    text: 'fix the job collector selector to .posting and turn it back on',
    operations: ['updateAgent', 'resumeAgent'],
    agent: 'Job Collector',
    spec: { contains: ['.posting'] },
  }),
  several(
    either(
      {
        text: 'unschedule the price monitor and pause it',
        operations: ['unscheduleAgent', 'pauseAgent'],
        agent: monitor,
      },
      {
        text: 'unschedule the price monitor and pause it',
        operations: ['pauseAgent', 'unscheduleAgent'],
        agent: monitor,
      },
    ),
  ),
  several(
    either(
      { text: 'run all the reports', question: 'agent' },
      ...reportAgents.map((agents) => onAll('run all the reports', 'runAgent', agents)),
    ),
  ),
  several({
    text: 'chain the reporter after the weekly report and schedule the weekly report for mondays at 7',
    operations: ['chainAgents', 'scheduleAgent'],
    targets: ['Weekly Report -> Reporter', 'Weekly Report'],
    chained: { from: 'Weekly Report', to: 'Reporter', on: 'success' },
    schedule: every('0 7 * * 1'),
  }),
  several({
    text: 'connect sheets (api key, sheets.example.com) and run the data collector',
    operations: ['connectAccount', 'runAgent'],
    targets: ['sheets', 'Data Collector'],
    account: { service: 'sheets', kind: 'api_key', allowedHosts: ['sheets.example.com'] },
  }),
  several(
    either(
      {
        text: 'pause job collector & lead scraper, delete the monthly report',
        operations: ['pauseAgent', 'deleteAgent'],
        targets: ['Lead Scraper', 'Monthly Report'],
      },
      {
        text: 'pause job collector & lead scraper, delete the monthly report',
        operations: ['pauseAgent', 'pauseAgent', 'deleteAgent'],
        targets: ['Job Collector', 'Lead Scraper', 'Monthly Report'],
      },
    ),
  ),
  several({
    text: 'resume job collector and run it every day at noon',
    operations: ['resumeAgent', 'scheduleAgent'],
    agent: 'Job Collector',
    schedule: every('0 12 * * *'),
  }),
  several({
    text: 'run reporter now and again tomorrow at 8am',
    operations: ['runAgent', 'scheduleAgent'],
    agent: 'Reporter',
    schedule: once('2026-11-25T08:00:00'),
  }),
  several({
    text: 'stop the lead scraper → reporting agent chain and instead chain lead scraper → data collector',
    operations: ['unchainAgents', 'chainAgents'],
    targets: ['Lead Scraper -> Reporting Agent', 'Lead Scraper -> Data Collector'],
    chained: { from: 'Lead Scraper', to: 'Data Collector' },
  }),
  several({
    text: 'schedule the data collector hourly and the reporter at 6pm daily',
    operations: ['scheduleAgent', 'scheduleAgent'],
    targets: ['Data Collector', 'Reporter'],
    schedules: [every('0 * * * *'), every('0 18 * * *')],
  }),
  several(
    either(
      onAll('pause all the collectors', 'pauseAgent', ['Data Collector']),
      onAll('pause all the collectors', 'pauseAgent', ['Data Collector', 'Job Collector']),
    ),
  ),
  several({
    text: 'delete job collector and the old reporting agent',
    operations: ['deleteAgent', 'deleteAgent'],
    targets: ['Job Collector', old],
  }),
  several({
    text: 'run the price monitor, lead scraper and reporting agent now',
    operations: repeat('runAgent', 3),
    targets: [monitor, 'Lead Scraper', 'Reporting Agent'],
  }),
  several(
    building(
      'build an agent that fetches https://api.example.io/orders daily at 6 and have the reporting agent run after it',
      ['scheduleAgent', 'chainAgents'],
      {
        schedule: every('0 6 * * *'),
        chained: { to: 'Reporting Agent', on: 'success' },
        spec: { contains: ['https://api.example.io/orders'] },
      },
    ),
  ),
  several({
    text: 'unschedule weekly report and price monitor',
    operations: ['unscheduleAgent', 'unscheduleAgent'],
    targets: ['Weekly Report', monitor],
  }),
  several({
    text: 'reconnect the supplier portal login and run reporter again',
    operations: ['connectAccount', 'runAgent'],
    targets: ['supplier-portal', 'Reporter'],
    account: portal,
  }),
  several({
    text: 'resume job collector, schedule it weekdays at 8:15, and when it finishes start the reporting agent',
    operations: ['resumeAgent', 'scheduleAgent', 'chainAgents'],
    targets: ['Job Collector', 'Job Collector', 'Job Collector -> Reporting Agent'],
    schedule: every('15 8 * * 1-5'),
    chained: { from: 'Job Collector', to: 'Reporting Agent', on: 'success' },
  }),
  several({
    text: 'hey, could you pause the weekly report for now and also tell me why the reporter failed',
    operations: ['pauseAgent'],
    agent: 'Weekly Report',
    reply: /password|sign(ing)? ?in|log ?in/i,
  }),
];

const questions: OutOfSampleEntry[] = [
  asked('why did the reporter fail?', /password|sign(ing)? ?in|log ?in/i, { planAllowed: true }),
  asked('whats scheduled at the moment', naming('Weekly Report', 'Price Monitor')),
  asked('how many tokens did the weekly report use on its last run', /\b800\b/),
  asked('when does the price monitor run', /\b0?6\b[\s\S]*\b10\b/),
  asked('which agents are paused?', /Job Collector/),
  asked('what failed today', naming('Monthly Report', 'Data Collector')),
  asked('which accounts are connected', naming('supplier-portal', 'crm')),
  asked('is the crm connection ok?', /fail|expir|refused|reconnect|again/i, { planAllowed: true }),
  asked('what starts the old reporting agent', /webhook|hook|deal closed/i),
  asked('what happens after the lead scraper finishes?', /Reporting Agent/),
  asked('how long does the weekly report usually take', /\b([7-8]\d|9[0-5])\b|minute/i),
  asked('which agent uses the most tokens', firstNamed('Weekly Report')),
  asked('has the price monitor failed recently?', /503|unavailable|\b22\b/i),
  asked('when did job collector last succeed', /\b9(th)?\b|11-09|09\.11|nov(ember)? 9/i),
  asked('whats up with the data collector', /sheets/i, { planAllowed: true }),
  asked("what's wrong with the monthly report", /404|not found/i, { planAllowed: true }),
  asked('how many runs did lead scraper do today', /\b(1|one|once)\b/i),
  asked(
    'list my agents',
    naming(
      'Lead Scraper',
      'Price Monitor',
      'Weekly Report',
      'Monthly Report',
      'Job Collector',
      'Reporting Agent',
      'Data Collector',
      'Reporter',
    ),
  ),
  asked(
    'which agents failed on their last run?',
    naming('Weekly Report', 'Monthly Report', 'Job Collector', old, 'Data Collector', 'Reporter'),
  ),
  asked('when is the next weekly report', /monday|\b30\b|11-30/i),
  asked('did the reporting agent run today', /succe|yes/i),
  asked('what page does the price monitor check', /example\.com\/pricing/),
  asked('what happened with the lead scraper on the 20th', /time(d)? ?out|30 ?s|too long|longer/i),
  asked('why is weekly report failing', /ECONNRESET|network|connection (was )?reset/i, { planAllowed: true }),
  asked('how many tokens have we used today in total', /\b4[,.\s]?500\b/),
  asked('how many agents have i got', /\b9\b|nine/i),
];

export const fourthOutOfSampleRequests: OutOfSampleEntry[] = [...oneLiners, ...multiIntent, ...questions];

export const fourthOutOfSampleConversations: OutOfSampleConversation[] = [
  {
    name: 'a monitor, its schedule changed before approval',
    turns: [
      creating(
        'make a monitor for https://example.org/pricing',
        ['createAgent'],
        { spec: { contains: ['https://example.org/pricing'] } },
        ['notify', 'schedule'],
      ),
      building(
        'every 30 minutes',
        ['scheduleAgent'],
        { schedule: every('*/30 * * * *'), spec: { contains: ['https://example.org/pricing'] } },
        ['notify'],
      ),
      building(
        'actually make it hourly',
        ['scheduleAgent'],
        { schedule: every('0 * * * *'), spec: { contains: ['https://example.org/pricing'] } },
        ['notify'],
      ),
    ],
  },
  {
    name: 'a failure explained, fixed, then tested',
    turns: [
      { text: 'why did the monthly report fail', reply: /404|not found/i, planAllowed: true },
      one('change its url to https://example.com/team-members', 'updateAgent', 'Monthly Report', {
        spec: { contains: ['https://example.com/team-members'] },
      }),
      {
        text: 'and run it',
        operations: ['updateAgent', 'runAgent'],
        agent: 'Monthly Report',
        spec: { contains: ['https://example.com/team-members'] },
      },
    ],
  },
  {
    name: 'a pause widened, then narrowed',
    turns: [
      one('pause the reporter', 'pauseAgent', 'Reporter'),
      {
        text: 'also the weekly report',
        operations: ['pauseAgent', 'pauseAgent'],
        targets: ['Reporter', 'Weekly Report'],
      },
      one('no wait, only the weekly report', 'pauseAgent', 'Weekly Report'),
    ],
  },
  {
    name: 'a watcher built from answers',
    turns: [
      creating(
        'new agent to watch https://store.example.com/item/42',
        ['createAgent'],
        { spec: { contains: ['https://store.example.com/item/42'] } },
        ['notify', 'schedule'],
      ),
      creating(
        'email me at ops@example.com',
        ['createAgent'],
        { spec: { contains: ['https://store.example.com/item/42', 'ops@example.com'] } },
        ['schedule'],
      ),
      building('run it at 8 and 20 every day', ['scheduleAgent'], {
        schedule: every('0 8,20 * * *'),
        spec: { contains: ['https://store.example.com/item/42', 'ops@example.com'] },
      }),
    ],
  },
  {
    name: 'a schedule asked for, given, then moved',
    turns: [
      { text: 'schedule the lead scraper', question: 'schedule' },
      one('every weekday at 7', 'scheduleAgent', 'Lead Scraper', { schedule: every('0 7 * * 1-5') }),
      one('actually make that 7:30', 'scheduleAgent', 'Lead Scraper', { schedule: every('30 7 * * 1-5') }),
    ],
  },
  {
    name: 'an account reconnected, then a question about the agent',
    turns: [
      { text: 'reconnect crm', operations: ['connectAccount'], account: crm },
      {
        text: 'then run the old reporting agent',
        operations: ['connectAccount', 'runAgent'],
        targets: ['crm', old],
        account: crm,
      },
      {
        text: "what's its schedule?",
        reply: /no schedule|not scheduled|isn't scheduled|unscheduled|webhook|hook|none/i,
        planAllowed: true,
      },
    ],
  },
  {
    name: 'a broken selector explained, fixed and resumed',
    turns: [
      { text: "what's wrong with job collector", reply: /\.lead|selector/i, planAllowed: true },
      one('set the selector to .job', 'updateAgent', 'Job Collector', { spec: { contains: ['.job'] } }),
      {
        text: 'and resume it',
        operations: ['updateAgent', 'resumeAgent'],
        agent: 'Job Collector',
        spec: { contains: ['.job'] },
      },
    ],
  },
  {
    name: 'a one-off run moved, then another at the same time',
    turns: [
      one('run the data collector tomorrow at 10', 'scheduleAgent', 'Data Collector', {
        schedule: once('2026-11-25T10:00:00'),
      }),
      one('actually 11', 'scheduleAgent', 'Data Collector', { schedule: once('2026-11-25T11:00:00') }),
      {
        text: 'and the reporter at the same time',
        operations: ['scheduleAgent', 'scheduleAgent'],
        targets: ['Data Collector', 'Reporter'],
        schedules: [once('2026-11-25T11:00:00'), once('2026-11-25T11:00:00')],
      },
    ],
  },
  {
    name: 'a chain on failure, then another change',
    turns: [
      {
        text: 'chain reporter after lead scraper',
        operations: ['chainAgents'],
        targets: ['Lead Scraper -> Reporter'],
        chained: { from: 'Lead Scraper', to: 'Reporter', on: 'success' },
      },
      {
        text: 'only when it fails',
        operations: ['chainAgents'],
        targets: ['Lead Scraper -> Reporter'],
        chained: { from: 'Lead Scraper', to: 'Reporter', on: 'failure' },
      },
      {
        text: 'and pause the weekly report too',
        operations: ['chainAgents', 'pauseAgent'],
        targets: ['Lead Scraper -> Reporter', 'Weekly Report'],
        chained: { from: 'Lead Scraper', to: 'Reporter', on: 'failure' },
      },
    ],
  },
  {
    name: 'a paused agent found, resumed and run',
    turns: [
      { text: 'which agents are paused', reply: /Job Collector/ },
      one('turn that one back on', 'resumeAgent', 'Job Collector'),
      { text: 'and run it now', operations: ['resumeAgent', 'runAgent'], agent: 'Job Collector' },
    ],
  },
];
