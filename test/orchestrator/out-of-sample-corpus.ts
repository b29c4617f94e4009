// The out-of-sample corpus (issue 13): 120 requests WRITTEN BLIND on 2026-12-06, before reading
// any corpus case, the corpus judge or the built-in planner's vocabulary. The writer read only
// PRODUCT.md (the Orchestrator), src/domain/plan.ts and the fixture workspace (its agents,
// schedules, chain, connections, failed runs). The expectations say what a sensible product
// should do, not what the planner does; they were put in the judge's shape afterwards.
//
// A measurement, not a regression test: `npm run bench:orchestrator` prints its score per kind
// beside the in-sample corpus. No unit test reads this file, so a failing case never fails CI,
// and the planner must not be tuned on it (fix the kind of request a failure shows, then write
// new blind requests to measure again).
import type { OperationType } from '../../src/domain/plan.ts';
import {
  asked,
  berlin,
  creating,
  firstNamed,
  naming,
  type OutOfSampleConversation,
  type OutOfSampleEntry,
  oneLine,
  several,
} from './out-of-sample-helpers.ts';
import type { OutOfSampleCase } from './out-of-sample-judge.ts';

export const outOfSampleDate = '2026-12-06';

export const outOfSampleRequests: OutOfSampleEntry[] = [
  // One line: new agents for scraping, monitoring, APIs and portals.
  oneLine(
    creating(
      'hey can u make me an agent that scrapes the product titles and prices from https://shop.example.com/sale',
      ['createAgent'],
      { spec: { contains: ['https://shop.example.com/sale'] } },
      ['records'],
    ),
  ),
  oneLine(
    creating(
      'i need something to watch https://competitor.example.org/pricing and tell me when the price changes',
      ['createAgent'],
      { spec: { contains: ['https://competitor.example.org/pricing'] } },
    ),
  ),
  oneLine(
    creating(
      'build an agent that pulls open issues from the github api for acme/widgets',
      ['createAgent'],
      { spec: { contains: ['api.github.com'] } },
      ['url'],
    ),
  ),
  oneLine(
    creating(
      'Log into the supplier portal and download the latest invoice pdf',
      ['createAgent'],
      { spec: { contains: ['supplier-portal'] } },
      ['url', 'part'],
    ),
  ),
  oneLine(
    creating('create an agent to check if https://status.example.net is up', ['createAgent'], {
      spec: { contains: ['https://status.example.net'] },
    }),
  ),
  oneLine(
    creating(
      'make a bot that summarises new posts on https://blog.example.com/feed with AI',
      ['createAgent'],
      { spec: { contains: ['https://blog.example.com/feed', 'llm.'] } },
    ),
  ),
  oneLine(
    creating(
      'Can you set up an agent that fetches the weather from https://api.weather.example.com/v1/forecast?city=London',
      ['createAgent'],
      { spec: { contains: ['https://api.weather.example.com/v1/forecast'] } },
    ),
  ),
  oneLine(
    creating(
      'new agent: collect job listings from https://jobs.example.com/remote (title, company, salary)',
      ['createAgent'],
      { spec: { contains: ['https://jobs.example.com/remote'] } },
      ['records'],
    ),
  ),
  oneLine(
    creating(
      'monitor https://news.example.com/frontpage for posts mentioning orca',
      ['createAgent'],
      { spec: { contains: ['https://news.example.com/frontpage'] } },
      ['records'],
    ),
  ),
  oneLine({
    ...creating(
      'i want an agent that logs in to https://dashboard.example.io and grabs the monthly usage numbers',
      ['createAgent'],
      { spec: { contains: ['dashboard.example.io'] } },
      ['service', 'username', 'records', 'part'],
    ),
  }),
  // One line: changes.
  oneLine({
    text: 'change the Lead Scraper to use https://example.com/leads instead',
    operations: ['updateAgent'],
    agent: 'Lead Scraper',
    spec: { contains: ['https://example.com/leads'], lacks: ['https://example.com/team'] },
  }),
  oneLine({
    text: 'rename Reporting Agent (old) to Legacy CRM Report',
    operations: ['updateAgent'],
    agent: 'Reporting Agent (old)',
    spec: { contains: ['"name":"Legacy CRM Report"'] },
  }),
  oneLine({
    text: 'update the price monitor so it watches https://example.com/plans',
    operations: ['updateAgent'],
    agent: 'example.com Price Monitor',
    spec: { contains: ['https://example.com/plans'] },
  }),
  oneLine({
    text: 'job collector selector should be .job-card not .lead',
    operations: ['updateAgent'],
    agent: 'Job Collector',
    spec: { contains: ['.job-card'], lacks: ['".lead"'] },
  }),
  // One line: pause, resume, run, delete.
  oneLine({ text: 'pause the weekly report', operations: ['pauseAgent'], agent: 'Weekly Report' }),
  oneLine({
    text: 'stop the price monitor for now pls',
    operations: ['pauseAgent'],
    agent: 'example.com Price Monitor',
  }),
  oneLine({ text: 'can you resume job collector', operations: ['resumeAgent'], agent: 'Job Collector' }),
  oneLine({ text: 'unpause Job Collecter', operations: ['resumeAgent'], agent: 'Job Collector' }),
  oneLine({ text: 'run the lead scraper now', operations: ['runAgent'], agent: 'Lead Scraper' }),
  oneLine({ text: 'kick off monthly report', operations: ['runAgent'], agent: 'Monthly Report' }),
  oneLine({ text: 'give the Data Collector a test run', operations: ['runAgent'], agent: 'Data Collector' }),
  oneLine({ text: 'try the reporting agent again', operations: ['runAgent'], agent: 'Reporting Agent' }),
  oneLine({
    text: 'delete Reporting Agent (old)',
    operations: ['deleteAgent'],
    agent: 'Reporting Agent (old)',
  }),
  oneLine({
    text: 'get rid of the old reporting agent, we dont use it anymore',
    operations: ['deleteAgent'],
    agent: 'Reporting Agent (old)',
  }),
  oneLine({ text: 'remove the monthly report agent', operations: ['deleteAgent'], agent: 'Monthly Report' }),
  // One line: schedules in words.
  oneLine({
    text: 'run the lead scraper every weekday at 9am',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { cron: '0 9 * * 1-5', timezone: berlin },
  }),
  oneLine({
    text: 'schedule monthly report for the first of every month at 7am',
    operations: ['scheduleAgent'],
    agent: 'Monthly Report',
    schedule: { cron: '0 7 1 * *', timezone: berlin },
  }),
  oneLine({
    text: 'Data Collector should run every 2 hours',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '0 */2 * * *', timezone: berlin },
  }),
  oneLine({
    text: 'have the reporter run every friday at 5pm london time',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { cron: '0 17 * * 5', timezone: 'Europe/London' },
  }),
  oneLine({
    text: "stop running the weekly report on a schedule, i'll run it by hand",
    operations: ['unscheduleAgent'],
    agent: 'Weekly Report',
  }),
  oneLine({
    text: 'change the price monitor so it only runs at 7am',
    operations: ['scheduleAgent'],
    agent: 'example.com Price Monitor',
    schedule: { cron: '0 7 * * *', timezone: berlin },
  }),
  oneLine({
    text: 'run job collector once tomorrow at 10am',
    operations: ['scheduleAgent'],
    agent: 'Job Collector',
    schedule: { runAt: '2026-11-25T09:00:00.000Z', timezone: berlin },
    // It is paused: resuming it first is as sensible.
    or: [
      {
        text: 'run job collector once tomorrow at 10am',
        operations: ['resumeAgent', 'scheduleAgent'],
        agent: 'Job Collector',
        schedule: { runAt: '2026-11-25T09:00:00.000Z', timezone: berlin },
      },
    ],
  }),
  // One line: chains.
  oneLine({
    text: 'when the data collector finishes, start the reporter',
    operations: ['chainAgents'],
    targets: ['Data Collector -> Reporter'],
  }),
  oneLine({
    text: 'after Lead Scraper runs feed its results into Monthly Report',
    operations: ['chainAgents'],
    targets: ['Lead Scraper -> Monthly Report'],
    chained: { on: 'success' },
  }),
  oneLine({
    text: 'if the weekly report fails, run the reporting agent',
    operations: ['chainAgents'],
    targets: ['Weekly Report -> Reporting Agent'],
    chained: { on: 'failure' },
  }),
  oneLine({
    text: 'unlink lead scraper from reporting agent',
    operations: ['unchainAgents'],
    targets: ['Lead Scraper -> Reporting Agent'],
  }),
  // One line: connected accounts.
  oneLine({
    text: 'connect my github account',
    operations: ['connectAccount'],
    targets: ['github'],
    or: [{ text: 'connect my github account', question: 'kind' }],
  }),
  oneLine({
    text: 'add an api key for openweather',
    operations: ['connectAccount'],
    targets: ['openweather'],
    account: { kind: 'api_key' },
    or: [{ text: 'add an api key for openweather', question: 'host' }],
  }),
  oneLine({
    text: 'reconnect the crm account, it expired',
    operations: ['connectAccount'],
    targets: ['crm'],
    account: { kind: 'oauth2' },
  }),
  oneLine({
    text: 'i need to add the login for https://portal.acme-supplies.co.uk',
    operations: ['connectAccount'],
    account: { kind: 'login', allowedHosts: ['portal.acme-supplies.co.uk'] },
    or: [
      { text: 'i need to add the login for https://portal.acme-supplies.co.uk', question: 'service' },
      { text: 'i need to add the login for https://portal.acme-supplies.co.uk', question: 'username' },
    ],
  }),

  // Several asks in one message.
  several({
    text: 'pause the weekly report and run the monthly report',
    operations: ['pauseAgent', 'runAgent'],
    targets: ['Weekly Report', 'Monthly Report'],
  }),
  several(
    creating(
      'create an agent that scrapes https://example.org/events and run it every monday at 8',
      ['createAgent', 'scheduleAgent'],
      {
        schedule: { cron: '0 8 * * 1', timezone: berlin },
        spec: { contains: ['https://example.org/events'] },
      },
      ['records'],
    ),
  ),
  several({
    text: 'delete Reporting Agent (old) and rename Reporting Agent to CRM Report',
    operations: ['deleteAgent', 'updateAgent'],
    targets: ['Reporting Agent (old)', 'Reporting Agent'],
    spec: { contains: ['"name":"CRM Report"'] },
  }),
  several({
    text: 'hey, can u resume job collector, change its selector to .posting and run it once to test',
    operations: ['resumeAgent', 'updateAgent', 'runAgent'],
    targets: ['Job Collector', 'Job Collector', 'Job Collector'],
    spec: { contains: ['.posting'] },
  }),
  several(
    creating(
      'make an agent to grab headlines from https://news.example.com, another one to summarize them with AI, and chain them',
      ['createAgent', 'createAgent', 'chainAgents'],
      { spec: { contains: [] } },
      ['records'],
    ),
  ),
  several({
    text: 'schedule the data collector daily at 6am and have the reporter run after it',
    operations: ['scheduleAgent', 'chainAgents'],
    targets: ['Data Collector', 'Data Collector -> Reporter'],
    schedule: { cron: '0 6 * * *', timezone: berlin },
  }),
  several({
    text: 'connect the sheets account and then rerun data collector',
    operations: ['connectAccount', 'runAgent'],
    targets: ['sheets', 'Data Collector'],
    or: [{ text: 'connect the sheets account and then rerun data collector', question: 'kind' }],
  }),
  several({
    text: 'pause everything that failed last time',
    operations: ['pauseAgent', 'pauseAgent', 'pauseAgent', 'pauseAgent', 'pauseAgent'],
    // Job Collector failed too, but it is paused already.
    sameTargets: ['Weekly Report', 'Monthly Report', 'Reporting Agent (old)', 'Data Collector', 'Reporter'],
  }),
  several({
    text: 'run lead scraper and reporting agent now',
    operations: ['runAgent', 'runAgent'],
    targets: ['Lead Scraper', 'Reporting Agent'],
  }),
  several({
    text: 'stop the price monitor schedule and delete job collector',
    operations: ['unscheduleAgent', 'deleteAgent'],
    targets: ['example.com Price Monitor', 'Job Collector'],
  }),
  several(
    creating(
      'Create a monitor for https://example.com/careers, check it every hour',
      ['createAgent', 'scheduleAgent'],
      {
        schedule: { cron: '0 * * * *', timezone: berlin },
        spec: { contains: ['https://example.com/careers'] },
      },
    ),
  ),
  several({
    text: 'rename Lead Scraper to Prospect Scraper and schedule it at 7:30 every weekday',
    operations: ['updateAgent', 'scheduleAgent'],
    schedule: { cron: '30 7 * * 1-5', timezone: berlin },
    spec: { contains: ['"name":"Prospect Scraper"'] },
  }),
  several({
    text: 'unchain the lead scraper from reporting agent, and chain it to monthly report instead',
    operations: ['unchainAgents', 'chainAgents'],
    targets: ['Lead Scraper -> Reporting Agent', 'Lead Scraper -> Monthly Report'],
  }),
  several({
    text: 'pause weekly report, pause monthly report, resume job collector',
    operations: ['pauseAgent', 'pauseAgent', 'resumeAgent'],
    targets: ['Weekly Report', 'Monthly Report', 'Job Collector'],
  }),
  several(
    creating(
      'set up an api key for the weather service and build an agent that pulls the forecast from https://api.weather.example.com/today every morning at 6',
      ['connectAccount', 'createAgent', 'scheduleAgent'],
      {
        schedule: { cron: '0 6 * * *', timezone: berlin },
        account: { kind: 'api_key' },
        spec: { contains: ['https://api.weather.example.com/today'] },
      },
      ['service'],
    ),
  ),
  several({
    text: 'delete data collector and the old reporting agent',
    operations: ['deleteAgent', 'deleteAgent'],
    targets: ['Data Collector', 'Reporting Agent (old)'],
  }),
  several({
    text: 'run the reporter now and then every sunday at 9pm',
    operations: ['runAgent', 'scheduleAgent'],
    targets: ['Reporter', 'Reporter'],
    schedule: { cron: '0 21 * * 0', timezone: berlin },
  }),
  several(
    creating(
      "Make a scraper for https://example.com/blog titles; when it's done run the reporting agent",
      ['createAgent', 'chainAgents'],
      { chained: { to: 'Reporting Agent' }, spec: { contains: ['https://example.com/blog'] } },
      ['records'],
    ),
  ),
  several({
    text: 'could you unschedule the price monitor and pause lead scraper as well? thx',
    operations: ['unscheduleAgent', 'pauseAgent'],
    targets: ['example.com Price Monitor', 'Lead Scraper'],
  }),
  several({
    text: 'reconnect crm and test the old reporting agent again',
    operations: ['connectAccount', 'runAgent'],
    targets: ['crm', 'Reporting Agent (old)'],
  }),

  // Questions about the workspace: an answer with the facts, no plan (a fix may come beside
  // the explanation of a failure). The workspace's clock is Tuesday 24 November 2026, 11:00.
  asked('what failed recently?', naming('Weekly Report', 'Data Collector', 'Reporter')),
  asked('why did the weekly report fail', /ECONNRESET|network|connection was reset/i, { planAllowed: true }),
  asked('whats wrong with the reporter', /wrong password|refused/i, { planAllowed: true }),
  asked('why is data collector broken?', /sheets/i, { planAllowed: true }),
  asked('what does the lead scraper do', /example\.com\/team/),
  asked('which agents are scheduled?', naming('Price Monitor', 'Weekly Report')),
  asked('when does weekly report run', /Monday[\s\S]*(08:00|8 ?am)|(08:00|8 ?am)[\s\S]*Monday/i),
  asked('how many tokens has the weekly report used this month', /36,?100/),
  asked('which agent costs the most', firstNamed('Weekly Report')),
  asked('whats the success rate of the price monitor?', /83 ?%|5 of (the )?6/),
  asked('how many times has the lead scraper run', /\b7 (runs|times)/),
  asked('is anything paused?', /Job Collector/),
  asked('what agents do i have', /9 agents|nine agents/i),
  asked('which accounts are connected', naming('supplier-portal', 'crm')),
  asked("what's chained to the lead scraper", /Reporting Agent/),
  asked('did the monthly report work last time?', /404|not found/i, { planAllowed: true }),
  asked('why does the job collector keep failing', /\.lead|selector/i, { planAllowed: true }),
  asked("what is the old reporting agent's problem", /crm[\s\S]*(expired|access token|connect it again)/i, {
    planAllowed: true,
  }),
  asked('how long does the weekly report take to run', /1 min|[79]\d s\b|9\d seconds|minute/i),
  asked('which of my agents log into a portal', firstNamed('Reporter')),
  asked('when did the reporter last run', /22 November|November 22|Sunday/i),
  asked('what time zone are my schedules in', /Berlin/),
  asked('what triggers the reporting agent', /Lead Scraper/),
  asked('are there agents that never succeeded', naming('Reporting Agent (old)', 'Data Collector')),
  asked('how often does the price monitor run?', /(06:00|6 ?am)[\s\S]*(10:00|10 ?am)/i),
  asked('show me the last runs of job collector', naming('Job Collector', '.lead')),
  asked("what's using up my credits", firstNamed('Weekly Report')),
  asked(
    'which agents are failing right now',
    naming('Weekly Report', 'Monthly Report', 'Data Collector', 'Reporter'),
  ),
  asked('does anything run from a webhook?', /Reporting Agent \(old\)/),
  asked('what does the price monitor watch', /example\.com\/pricing/),
];

/** The plan waiting may keep its account, or the agent may come as a plan of its own. */
function alsoAlone(entry: OutOfSampleCase): OutOfSampleCase {
  const alone = creating(entry.text, ['createAgent'], { spec: entry.spec });
  return { ...entry, or: [...(entry.or ?? []), alone, ...(alone.or ?? [])] };
}

const pauses = (count: number): OperationType[] => Array.from({ length: count }, () => 'pauseAgent');

export const outOfSampleConversations: OutOfSampleConversation[] = [
  {
    name: 'a new scraper, scheduled, then another hour',
    turns: [
      creating(
        'make an agent that scrapes the deal titles from https://example.com/deals, each deal is a .deal-card',
        ['createAgent'],
        { spec: { contains: ['https://example.com/deals', '.deal-card'] } },
      ),
      creating('run it every day at noon', ['createAgent', 'scheduleAgent'], {
        schedule: { cron: '0 12 * * *', timezone: berlin },
      }),
      creating('actually make it 1pm', ['createAgent', 'scheduleAgent'], {
        schedule: { cron: '0 13 * * *', timezone: berlin },
      }),
    ],
  },
  {
    name: 'pause one, add another, take the first back out',
    turns: [
      { text: 'pause the weekly report', operations: ['pauseAgent'], agent: 'Weekly Report' },
      {
        text: 'and the monthly one too',
        operations: ['pauseAgent', 'pauseAgent'],
        targets: ['Weekly Report', 'Monthly Report'],
        or: [{ text: 'and the monthly one too', operations: ['pauseAgent'], agent: 'Monthly Report' }],
      },
      { text: 'actually leave the weekly one running', operations: ['pauseAgent'], agent: 'Monthly Report' },
    ],
  },
  {
    name: 'why it failed, fix it, run it',
    turns: [
      { text: 'why did the reporter fail', reply: /wrong password|refused/i, planAllowed: true },
      {
        text: 'ok fix it',
        operations: ['connectAccount'],
        targets: ['supplier-portal'],
        account: { kind: 'login' },
        or: [{ text: 'ok fix it', question: 'username' }],
      },
      {
        text: 'then run it',
        operations: ['runAgent'],
        agent: 'Reporter',
        or: [
          {
            text: 'then run it',
            operations: ['connectAccount', 'runAgent'],
            targets: ['supplier-portal', 'Reporter'],
          },
        ],
      },
    ],
  },
  {
    name: 'a monitor without a site, the site, then how often',
    turns: [
      { text: 'set up a monitor for a website', question: 'url' },
      creating('https://example.com/changelog', ['createAgent'], {
        spec: { contains: ['https://example.com/changelog'] },
      }),
      creating('check it every 30 mins', ['createAgent', 'scheduleAgent'], {
        schedule: { cron: '*/30 * * * *', timezone: berlin },
      }),
    ],
  },
  {
    name: 'delete, no pause, and run another',
    turns: [
      { text: 'delete the lead scraper', operations: ['deleteAgent'], agent: 'Lead Scraper' },
      { text: 'no wait, pause it instead', operations: ['pauseAgent'], agent: 'Lead Scraper' },
      {
        text: 'and run the reporting agent',
        operations: ['runAgent'],
        agent: 'Reporting Agent',
        or: [
          {
            text: 'and run the reporting agent',
            operations: ['pauseAgent', 'runAgent'],
            targets: ['Lead Scraper', 'Reporting Agent'],
          },
        ],
      },
    ],
  },
  {
    name: 'what it does, why it fails, connect what it lacks',
    turns: [
      { text: 'what does the data collector do?', reply: /sheets\.example\.com/ },
      { text: 'why is it failing', reply: /sheets/i, planAllowed: true },
      {
        text: 'connect sheets then',
        operations: ['connectAccount'],
        targets: ['sheets'],
        or: [{ text: 'connect sheets then', question: 'kind' }],
      },
    ],
  },
  {
    name: 'a schedule without a time, the time, then a chain',
    turns: [
      { text: 'schedule the lead scraper', question: 'schedule' },
      {
        text: 'weekdays at 8:30',
        operations: ['scheduleAgent'],
        agent: 'Lead Scraper',
        schedule: { cron: '30 8 * * 1-5', timezone: berlin },
      },
      {
        text: 'and send its results to monthly report',
        operations: ['chainAgents'],
        targets: ['Lead Scraper -> Monthly Report'],
        or: [
          {
            text: 'and send its results to monthly report',
            operations: ['scheduleAgent', 'chainAgents'],
            targets: ['Lead Scraper', 'Lead Scraper -> Monthly Report'],
          },
        ],
      },
    ],
  },
  {
    name: 'an API agent, named, run',
    turns: [
      creating(
        'create an agent that pulls exchange rates from https://api.rates.example.com/latest',
        ['createAgent'],
        { spec: { contains: ['https://api.rates.example.com/latest'] } },
      ),
      {
        text: 'call it FX Rates',
        operations: ['createAgent', 'runAgent'],
        spec: { name: 'FX Rates' },
        or: [{ text: 'call it FX Rates', operations: ['createAgent'], spec: { name: 'FX Rates' } }],
      },
      { text: 'run it', operations: ['createAgent', 'runAgent'], spec: { name: 'FX Rates' } },
    ],
  },
  {
    name: 'which failed, pause them, but not one',
    turns: [
      { text: 'which agents failed?', reply: naming('Weekly Report', 'Data Collector', 'Reporter') },
      {
        text: 'pause them all',
        operations: pauses(5),
        sameTargets: [
          'Weekly Report',
          'Monthly Report',
          'Reporting Agent (old)',
          'Data Collector',
          'Reporter',
        ],
      },
      {
        text: 'except the reporter',
        operations: pauses(4),
        sameTargets: ['Weekly Report', 'Monthly Report', 'Reporting Agent (old)', 'Data Collector'],
      },
    ],
  },
  {
    name: 'an account, its kind, then an agent that uses it',
    turns: [
      {
        text: 'connect my stripe account',
        operations: ['connectAccount'],
        targets: ['stripe'],
        or: [{ text: 'connect my stripe account', question: 'kind' }],
      },
      {
        text: "it's an api key",
        operations: ['connectAccount'],
        targets: ['stripe'],
        account: { kind: 'api_key' },
      },
      alsoAlone(
        creating(
          "then make an agent that lists yesterday's payments from https://api.stripe.com/v1/charges",
          ['connectAccount', 'createAgent'],
          { spec: { contains: ['https://api.stripe.com/v1/charges'] } },
        ),
      ),
    ],
  },
];
