// The seventh out-of-sample corpus: 99 requests and 10 conversations of 3 turns WRITTEN BLIND on
// 2026-12-07, while set 6's failures were guiding fixes (so set 6 no longer measures). The writer
// read only PRODUCT.md (the Orchestrator), src/domain/plan.ts, the fixture workspace
// (fixture-workspace.ts and fixture-runs.ts: agents, steps, schedules, chain, connections, hook,
// runs and their errors), the judges (out-of-sample-judge.ts, corpus-judge.ts, and `resolveCron`
// in src/triggers/schedule-times.ts, which the judge compares crons with), the shared helpers,
// the conversation harness (plans are never applied between turns: later turns see the plan
// waiting for approval), the top of planner-corpus.ts (the CorpusCase interface, the fixture's
// agents, schedules and chain, and corpusNow: Tuesday 24 November 2026, 11:00 in Berlin), the
// names of the runtime tools (ls src/runtime/tools), the bench's scoring file and the first 54
// lines of set 6 (its header and imports); never a case of another corpus, a unit test of the
// planner or anything under src/orchestrator/. The messages were written first as plain text, as
// a mix of users (terse, chatty, lower case, typos, British and American spelling, several asks
// in one message, "it/that one" after an answer, plans changed before approval, one-off times
// such as "in 2 hours" or "this thursday at 3pm", ranges such as "every 15 mins from 8 to 6 on
// weekdays", rhythms cron cannot say, conditions, rename / duplicate / split, digests, accounts
// by API key, login and OAuth, chains removed, new agents from pages, JSON APIs, feeds and
// status pages), then put in the judge's shape.
// The expectations say what a sensible product should do, not what the planner does; where
// several outcomes are sensible (a clarifying question, a test run after a new agent, whether
// right after it or at the plan's end, any order of independent changes, a cron written in
// another equivalent form) `built`, `inAnyOrder`, `crons` and `or` accept them. A name that fits
// two agents ("the report", "the collector") expects a question, unless only one of them makes
// sense for the ask (only the paused collector can be resumed). A rhythm cron cannot say
// ("fortnightly", "every other monday") expects a question or an explanation. One-off times are
// the Berlin times the user meant, in UTC as plans give them (ISO 8601 with milliseconds).
// Figures asked for "this week" or "this month" accept both readings (the calendar week or month,
// or the last 7 or 30 days) where they differ. Costs are the runs' tokens, the only cost the
// fixture records.
//
// Before scoring, a throwaway check confirmed every agent name, chain and target is the fixture's,
// every cron is one `resolveCron` and the schedule parser take, every one-off time is after
// corpusNow, and each question's pattern matches a right reply written by hand.
//
// A measurement, not a regression test: `npm run bench:orchestrator` prints its score as
// "Out-of-sample (seventh set)". No unit test reads its cases, and the planner must not be tuned
// on it: fix the kind of request a failure shows, then write an eighth blind set to measure again.
import {
  asked,
  built,
  creating,
  crons,
  either,
  every,
  firstNamed,
  inAnyOrder,
  naming,
  type OutOfSampleConversation,
  type OutOfSampleEntry,
  once,
  oneLine,
  plan,
  repeat,
  several,
} from './out-of-sample-helpers.ts';

export const seventhOutOfSampleDate = '2026-12-07';

/** The fixture's active agents: what "everything" pauses. */
const activeAgents = [
  'Lead Scraper',
  'example.com Price Monitor',
  'Weekly Report',
  'Monthly Report',
  'Reporting Agent (old)',
  'Reporting Agent',
  'Data Collector',
  'Reporter',
];

/** A reply saying cron cannot give this rhythm (or offering the nearest it can). */
const cannotSay = /every other|every second|two weeks|2 weeks|fortnight|biweekly|alternat|cron/i;

const oneLineRequests: OutOfSampleEntry[] = [
  oneLine(
    built(
      'keep an eye on https://www.githubstatus.com/api/v2/status.json and email me if the indicator is anything but none',
      ['createAgent'],
      { spec: { contains: ['githubstatus.com'] } },
    ),
  ),
  oneLine(
    built(
      'grab the newest posts from https://hnrss.org/frontpage every morning at 7 and mail me a digest',
      ['createAgent', 'scheduleAgent'],
      { schedule: every('0 7 * * *'), spec: { contains: ['hnrss.org/frontpage'] } },
    ),
  ),
  oneLine(
    plan('pause data collector until i sort out the sheets thing', ['pauseAgent'], {
      agent: 'Data Collector',
    }),
  ),
  oneLine(
    plan("get rid of the old reporting agent, nobody's used it in ages", ['deleteAgent'], {
      agent: 'Reporting Agent (old)',
    }),
  ),
  oneLine(plan('run lead scraper pls', ['runAgent'], { agent: 'Lead Scraper' })),
  oneLine(
    crons(
      plan('move the weekly report to fridays at 4pm', ['scheduleAgent'], {
        agent: 'Weekly Report',
        schedule: every('0 16 * * 5'),
      }),
      '0 16 * * FRI',
    ),
  ),
  oneLine(
    plan("turn off the price monitor's schedule but keep the agent itself", ['unscheduleAgent'], {
      agent: 'example.com Price Monitor',
    }),
  ),
  oneLine(plan('unpause the job collector', ['resumeAgent'], { agent: 'Job Collector' })),
  oneLine(
    either(plan('wake the collector back up', ['resumeAgent'], { agent: 'Job Collector' }), {
      text: 'wake the collector back up',
      question: 'agent',
    }),
  ),
  oneLine(
    either(
      plan('stop the chain', ['unchainAgents'], {
        chain: { from: 'Lead Scraper', to: 'Reporting Agent' },
        targets: ['Lead Scraper -> Reporting Agent'],
      }),
      { text: 'stop the chain', question: 'agent' },
    ),
  ),
  oneLine(
    plan('once the monthly report is done, kick off the reporter', ['chainAgents'], {
      targets: ['Monthly Report -> Reporter'],
      chained: { from: 'Monthly Report', to: 'Reporter', on: 'success' },
    }),
  ),
  oneLine(
    plan('if the weekly report fails, run the data collector', ['chainAgents'], {
      targets: ['Weekly Report -> Data Collector'],
      chained: { from: 'Weekly Report', to: 'Data Collector', on: 'failure' },
    }),
  ),
  oneLine(
    plan('connect my openai api key', ['connectAccount'], {
      account: { service: 'openai', kind: 'api_key' },
    }),
  ),
  oneLine(
    either(
      plan('hook up github with oauth', ['connectAccount'], {
        account: { service: 'github', kind: 'oauth2' },
      }),
      { text: 'hook up github with oauth', question: 'client' },
    ),
  ),
  oneLine(
    plan(
      'add a login for https://partners.acme-logistics.com, username is ops@mycompany.com',
      ['connectAccount'],
      {
        account: { kind: 'login', allowedHosts: ['partners.acme-logistics.com'] },
      },
    ),
  ),
  oneLine(
    plan('rename the reporter to Supplier Portal Export', ['updateAgent'], {
      agent: 'Reporter',
      spec: { contains: ['Supplier Portal Export'] },
    }),
  ),
  oneLine(creating('duplicate lead scraper', ['createAgent'], {}, ['name'])),
  oneLine(
    crons(
      plan('check prices every 15 mins from 8 to 6 on weekdays', ['scheduleAgent'], {
        agent: 'example.com Price Monitor',
        schedule: every('*/15 8-17 * * 1-5'),
      }),
      '*/15 8-18 * * 1-5',
      '0,15,30,45 8-17 * * 1-5',
      '0,15,30,45 8-18 * * 1-5',
    ),
  ),
  oneLine(
    plan('run the monthly report on the 1st of each month at 6am', ['scheduleAgent'], {
      agent: 'Monthly Report',
      schedule: every('0 6 1 * *'),
    }),
  ),
  oneLine(
    either(
      { text: 'can the reporter run fortnightly on thursdays?', question: 'schedule' },
      { text: 'can the reporter run fortnightly on thursdays?', reply: cannotSay },
    ),
  ),
  oneLine(
    plan('run data collector in 2 hours', ['scheduleAgent'], {
      agent: 'Data Collector',
      schedule: once('2026-11-24T12:00:00.000Z'),
    }),
  ),
  oneLine(
    plan('run the lead scraper this thursday at 3pm', ['scheduleAgent'], {
      agent: 'Lead Scraper',
      schedule: once('2026-11-26T14:00:00.000Z'),
    }),
  ),
  oneLine(
    plan('tommorow 7:45am run the monthly report, just the once', ['scheduleAgent'], {
      agent: 'Monthly Report',
      schedule: once('2026-11-25T06:45:00.000Z'),
    }),
  ),
  oneLine(
    either(
      plan('make the price monitor email me only when the price actually changes', ['updateAgent'], {
        agent: 'example.com Price Monitor',
      }),
      plan(
        'make the price monitor email me only when the price actually changes',
        ['updateAgent', 'runAgent'],
        {
          agent: 'example.com Price Monitor',
        },
      ),
    ),
  ),
  oneLine(
    either(
      {
        text: 'the reporter does too much, split the login + download bit into its own agent',
        question: 'part',
      },
      built('the reporter does too much, split the login + download bit into its own agent', [
        'createAgent',
        'updateAgent',
        'chainAgents',
      ]),
      built('the reporter does too much, split the login + download bit into its own agent', [
        'createAgent',
        'chainAgents',
        'updateAgent',
      ]),
      plan('the reporter does too much, split the login + download bit into its own agent', [
        'updateAgent',
        'createAgent',
        'chainAgents',
      ]),
      built('the reporter does too much, split the login + download bit into its own agent', [
        'createAgent',
        'createAgent',
        'chainAgents',
        'deleteAgent',
      ]),
    ),
  ),
  oneLine(
    built(
      'tell me when bitcoin drops below 80k eur: https://api.coingecko.com/api/v3/simple/price?ids=bitcoin&vs_currencies=eur',
      ['createAgent'],
      { spec: { contains: ['api.coingecko.com'] } },
      ['notify'],
    ),
  ),
  oneLine(
    built(
      'follow https://blog.rust-lang.org/feed.xml and post every new entry to https://hooks.slack.com/services/T000/B000/XXXX',
      ['createAgent'],
      { spec: { contains: ['blog.rust-lang.org/feed.xml', 'hooks.slack.com/services/T000/B000/XXXX'] } },
    ),
  ),
  oneLine({ text: 'give the report a new schedule, weekdays at 7', question: 'agent' }),
  oneLine(
    either(
      plan('point the price monitor at https://example.com/pricing/eu instead', ['updateAgent'], {
        agent: 'example.com Price Monitor',
        spec: { contains: ['example.com/pricing/eu'] },
      }),
      plan('point the price monitor at https://example.com/pricing/eu instead', ['updateAgent', 'runAgent'], {
        agent: 'example.com Price Monitor',
        spec: { contains: ['example.com/pricing/eu'] },
      }),
    ),
  ),
  oneLine(
    either(
      plan('connect the sheets account the data collector needs', ['connectAccount'], {
        account: { service: 'sheets' },
      }),
      { text: 'connect the sheets account the data collector needs', question: 'kind' },
    ),
  ),
  oneLine(plan('reconnect crm', ['connectAccount'], { account: { service: 'crm', kind: 'oauth2' } })),
  oneLine(
    crons(
      plan('every weekday at half 8 run the lead scraper', ['scheduleAgent'], {
        agent: 'Lead Scraper',
        schedule: every('30 8 * * 1-5'),
      }),
      '30 8 * * MON-FRI',
    ),
  ),
  oneLine(
    plan('price monitor hourly please', ['scheduleAgent'], {
      agent: 'example.com Price Monitor',
      schedule: every('0 * * * *'),
    }),
  ),
  oneLine(
    either(
      plan('pause everything', repeat('pauseAgent', activeAgents.length), { sameTargets: activeAgents }),
      { text: 'pause everything', question: 'agent' },
    ),
  ),
  oneLine(
    crons(
      built(
        'new agent: collect the remote job listings from https://jobs.example.org/remote (title, company, link) every monday at 9',
        ['createAgent', 'scheduleAgent'],
        { schedule: every('0 9 * * 1'), spec: { contains: ['jobs.example.org/remote'] } },
      ),
      '0 9 * * MON',
    ),
  ),
  oneLine(
    built('summarise https://www.theverge.com for me every evening at 6', ['createAgent', 'scheduleAgent'], {
      schedule: every('0 18 * * *'),
      spec: { contains: ['theverge.com'] },
    }),
  ),
  oneLine(
    built(
      'scrape https://www.example-realty.com/listings',
      ['createAgent'],
      { spec: { contains: ['example-realty.com/listings'] } },
      ['records'],
    ),
  ),
  oneLine({ text: 'set up a monitor for me', question: 'url' }),
  oneLine(plan('retry the monthly report', ['runAgent'], { agent: 'Monthly Report' })),
  oneLine(
    plan('run the data collector after the lead scraper, every time', ['chainAgents'], {
      targets: ['Lead Scraper -> Data Collector'],
      chained: { from: 'Lead Scraper', to: 'Data Collector' },
    }),
  ),
  oneLine(
    plan('add a step to the weekly report that emails it to team@mycompany.com', ['updateAgent'], {
      agent: 'Weekly Report',
      spec: { contains: ['team@mycompany.com'] },
    }),
  ),
  oneLine(
    plan("weekly report's schedule should be in new york time", ['scheduleAgent'], {
      agent: 'Weekly Report',
      schedule: every('0 8 * * 1', 'America/New_York'),
    }),
  ),
  oneLine(
    crons(
      built(
        'every friday at 5pm send me a rundown of what all the agents got up to this week',
        ['createAgent', 'scheduleAgent'],
        { schedule: every('0 17 * * 5') },
      ),
      '0 17 * * FRI',
    ),
  ),
  oneLine(
    built(
      'put together a daily digest of our shared notes, 8 in the morning',
      ['createAgent', 'scheduleAgent'],
      { schedule: every('0 8 * * *') },
    ),
  ),
];

const multiIntentRequests: OutOfSampleEntry[] = [
  several(
    inAnyOrder('delete the job collector and pause data collector', [
      { operation: 'deleteAgent', target: 'Job Collector' },
      { operation: 'pauseAgent', target: 'Data Collector' },
    ]),
  ),
  several(
    inAnyOrder('run the lead scraper now and then every day at 8', [
      { operation: 'runAgent', target: 'Lead Scraper' },
      { operation: 'scheduleAgent', target: 'Lead Scraper', schedule: every('0 8 * * *') },
    ]),
  ),
  several(
    either(
      plan(
        "rename monthly report to 'Team Page Monthly' and move it to the 2nd of the month at 9am",
        ['updateAgent', 'scheduleAgent'],
        { schedule: every('0 9 2 * *'), spec: { contains: ['Team Page Monthly'] } },
      ),
      plan(
        "rename monthly report to 'Team Page Monthly' and move it to the 2nd of the month at 9am",
        ['scheduleAgent', 'updateAgent'],
        { schedule: every('0 9 2 * *'), spec: { contains: ['Team Page Monthly'] } },
      ),
    ),
  ),
  several(
    built(
      'connect stripe with an api key, then build an agent that pulls the charges from https://api.stripe.com/v1/charges every morning at 6:30',
      ['connectAccount', 'createAgent', 'scheduleAgent'],
      {
        account: { service: 'stripe', kind: 'api_key' },
        schedule: every('30 6 * * *'),
        spec: { contains: ['api.stripe.com/v1/charges'] },
      },
    ),
  ),
  several(
    inAnyOrder(
      'unchain the reporting agent from lead scraper and have it run after the data collector instead',
      [
        { operation: 'unchainAgents', target: 'Lead Scraper -> Reporting Agent' },
        { operation: 'chainAgents', target: 'Data Collector -> Reporting Agent' },
      ],
    ),
  ),
  several(
    either(
      plan(
        'resume job collector, run it once, and schedule it daily at 10am',
        ['resumeAgent', 'runAgent', 'scheduleAgent'],
        {
          agent: 'Job Collector',
          schedule: every('0 10 * * *'),
        },
      ),
      plan(
        'resume job collector, run it once, and schedule it daily at 10am',
        ['resumeAgent', 'scheduleAgent', 'runAgent'],
        {
          agent: 'Job Collector',
          schedule: every('0 10 * * *'),
        },
      ),
    ),
  ),
  several(
    inAnyOrder(
      'weekly report -> fridays 5pm instead of mondays, and the price monitor just once a day at 6',
      [
        { operation: 'scheduleAgent', target: 'Weekly Report', schedule: every('0 17 * * 5') },
        { operation: 'scheduleAgent', target: 'example.com Price Monitor', schedule: every('0 6 * * *') },
      ],
    ),
  ),
  several(
    plan('delete reporter, data collector and job collector', repeat('deleteAgent', 3), {
      sameTargets: ['Reporter', 'Data Collector', 'Job Collector'],
    }),
  ),
  several(
    either(
      built(
        'make an agent for the ECB rates at https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml, run it weekdays at 4:30pm, and chain the reporting agent after it',
        ['createAgent', 'scheduleAgent', 'chainAgents'],
        { schedule: every('30 16 * * 1-5'), chained: { to: 'Reporting Agent' } },
      ),
      built(
        'make an agent for the ECB rates at https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml, run it weekdays at 4:30pm, and chain the reporting agent after it',
        ['createAgent', 'chainAgents', 'scheduleAgent'],
        { schedule: every('30 16 * * 1-5'), chained: { to: 'Reporting Agent' } },
      ),
    ),
  ),
  several(
    plan('pause both reports', repeat('pauseAgent', 2), { sameTargets: ['Weekly Report', 'Monthly Report'] }),
  ),
  several(
    plan('run the weekly and monthly reports right now', repeat('runAgent', 2), {
      sameTargets: ['Weekly Report', 'Monthly Report'],
    }),
  ),
  several(
    either(
      plan(
        'connect our jira at https://mycompany.atlassian.net with the login anna.k@mycompany.com, and pause the reporter meanwhile',
        ['connectAccount', 'pauseAgent'],
        { agent: 'Reporter', account: { kind: 'login', allowedHosts: ['mycompany.atlassian.net'] } },
      ),
      plan(
        'connect our jira at https://mycompany.atlassian.net with the login anna.k@mycompany.com, and pause the reporter meanwhile',
        ['pauseAgent', 'connectAccount'],
        { agent: 'Reporter', account: { kind: 'login', allowedHosts: ['mycompany.atlassian.net'] } },
      ),
    ),
  ),
  several(
    either(
      plan(
        'Rename Reporting Agent (old) to "CRM Deals (legacy)" and pause it.',
        ['updateAgent', 'pauseAgent'],
        {
          agent: 'Reporting Agent (old)',
          spec: { contains: ['CRM Deals (legacy)'] },
        },
      ),
      plan(
        'Rename Reporting Agent (old) to "CRM Deals (legacy)" and pause it.',
        ['pauseAgent', 'updateAgent'],
        {
          agent: 'Reporting Agent (old)',
          spec: { contains: ['CRM Deals (legacy)'] },
        },
      ),
    ),
  ),
  several(
    built('watch https://www.bahn.de/service/ueber-uns and https://www.sbb.ch/en/news.html for changes', [
      'createAgent',
      'createAgent',
    ]),
  ),
  several(
    inAnyOrder('take the weekly report off its schedule and run it by hand now', [
      { operation: 'unscheduleAgent', target: 'Weekly Report' },
      { operation: 'runAgent', target: 'Weekly Report' },
    ]),
  ),
  several(
    built(
      'copy the price monitor for https://example.com/pricing/enterprise and run the copy every hour',
      ['createAgent', 'scheduleAgent'],
      { schedule: every('0 * * * *'), spec: { contains: ['example.com/pricing/enterprise'] } },
    ),
  ),
  several(
    plan('pause everything except the price monitor', repeat('pauseAgent', 7), {
      sameTargets: activeAgents.filter((name) => name !== 'example.com Price Monitor'),
    }),
  ),
  several(
    plan('reconnect the crm and then rerun the old reporting agent', ['connectAccount', 'runAgent'], {
      targets: ['crm', 'Reporting Agent (old)'],
      account: { service: 'crm', kind: 'oauth2' },
    }),
  ),
  several(
    inAnyOrder('chain the reporter after the weekly report and after the monthly report too', [
      { operation: 'chainAgents', target: 'Weekly Report -> Reporter' },
      { operation: 'chainAgents', target: 'Monthly Report -> Reporter' },
    ]),
  ),
  several(
    inAnyOrder("remove the price monitor's schedule and delete the monthly report", [
      { operation: 'unscheduleAgent', target: 'example.com Price Monitor' },
      { operation: 'deleteAgent', target: 'Monthly Report' },
    ]),
  ),
  several(
    either(
      plan(
        'create an agent that lists the open roles on https://careers.example.net (name, location, link), run it once now, and every friday at 8 send me the list',
        ['createAgent', 'runAgent', 'scheduleAgent'],
        { schedule: every('0 8 * * 5'), spec: { contains: ['careers.example.net'] } },
      ),
      plan(
        'create an agent that lists the open roles on https://careers.example.net (name, location, link), run it once now, and every friday at 8 send me the list',
        ['createAgent', 'scheduleAgent', 'runAgent'],
        { schedule: every('0 8 * * 5'), spec: { contains: ['careers.example.net'] } },
      ),
    ),
  ),
  several(
    inAnyOrder('run the data collector at 2pm today and the reporter at 3', [
      { operation: 'scheduleAgent', target: 'Data Collector', schedule: once('2026-11-24T13:00:00.000Z') },
      { operation: 'scheduleAgent', target: 'Reporter', schedule: once('2026-11-24T14:00:00.000Z') },
    ]),
  ),
  several(
    inAnyOrder(
      'pause lead scraper over the holidays, and make the weekly report go out on tuesdays instead',
      [
        { operation: 'pauseAgent', target: 'Lead Scraper' },
        { operation: 'scheduleAgent', target: 'Weekly Report', schedule: every('0 8 * * 2') },
      ],
    ),
  ),
  several(
    either(
      plan(
        'hey! couple things: 1) rename data collector to Sheets Sync 2) connect the sheets account with oauth 3) test it',
        ['updateAgent', 'connectAccount', 'runAgent'],
        { account: { service: 'sheets', kind: 'oauth2' }, spec: { contains: ['Sheets Sync'] } },
      ),
      plan(
        'hey! couple things: 1) rename data collector to Sheets Sync 2) connect the sheets account with oauth 3) test it',
        ['connectAccount', 'updateAgent', 'runAgent'],
        { account: { service: 'sheets', kind: 'oauth2' }, spec: { contains: ['Sheets Sync'] } },
      ),
      {
        text: 'hey! couple things: 1) rename data collector to Sheets Sync 2) connect the sheets account with oauth 3) test it',
        question: 'client',
      },
    ),
  ),
  several(
    inAnyOrder('delete the old reporting agent and make the new one also run after the monthly report', [
      { operation: 'deleteAgent', target: 'Reporting Agent (old)' },
      { operation: 'chainAgents', target: 'Monthly Report -> Reporting Agent' },
    ]),
  ),
  several(
    inAnyOrder('cut the link between lead scraper and reporting agent, and pause the reporting agent', [
      { operation: 'unchainAgents', target: 'Lead Scraper -> Reporting Agent' },
      { operation: 'pauseAgent', target: 'Reporting Agent' },
    ]),
  ),
  several(
    plan(
      'update the price monitor to email ops@mycompany.com and give it a test run',
      ['updateAgent', 'runAgent'],
      {
        agent: 'example.com Price Monitor',
        spec: { contains: ['ops@mycompany.com'] },
      },
    ),
  ),
];

/** A reply that gives any of these figures as a whole number, with or without a separator. */
const figures = (...numbers: number[]): RegExp =>
  new RegExp(
    numbers
      .map((number) => {
        const thousands = Math.floor(number / 1000);
        const rest = String(number % 1000).padStart(3, '0');
        const short = `${thousands}\\.${rest.replace(/0+$/, '')}\\s?k`;
        return `\\b${thousands}[,. '\u202f]?${rest}\\b|\\b${short}\\b`;
      })
      .join('|'),
    'i',
  );

const questionRequests: OutOfSampleEntry[] = [
  asked(
    'what ran today',
    naming('Lead Scraper', 'Price Monitor', 'Monthly Report', 'Reporting Agent', 'Data Collector'),
  ),
  asked('did lead scraper run this morning?', /\b(yes|succeeded|successful(ly)?|success)\b/i),
  asked('whats on a schedule rn', naming('Weekly Report', 'Price Monitor')),
  asked(
    'is anything broken?',
    naming('Weekly Report', 'Monthly Report', 'Reporting Agent (old)', 'Data Collector', 'Reporter'),
    { planAllowed: true },
  ),
  asked('why did the monthly report fail this morning', /404|not found/i, { planAllowed: true }),
  asked('how many tokens has the weekly report used this month?', figures(36100, 47100)),
  asked(
    "what's the job collector's success rate",
    /60\s?%|\b3 (of|out of) 5\b|three (of|out of) (the )?five/i,
  ),
  asked('what does the reporter actually do', /portal\.example\.com|supplier[- ]portal/i),
  asked('anything chained together?', naming('Lead Scraper', 'Reporting Agent')),
  asked('which accounts have we connected', naming('supplier-portal', 'crm')),
  asked("when's the price monitor going to run next?", /\b0?6:00\b|\b6\s?(am|a\.m\.)|\b6 o.?clock|\bsix\b/i),
  asked('which agent burned the most tokens this week', firstNamed('Reporting Agent')),
  asked(
    'how long did the weekly report take the last time it worked',
    /\b95\s?(s|sec|secs|seconds)\b|\b1\s?(m|min|minute)\s?(and )?35\s?(s|sec|secs|seconds)\b|\b1:35\b/i,
  ),
  asked('how many runs did we have this week in total', /\b(11|17|eleven|seventeen)\b/i),
  asked("why's the reporter failing?", /password/i, { planAllowed: true }),
  asked('data collector keeps failing, whats up with it', /sheets/i, { planAllowed: true }),
  asked('is job collector running or paused', /paused/i),
  asked('is the crm connection ok?', /fail|expired|refused|not working|connect it again|reconnect|broken/i, {
    planAllowed: true,
  }),
  asked(
    "which agents don't have a schedule",
    naming(
      'Lead Scraper',
      'Monthly Report',
      'Job Collector',
      'Reporting Agent',
      'Data Collector',
      'Reporter',
    ),
  ),
  asked('what starts the old reporting agent?', /webhook|\bhook\b|deal closed/i),
  asked('how much run time did the lead scraper rack up this week', /\b(22|36)\s?(s|sec|secs|seconds)\b/i),
  asked(
    'how often does the price monitor fail?',
    /once|\b(1|one) (of|out of|in) (the last )?(5|6|five|six)\b|\b1[67](\.\d+)?\s?%|\b20\s?%|503/i,
  ),
  asked("what was the weekly report's last error", /ECONNRESET|network|reset/i, { planAllowed: true }),
  asked('how many times did the monitor run yesterday', /\b(2|two|twice)\b/i),
  asked(
    'what agents do i have',
    naming(
      'Lead Scraper',
      'Price Monitor',
      'Weekly Report',
      'Monthly Report',
      'Job Collector',
      'Reporting Agent (old)',
      'Data Collector',
      'Reporter',
    ),
  ),
  asked(
    'last time job collector ran?',
    /\bNov(ember)?\.?\s?10\b|\b10(th)?\.?\s?(of\s)?Nov|\b11-10\b|\b10\.11\b|\b10\/11\b|\b11\/10\b/i,
  ),
  asked('total tokens today across all agents?', figures(4500)),
  asked('whats my most expensive agent overall', firstNamed('Weekly Report')),
];

export const seventhOutOfSampleRequests: OutOfSampleEntry[] = [
  ...oneLineRequests,
  ...multiIntentRequests,
  ...questionRequests,
];

const redditUrl = 'https://www.reddit.com/r/typescript/new.json';
const everyTwoHours = ['0 0-23/2 * * *', '0 0,2,4,6,8,10,12,14,16,18,20,22 * * *'];

export const seventhOutOfSampleConversations: OutOfSampleConversation[] = [
  {
    name: 'a feed agent, then its rhythm, then an e-mail added before approval',
    turns: [
      built(
        `make an agent that checks ${redditUrl} for new posts`,
        ['createAgent'],
        {
          spec: { contains: ['reddit.com/r/typescript/new.json'] },
        },
        ['notify'],
      ),
      crons(
        built(
          'actually every 2 hours',
          ['createAgent', 'scheduleAgent'],
          { schedule: every('0 */2 * * *'), spec: { contains: ['reddit.com/r/typescript/new.json'] } },
          ['notify'],
        ),
        ...everyTwoHours,
      ),
      crons(
        built('and email me the new ones', ['createAgent', 'scheduleAgent'], {
          schedule: every('0 */2 * * *'),
          spec: { contains: ['reddit.com/r/typescript/new.json'] },
        }),
        ...everyTwoHours,
      ),
    ],
  },
  {
    name: 'a failed run asked about, explained, then fixed with a new address',
    turns: [
      { text: 'did the monthly report run today?', reply: /fail|404|not found/i, planAllowed: true },
      { text: 'why did it fail?', reply: /404|not found/i, planAllowed: true },
      plan(
        'the page moved to https://example.com/about/team, fix it and try again',
        ['updateAgent', 'runAgent'],
        {
          agent: 'Monthly Report',
          spec: { contains: ['example.com/about/team'] },
        },
      ),
    ],
  },
  {
    name: 'a schedule changed twice before approval',
    turns: [
      crons(
        plan('schedule the lead scraper every weekday at 7', ['scheduleAgent'], {
          agent: 'Lead Scraper',
          schedule: every('0 7 * * 1-5'),
        }),
        '0 7 * * MON-FRI',
      ),
      crons(
        plan('actually make it 7:30', ['scheduleAgent'], {
          agent: 'Lead Scraper',
          schedule: every('30 7 * * 1-5'),
        }),
        '30 7 * * MON-FRI',
      ),
      crons(
        plan('saturdays too', ['scheduleAgent'], { agent: 'Lead Scraper', schedule: every('30 7 * * 1-6') }),
        '30 7 * * MON-SAT',
      ),
    ],
  },
  {
    name: 'a monitor without an address, the address, then how to tell',
    turns: [
      { text: 'i want an agent that watches a product page for price drops', question: 'url' },
      built(
        'https://www.bikeshop.example/products/gravel-x',
        ['createAgent'],
        {
          spec: { contains: ['bikeshop.example/products/gravel-x'] },
        },
        ['notify'],
      ),
      built('just email me', ['createAgent'], { spec: { contains: ['bikeshop.example/products/gravel-x'] } }),
    ],
  },
  {
    name: 'a portal login without details, the details, then a pause added',
    turns: [
      either(
        { text: 'connect our billing portal', question: 'url' },
        { text: 'connect our billing portal', question: 'host' },
        { text: 'connect our billing portal', question: 'username' },
        { text: 'connect our billing portal', question: 'kind' },
        { text: 'connect our billing portal', question: 'service' },
      ),
      plan("it's https://billing.acme.example, I sign in as ap@mycompany.com", ['connectAccount'], {
        account: { kind: 'login', allowedHosts: ['billing.acme.example'] },
      }),
      either(
        plan("and also pause the reporter while we're at it", ['connectAccount', 'pauseAgent'], {
          agent: 'Reporter',
          account: { kind: 'login', allowedHosts: ['billing.acme.example'] },
        }),
        plan("and also pause the reporter while we're at it", ['pauseAgent', 'connectAccount'], {
          agent: 'Reporter',
          account: { kind: 'login', allowedHosts: ['billing.acme.example'] },
        }),
      ),
    ],
  },
  {
    name: 'the paused agent found, resumed, then given a schedule',
    turns: [
      { text: 'anything paused at the moment?', reply: /Job Collector/ },
      plan('turn it back on', ['resumeAgent'], { agent: 'Job Collector' }),
      inAnyOrder('and have it run every day at noon', [
        { operation: 'resumeAgent', target: 'Job Collector' },
        { operation: 'scheduleAgent', target: 'Job Collector', schedule: every('0 12 * * *') },
      ]),
    ],
  },
  {
    name: 'token figures for one agent, another, then a run of the last',
    turns: [
      { text: 'how many tokens did the reporting agent use this week?', reply: figures(5800) },
      { text: 'and the lead scraper?', reply: figures(2900, 4400) },
      plan('ok run it now', ['runAgent'], { agent: 'Lead Scraper' }),
    ],
  },
  {
    name: 'a chain from an unclear collector, the answer, then on failure only',
    turns: [
      { text: 'chain the reporter after the collector', question: 'agent' },
      plan('the data one', ['chainAgents'], {
        targets: ['Data Collector -> Reporter'],
        chained: { from: 'Data Collector', to: 'Reporter' },
      }),
      plan('only when it fails actually', ['chainAgents'], {
        targets: ['Data Collector -> Reporter'],
        chained: { from: 'Data Collector', to: 'Reporter', on: 'failure' },
      }),
    ],
  },
  {
    name: 'a rhythm cron cannot say, a plain weekly one, then another agent scheduled too',
    turns: [
      either(
        { text: 'run the weekly report every other monday', question: 'schedule' },
        { text: 'run the weekly report every other monday', reply: cannotSay },
      ),
      crons(
        plan('fine, every monday at 9 then', ['scheduleAgent'], {
          agent: 'Weekly Report',
          schedule: every('0 9 * * 1'),
        }),
        '0 9 * * MON',
      ),
      inAnyOrder('and the monthly one on the 1st at 9', [
        { operation: 'scheduleAgent', target: 'Weekly Report', schedule: every('0 9 * * 1') },
        { operation: 'scheduleAgent', target: 'Monthly Report', schedule: every('0 9 1 * *') },
      ]),
    ],
  },
  {
    name: 'a delete turned into a pause, then a question about the agent',
    turns: [
      plan('delete the old reporting agent', ['deleteAgent'], { agent: 'Reporting Agent (old)' }),
      plan('wait no, just pause it', ['pauseAgent'], { agent: 'Reporting Agent (old)' }),
      { text: 'what triggers it anyway?', reply: /webhook|\bhook\b|deal closed/i },
    ],
  },
];
