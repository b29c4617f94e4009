// The eighth out-of-sample corpus: 99 requests and 10 conversations of 3 turns WRITTEN BLIND on
// 2026-12-08, while set 7's failures were guiding fixes (so set 7 no longer measures). The writer
// read only PRODUCT.md (the Orchestrator), src/domain/plan.ts, the fixture workspace
// (fixture-workspace.ts and fixture-runs.ts: agents, steps, schedules, chain, connections, hook,
// runs and their errors), the judges (out-of-sample-judge.ts, corpus-judge.ts, and `resolveCron`
// in src/triggers/schedule-times.ts, which the judge compares crons with), the shared helpers,
// the conversation harness (plans are never applied between turns: later turns see the plan
// waiting for approval), the top of planner-corpus.ts (the CorpusCase interface, the fixture's
// agents, schedules and chain, and corpusNow: Tuesday 24 November 2026, 11:00 in Berlin), the
// names of the runtime tools (ls src/runtime/tools), the bench's scoring file and the first 60
// lines of set 7 (its header and imports); never a case of another corpus, a unit test of the
// planner, bench output, or anything under src/orchestrator/ or its history. The planner was never
// run on these cases while writing them. The messages were written first as plain text, in the
// voices of many different users (terse, chatty, lower case, typos, British and American spelling,
// run-on sentences, polite padding, "pls"): 44 one-line requests, 27 messages of several asks, 28
// questions about the workspace (runs, failures, schedules, tokens, success rates, what an agent
// does, chains, accounts), and conversations with "it / that one" after an answer, plans changed
// before approval ("actually make it 7:30", "and email it to me too", "not on fridays"), answers
// to the reply's question and "try it again with <url>". They cover pause / resume / run / delete /
// rename / duplicate / split, schedules in words, one-off times ("in 2 hours", "this thursday at
// 3pm", "tomorrow morning at 8", "tonight at 11"), several times a day, ranges ("every quarter of
// an hour between 8am and 6pm, mon to fri"), rhythms cron cannot say, conditions, chains added and
// removed, digests, accounts by API key, login and OAuth, new agents from pages, JSON APIs, feeds
// and status pages, and names that fit two agents. Then they were put in the judge's shape.
// The expectations say what a sensible product should do, not what the planner does; where
// several outcomes are sensible (a clarifying question, a test run after a new agent, whether
// right after it or at the plan's end, any order of independent changes, a cron written in
// another equivalent form, "from 8 to 6" read as ending at 17:45 or at 18:45) `built`,
// `inAnyOrder`, `crons`, `either` and `or` accept them. A name that fits two agents ("the report",
// "the collector") expects a question, unless only one of them makes sense for the ask (only the
// paused collector can be switched back on). A rhythm cron cannot say ("fortnightly", "every other
// tuesday") expects a question or an explanation. A change to a plan waiting for approval expects
// the whole plan again, with the change. One-off times are the Berlin times the user meant, in
// UTC as plans give them (ISO 8601 with milliseconds; Berlin is UTC+1 until March). Figures asked
// for "this week" or "this month" accept both readings (the calendar week or month, or the last 7
// or 30 days) where they differ. Costs are the runs' tokens, the only cost the fixture records.
//
// Before it was wired into the bench, a throwaway check (outside the repository, without running
// the planner) confirmed every agent name, chain and target is the fixture's, every cron is one
// `resolveCron` and the schedule parser take, every one-off time is after corpusNow, and each
// question's pattern matches a right reply written by hand.
//
// A measurement, not a regression test: `npm run bench:orchestrator` prints its score as
// "Out-of-sample (eighth set)". No unit test reads its cases, and the planner must not be tuned
// on it: fix the kind of request a failure shows, then write a ninth blind set to measure again.
import {
  asked,
  built,
  crons,
  either,
  every,
  firstNamed,
  inAnyOrder,
  type OutOfSampleConversation,
  type OutOfSampleEntry,
  once,
  oneLine,
  type Part,
  plan,
  repeat,
  several,
} from './out-of-sample-helpers.ts';
import type { OutOfSampleCase } from './out-of-sample-judge.ts';

export const eighthOutOfSampleDate = '2026-12-08';

const priceMonitor = 'example.com Price Monitor';
/** The e-mail address of the user the corpus plans for: "email me". */
const me = 'ada@example.com';

/** The fixture's active agents: what "all my agents" pauses. */
const activeAgents = [
  'Lead Scraper',
  priceMonitor,
  'Weekly Report',
  'Monthly Report',
  'Reporting Agent (old)',
  'Reporting Agent',
  'Data Collector',
  'Reporter',
];

/** A reply that says why a rhythm such as "every other tuesday" cannot be a cron, or what it can do. */
const rhythmExplained =
  /(?=[\s\S]*(cron|can ?not|can'?t|unable|isn'?t possible|not possible|only (weekly|every week)))(?=[\s\S]*(every (other|second)|fortnight|two weeks|2 weeks|bi-?weekly|alternate))/i;

/** A question about the schedule, or an explanation of what cron can say, and no plan. */
const rhythm = (text: string): OutOfSampleCase =>
  either({ text, question: 'schedule' }, { text, reply: rhythmExplained });

/** The same outcome with its schedule written as any of these crons (for several schedules). */
function anyCron(make: (cron: string) => OutOfSampleCase, ...alternatives: string[]): OutOfSampleCase {
  const [first, ...others] = alternatives.map(make);
  return either(first as OutOfSampleCase, ...others);
}

const parts = (...entries: [Part['operation'], string, Part['schedule']?][]): Part[] =>
  entries.map(([operation, target, schedule]) => ({ operation, target, ...(schedule ? { schedule } : {}) }));

const oneLineRequests: OutOfSampleEntry[] = [
  oneLine(plan('pause lead scraper for now pls', ['pauseAgent'], { agent: 'Lead Scraper' })),
  oneLine(
    plan('Hi! Could you switch the collector back on please? Thank you', ['resumeAgent'], {
      agent: 'Job Collector',
    }),
  ),
  oneLine(plan('run price monitor now', ['runAgent'], { agent: priceMonitor })),
  oneLine(
    plan("get rid of the old reporting agent, nobody's used it in ages", ['deleteAgent'], {
      agent: 'Reporting Agent (old)',
    }),
  ),
  oneLine(
    plan('rename Lead Scraper to Prospect Finder', ['updateAgent'], {
      agent: 'Lead Scraper',
      spec: { contains: ['Prospect Finder'] },
    }),
  ),
  oneLine(
    built(
      'can u make a copy of the weekly report so i can mess around with it without breaking the real one',
      ['createAgent'],
      { spec: { contains: ['https://example.com/team'] } },
      ['name'],
    ),
  ),
  oneLine(
    either(
      {
        text: 'the lead scraper does too much imo, split it into one agent that downloads the page and another that pulls the leads out of it',
        question: 'part',
      },
      built(
        'the lead scraper does too much imo, split it into one agent that downloads the page and another that pulls the leads out of it',
        ['updateAgent', 'createAgent', 'chainAgents'],
      ),
      built(
        'the lead scraper does too much imo, split it into one agent that downloads the page and another that pulls the leads out of it',
        ['createAgent', 'updateAgent', 'chainAgents'],
      ),
      built(
        'the lead scraper does too much imo, split it into one agent that downloads the page and another that pulls the leads out of it',
        ['createAgent', 'chainAgents', 'updateAgent'],
      ),
    ),
  ),
  oneLine(
    plan('Schedule the Monthly Report for the 1st of every month at 7am.', ['scheduleAgent'], {
      agent: 'Monthly Report',
      schedule: every('0 7 1 * *'),
    }),
  ),
  oneLine(
    crons(
      plan('have the lead scraper go every weekday morning at half 8', ['scheduleAgent'], {
        agent: 'Lead Scraper',
        schedule: every('30 8 * * 1-5'),
      }),
      '30 8 * * MON-FRI',
    ),
  ),
  oneLine(
    crons(
      plan('data collector - every quarter of an hour between 8am and 6pm, mon to fri', ['scheduleAgent'], {
        agent: 'Data Collector',
        schedule: every('*/15 8-17 * * 1-5'),
      }),
      '*/15 8-18 * * 1-5',
      '0,15,30,45 8-17 * * 1-5',
      '0,15,30,45 8-18 * * 1-5',
      '*/15 8-17 * * MON-FRI',
      '*/15 8-18 * * MON-FRI',
    ),
  ),
  oneLine(
    crons(
      plan('Reporter should run at 9, 1 and 5 on weekdays', ['scheduleAgent'], {
        agent: 'Reporter',
        schedule: every('0 9,13,17 * * 1-5'),
      }),
      '0 9,13,17 * * MON-FRI',
    ),
  ),
  oneLine(rhythm('can the price monitor check every other tuesday instead of twice a day')),
  oneLine(rhythm('make the weekly report fortnightly pls')),
  oneLine(
    plan('run the monthly report in 2 hours', ['scheduleAgent'], {
      agent: 'Monthly Report',
      schedule: once('2026-11-24T12:00:00.000Z'),
    }),
  ),
  oneLine(
    plan('kick off the lead scraper this thursday at 3pm', ['scheduleAgent'], {
      agent: 'Lead Scraper',
      schedule: once('2026-11-26T14:00:00.000Z'),
    }),
  ),
  oneLine(
    plan('weekly report tomorrow morning at 8 please, just the once', ['scheduleAgent'], {
      agent: 'Weekly Report',
      schedule: once('2026-11-25T07:00:00.000Z'),
    }),
  ),
  oneLine(
    plan("I'll run the price monitor by hand from now on, take it off the schedule", ['unscheduleAgent'], {
      agent: priceMonitor,
    }),
  ),
  oneLine(
    plan(
      'for the price monitor: only email me if the price actually changes, not every single time it checks',
      ['updateAgent'],
      { agent: priceMonitor, spec: { contains: [me] } },
    ),
  ),
  oneLine(
    plan('when the lead scraper is done have it trigger the weekly report', ['chainAgents'], {
      targets: ['Lead Scraper -> Weekly Report'],
      chained: { from: 'Lead Scraper', to: 'Weekly Report', on: 'success' },
    }),
  ),
  oneLine(
    plan("unhook the reporting agent from the lead scraper, I'll start it myself", ['unchainAgents'], {
      targets: ['Lead Scraper -> Reporting Agent'],
    }),
  ),
  oneLine(
    plan('whenever the data collector fails, run the reporting agent', ['chainAgents'], {
      targets: ['Data Collector -> Reporting Agent'],
      chained: { from: 'Data Collector', to: 'Reporting Agent', on: 'failure' },
    }),
  ),
  oneLine(
    built(
      'set up a daily digest at 6pm that sums up what all my agents did that day and emails it to me',
      ['createAgent', 'scheduleAgent'],
      { schedule: every('0 18 * * *'), spec: { contains: [me] } },
    ),
  ),
  oneLine(
    crons(
      built(
        'Id like a summary every monday 9am of whatever the job collector found the week before, sent to team@acme.io',
        ['createAgent', 'scheduleAgent'],
        { schedule: every('0 9 * * 1'), spec: { contains: ['team@acme.io'] } },
      ),
      '0 9 * * MON',
    ),
  ),
  oneLine(
    either(
      plan("connect our Stripe account, I've got an API key", ['connectAccount'], {
        account: { service: 'stripe', kind: 'api_key' },
      }),
      { text: "connect our Stripe account, I've got an API key", question: 'host' },
    ),
  ),
  oneLine(
    either(
      plan(
        'add a login for https://partners.northwind.com, username is buying@ourco.de',
        ['connectAccount'],
        {
          account: { kind: 'login', allowedHosts: ['partners.northwind.com'] },
        },
      ),
      {
        text: 'add a login for https://partners.northwind.com, username is buying@ourco.de',
        question: 'service',
      },
    ),
  ),
  oneLine(
    plan(
      'data collector keeps saying theres no sheets account. can you set one up? its oauth',
      ['connectAccount'],
      { account: { service: 'sheets', kind: 'oauth2', allowedHosts: ['sheets.example.com'] } },
    ),
  ),
  oneLine(
    plan('the CRM connection expired again, reconnect it please', ['connectAccount'], {
      account: { service: 'crm', kind: 'oauth2', allowedHosts: ['crm.example.com'] },
    }),
  ),
  oneLine(
    built(
      'monitor https://status.vendorcloud.io and let me know the second it goes down',
      ['createAgent'],
      { spec: { contains: ['https://status.vendorcloud.io'] } },
      ['notify', 'schedule'],
    ),
  ),
  oneLine(
    built(
      'new agent: pull https://api.openbrewery.example/v1/breweries?per_page=50 (json) every morning at 6 and keep the results',
      ['createAgent', 'scheduleAgent'],
      { schedule: every('0 6 * * *'), spec: { contains: ['https://api.openbrewery.example/v1/breweries'] } },
      ['records'],
    ),
  ),
  oneLine(
    built(
      'can you watch this feed https://news.example.org/rss.xml and send me anything that mentions tariffs',
      ['createAgent'],
      { spec: { contains: ['https://news.example.org/rss.xml', 'tariffs'] } },
      ['notify', 'schedule'],
    ),
  ),
  oneLine(
    built(
      'scrape product names + prices off https://shop.example.net/sale, every product is a .card',
      ['createAgent'],
      { spec: { contains: ['https://shop.example.net/sale', '.card'] } },
      ['records', 'selector'],
    ),
  ),
  oneLine({ text: 'watch a page for me', question: 'url' }),
  oneLine({ text: 'run the report', question: 'agent' }),
  oneLine(
    either(plan('pause the collector', ['pauseAgent'], { agent: 'Data Collector' }), {
      text: 'pause the collector',
      question: 'agent',
    }),
  ),
  oneLine(
    either(plan('delete the reporting agent', ['deleteAgent'], { agent: 'Reporting Agent' }), {
      text: 'delete the reporting agent',
      question: 'agent',
    }),
  ),
  oneLine(
    either(
      plan('job collector selector is wrong, the listings are .job-card now', ['updateAgent'], {
        agent: 'Job Collector',
        spec: { contains: ['.job-card'], lacks: ['".lead"'] },
      }),
      plan('job collector selector is wrong, the listings are .job-card now', ['updateAgent', 'runAgent'], {
        agent: 'Job Collector',
        spec: { contains: ['.job-card'], lacks: ['".lead"'] },
      }),
    ),
  ),
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
    crons(
      plan('price monitor should check hourly during office hours, 9-5 mon-fri', ['scheduleAgent'], {
        agent: priceMonitor,
        schedule: every('0 9-17 * * 1-5'),
      }),
      '0 9-16 * * 1-5',
      '0 9-17 * * MON-FRI',
      '0 9-16 * * MON-FRI',
    ),
  ),
  oneLine(
    plan('run the data collector on 15 december at 10', ['scheduleAgent'], {
      agent: 'Data Collector',
      schedule: once('2026-12-15T09:00:00.000Z'),
    }),
  ),
  oneLine(
    either(
      plan("pause all my agents, we're doing maintenance this afternoon", repeat('pauseAgent', 8), {
        sameTargets: activeAgents,
      }),
      plan("pause all my agents, we're doing maintenance this afternoon", repeat('pauseAgent', 9), {
        sameTargets: [...activeAgents, 'Job Collector'],
      }),
    ),
  ),
  oneLine(
    crons(
      plan('every sunday night at 11 run the data collector', ['scheduleAgent'], {
        agent: 'Data Collector',
        schedule: every('0 23 * * 0'),
      }),
      '0 23 * * 7',
      '0 23 * * SUN',
    ),
  ),
  oneLine(
    plan("rename 'Reporting Agent (old)' to CRM Deals (legacy)", ['updateAgent'], {
      agent: 'Reporting Agent (old)',
      spec: { contains: ['CRM Deals (legacy)'] },
    }),
  ),
  oneLine(
    crons(
      plan('lead scraper weekdays 8:45', ['scheduleAgent'], {
        agent: 'Lead Scraper',
        schedule: every('45 8 * * 1-5'),
      }),
      '45 8 * * MON-FRI',
    ),
  ),
  oneLine(
    plan('can the reporter run tonight at 11? just this once', ['scheduleAgent'], {
      agent: 'Reporter',
      schedule: once('2026-11-24T22:00:00.000Z'),
    }),
  ),
];

const githubAsk =
  'Connect our GitHub with a personal access token and then make an agent that checks https://api.github.com/repos/acme/widgets/issues every hour for new issues';
const githubChecks = {
  account: { service: 'github', kind: 'api_key' as const },
  schedule: every('0 * * * *'),
  spec: { contains: ['https://api.github.com/repos/acme/widgets/issues'] },
};

const jobsAsk =
  'make a scraper for https://jobs.example.com/remote (each job is a .job-row), run it every weekday at 7, and chain the weekly report after it';
const jobsChecks = {
  schedule: every('0 7 * * 1-5'),
  chained: { to: 'Weekly Report' },
  spec: { contains: ['https://jobs.example.com/remote', '.job-row'] },
};

const watchersAsk =
  'add two watchers: one on https://example.com/careers for new roles and one on https://example.com/press for new press releases, both daily at 9';
const watchersChecks = {
  schedules: [every('0 9 * * *'), every('0 9 * * *')],
  spec: { contains: ['https://example.com/'] },
};

const resumeFixRun =
  'resume job collector, change its selector to .posting and run it once so i can see if it works';
const resumeFixRunChecks = { agent: 'Job Collector', spec: { contains: ['.posting'] } };

const everyTwoHours = "kill the price monitor's schedule and instead run it every 2 hours from 8 to 8";

const multiIntentRequests: OutOfSampleEntry[] = [
  several(
    inAnyOrder(
      'pause the lead scraper and the price monitor',
      parts(['pauseAgent', 'Lead Scraper'], ['pauseAgent', priceMonitor]),
    ),
  ),
  several(
    inAnyOrder(
      "delete the old reporting agent and rename the new one to just 'Reporting'",
      parts(['deleteAgent', 'Reporting Agent (old)'], ['updateAgent', 'Reporting Agent']),
      { spec: { contains: ['"Reporting"'] } },
    ),
  ),
  several(
    inAnyOrder(
      'run the monthly report now and then put it on the 1st of each month at 6am',
      parts(['runAgent', 'Monthly Report'], ['scheduleAgent', 'Monthly Report', every('0 6 1 * *')]),
    ),
  ),
  several(
    either(
      plan(resumeFixRun, ['resumeAgent', 'updateAgent', 'runAgent'], resumeFixRunChecks),
      plan(resumeFixRun, ['updateAgent', 'resumeAgent', 'runAgent'], resumeFixRunChecks),
      plan(resumeFixRun, ['updateAgent', 'runAgent', 'resumeAgent'], resumeFixRunChecks),
    ),
  ),
  several(
    inAnyOrder(
      'Can you unchain the reporting agent from the lead scraper and hook it up after the data collector instead?',
      parts(
        ['unchainAgents', 'Lead Scraper -> Reporting Agent'],
        ['chainAgents', 'Data Collector -> Reporting Agent'],
      ),
      { chained: { from: 'Data Collector', to: 'Reporting Agent' } },
    ),
  ),
  several(
    inAnyOrder(
      'weekly report mondays at 7 instead of 8, and the price monitor at 7 and 12 every day',
      parts(
        ['scheduleAgent', 'Weekly Report', every('0 7 * * 1')],
        ['scheduleAgent', priceMonitor, every('0 7,12 * * *')],
      ),
    ),
  ),
  several(
    crons(
      either(
        built(githubAsk, ['connectAccount', 'createAgent', 'scheduleAgent'], githubChecks),
        built(githubAsk, ['createAgent', 'scheduleAgent', 'connectAccount'], githubChecks),
      ),
      '0 */1 * * *',
    ),
  ),
  several(
    either(
      plan('reconnect the crm and then rerun the old reporting agent', ['connectAccount', 'runAgent'], {
        targets: ['crm', 'Reporting Agent (old)'],
        account: { service: 'crm', kind: 'oauth2' },
      }),
      plan('reconnect the crm and then rerun the old reporting agent', ['connectAccount'], {
        account: { service: 'crm', kind: 'oauth2' },
      }),
    ),
  ),
  several(
    plan('pause everything except the price monitor', repeat('pauseAgent', 7), {
      sameTargets: activeAgents.filter((name) => name !== priceMonitor),
    }),
  ),
  several(
    inAnyOrder(
      'run lead scraper, price monitor and reporter now pls',
      parts(['runAgent', 'Lead Scraper'], ['runAgent', priceMonitor], ['runAgent', 'Reporter']),
    ),
  ),
  several(
    crons(
      either(
        built(jobsAsk, ['createAgent', 'scheduleAgent', 'chainAgents'], jobsChecks, ['records']),
        built(jobsAsk, ['createAgent', 'chainAgents', 'scheduleAgent'], jobsChecks),
      ),
      '0 7 * * MON-FRI',
    ),
  ),
  several(
    inAnyOrder(
      'rename data collector to Sheet Sync and connect the sheets account (oauth)',
      parts(['updateAgent', 'Data Collector'], ['connectAccount', 'sheets']),
      { spec: { contains: ['Sheet Sync'] }, account: { service: 'sheets', kind: 'oauth2' } },
    ),
  ),
  several(
    inAnyOrder(
      'stop the lead scraper from triggering the reporting agent. also delete the reporter, it is useless',
      parts(['unchainAgents', 'Lead Scraper -> Reporting Agent'], ['deleteAgent', 'Reporter']),
    ),
  ),
  several(
    anyCron(
      (cron) =>
        inAnyOrder(
          'Please resume the job collector and have it run every 30 minutes on weekdays',
          parts(['resumeAgent', 'Job Collector'], ['scheduleAgent', 'Job Collector', every(cron)]),
        ),
      '*/30 * * * 1-5',
      '0,30 * * * 1-5',
      '*/30 * * * MON-FRI',
    ),
  ),
  several(
    either(
      plan(
        'duplicate the lead scraper, point the copy at https://example.com/partners and run the copy',
        ['createAgent', 'runAgent'],
        { spec: { contains: ['https://example.com/partners'] } },
      ),
      {
        text: 'duplicate the lead scraper, point the copy at https://example.com/partners and run the copy',
        question: 'name',
      },
    ),
  ),
  several(
    inAnyOrder(
      'run the data collector every day at noon and email me what it finds',
      parts(['scheduleAgent', 'Data Collector', every('0 12 * * *')], ['updateAgent', 'Data Collector']),
      { spec: { contains: [me] } },
    ),
  ),
  several(
    inAnyOrder(
      'pause the reporter until i sort out the password, and update the supplier portal login',
      parts(['pauseAgent', 'Reporter'], ['connectAccount', 'supplier-portal']),
      { account: { service: 'supplier-portal', kind: 'login' } },
    ),
  ),
  several(
    either(
      built(watchersAsk, ['createAgent', 'scheduleAgent', 'createAgent', 'scheduleAgent'], watchersChecks, [
        'notify',
      ]),
      built(watchersAsk, ['createAgent', 'createAgent', 'scheduleAgent', 'scheduleAgent'], watchersChecks),
    ),
  ),
  several(
    inAnyOrder(
      'chain the monthly report after the weekly report and unpause the job collector',
      parts(['chainAgents', 'Weekly Report -> Monthly Report'], ['resumeAgent', 'Job Collector']),
    ),
  ),
  several(
    anyCron(
      (cron) =>
        inAnyOrder(
          'run the weekly report now, and every friday at 5 from now on',
          parts(['runAgent', 'Weekly Report'], ['scheduleAgent', 'Weekly Report', every(cron)]),
        ),
      '0 17 * * 5',
      '0 17 * * FRI',
    ),
  ),
  several(
    crons(
      either(
        plan(everyTwoHours, ['scheduleAgent'], { agent: priceMonitor, schedule: every('0 8-20/2 * * *') }),
        plan(everyTwoHours, ['unscheduleAgent', 'scheduleAgent'], {
          agent: priceMonitor,
          schedule: every('0 8-20/2 * * *'),
        }),
      ),
      '0 8,10,12,14,16,18,20 * * *',
    ),
  ),
  several(
    inAnyOrder(
      'rename the lead scraper to Lead Finder, and the job collector to Job Finder',
      parts(['updateAgent', 'Lead Scraper'], ['updateAgent', 'Job Collector']),
      { spec: { contains: ['Finder'] } },
    ),
  ),
  several(
    inAnyOrder(
      'delete data collector. also reporter. and pause the monthly report',
      parts(['deleteAgent', 'Data Collector'], ['deleteAgent', 'Reporter'], ['pauseAgent', 'Monthly Report']),
    ),
  ),
  several(
    inAnyOrder(
      'set the lead scraper to run at 8 tomorrow and then every monday at 8 after that',
      parts(
        ['scheduleAgent', 'Lead Scraper', once('2026-11-25T07:00:00.000Z')],
        ['scheduleAgent', 'Lead Scraper', every('0 8 * * 1')],
      ),
    ),
  ),
  several(
    inAnyOrder(
      'test the reporter and the data collector, and tell me why the monthly report failed',
      parts(['runAgent', 'Reporter'], ['runAgent', 'Data Collector']),
      { reply: /404|not found/i },
    ),
  ),
  several({ text: 'pause the report and run the lead scraper', question: 'agent' }),
  several(
    either(
      { text: 'resume the job collector and run it fortnightly', question: 'schedule' },
      plan('resume the job collector and run it fortnightly', ['resumeAgent'], {
        agent: 'Job Collector',
        reply: rhythmExplained,
      }),
    ),
  ),
];

const questions: OutOfSampleEntry[] = [
  asked(
    'hey whats broken at the moment?',
    /(?=[\s\S]*Weekly Report)(?=[\s\S]*Monthly Report)(?=[\s\S]*Data Collector)(?=[\s\S]*Reporting Agent \(old\))(?=[\s\S]*\bReporter\b)/i,
  ),
  asked('why did the monthly report fail this morning?', /404|not found/i, { planAllowed: true }),
  asked(
    'how many tokens has the weekly report burned through this month',
    /\b(36[,.\s\u202f]?100|36\.1 ?k|47[,.\s\u202f]?100|47\.1 ?k)\b/i,
  ),
  asked('whats the success rate on the price monitor', /\b83(\.3)? ?%|\b5 (of|out of) 6\b|\b5\/6\b/i),
  asked(
    "when's the weekly report going to run next?",
    /(?=[\s\S]*(monday|\bmon\b|30 nov|nov(ember)? 30|2026-11-30|30\.11\.))(?=[\s\S]*(\b0?8:00|\b8 ?am\b|\bat 8\b))/i,
  ),
  asked('what does the data collector actually do?', /sheets\.example\.com/i),
  asked('what runs after the lead scraper finishes?', /Reporting Agent(?! \(old\))/),
  asked('Which of my agents is the most expensive to run?', firstNamed('Weekly Report')),
  asked('what accounts have we got connected', /(?=[\s\S]*supplier[- ]portal)(?=[\s\S]*\bcrm\b)/i),
  asked('when did the data collector last run', /\b0?8[:.]15\b/),
  asked('anything scheduled tomorrow?', /Price Monitor/i),
  asked(
    'roughly how long does a weekly report run usually take',
    /\b([7-9][0-9]) ?(s|sec|secs|seconds)\b|\b1(\.[0-9]+)? ?min|\ba minute|\b1m ?[0-9]+ ?s|\b1:[0-9]{2}\b/i,
  ),
  asked('why does the reporter keep failing', /password/i, { planAllowed: true }),
  asked(
    "what's up with the old reporting agent",
    /(?=[\s\S]*\bcrm\b)(?=[\s\S]*(expired|access token|connect it again|reconnect|refused))/i,
    { planAllowed: true },
  ),
  asked('how many runs did we have yesterday in total?', /\b(5|five)\b(?! days)/i),
  asked(
    'when was the last time the job collector actually worked',
    /\b(9(th)? nov|nov(ember)?\.? 9(th)?\b|2026-11-09|0?9\.11\.|11\/0?9\b)/i,
  ),
  asked('is anything paused right now?', /Job Collector/i),
  asked("what kicks off the old reporting agent? it's not on a schedule is it", /webhook|crm deal closed/i),
  asked('total token usage this week?', /\b(9[,.\s\u202f]?500|9\.5 ?k|11[,.\s\u202f]?000|11 ?k)\b/i),
  asked('which agents log in to the supplier portal', /\bReporter\b/),
  asked(
    'what times does the price monitor check at',
    /(?=[\s\S]*\b0?6(:00|\s?am))(?=[\s\S]*\b10(:00|\s?am))|\b0?6(:00)?( ?am)? (and|&) 10\b/i,
  ),
  asked('what went wrong with the lead scraper on friday', /time(d)? ?out|took longer|30 ?s/i, {
    planAllowed: true,
  }),
  asked('does anything run at the weekend?', /Price Monitor/i),
  asked(
    'how many failed runs have there been over the past seven days?',
    /(?<!(past|last) )\b(7|seven)\b(?! days)/i,
  ),
  asked('success rate for job collector?', /\b60 ?%|\b3 (of|out of) 5\b|\b3\/5\b/i),
  asked('what did the monthly report cost us in november', /\b(25[,.\s\u202f]?000|25 ?k)\b/i),
  asked('last lead scraper run, how long did it take', /\b12 ?(s|sec|secs|seconds)\b/i),
  asked('is the crm connection working?', /\b(no|not|failing|expired|broken|refused)\b/i),
];

export const eighthOutOfSampleRequests: OutOfSampleEntry[] = [
  ...oneLineRequests,
  ...multiIntentRequests,
  ...questions,
];

const rivalChecks = {
  schedule: every('0 8 * * *'),
  spec: { contains: ['https://rival.example.com/pricing', me] },
};
const stockUrl = 'https://api.example.com/v2/stock?sku=all';
const monthlyFixUrl = 'https://example.com/about/team';
const monthlyFixChecks = {
  agent: 'Monthly Report',
  schedule: every('0 9 1 * *'),
  spec: { contains: [monthlyFixUrl] },
};
const monthlyThen = 'cool, once that works run it on the 1st of each month at 9';

export const eighthOutOfSampleConversations: OutOfSampleConversation[] = [
  {
    name: 'the latest failure, then it',
    turns: [
      { text: 'which agent failed most recently?', reply: firstNamed('Data Collector') },
      plan('pause it', ['pauseAgent'], { agent: 'Data Collector' }),
      plan('hmm actually no, just delete it', ['deleteAgent'], { agent: 'Data Collector' }),
    ],
  },
  {
    name: 'monthly at 7, then 7:30, then e-mailed',
    turns: [
      plan('put the monthly report on the 1st of every month at 7', ['scheduleAgent'], {
        agent: 'Monthly Report',
        schedule: every('0 7 1 * *'),
      }),
      plan('actually make it 7:30', ['scheduleAgent'], {
        agent: 'Monthly Report',
        schedule: every('30 7 1 * *'),
      }),
      inAnyOrder(
        'and email it to me too',
        parts(['scheduleAgent', 'Monthly Report', every('30 7 1 * *')], ['updateAgent', 'Monthly Report']),
        { spec: { contains: [me] } },
      ),
    ],
  },
  {
    name: 'weekdays at 9, not fridays, quarter past',
    turns: [
      crons(
        plan('can the lead scraper run every weekday at 9am', ['scheduleAgent'], {
          agent: 'Lead Scraper',
          schedule: every('0 9 * * 1-5'),
        }),
        '0 9 * * MON-FRI',
      ),
      crons(
        plan('not on fridays though', ['scheduleAgent'], {
          agent: 'Lead Scraper',
          schedule: every('0 9 * * 1-4'),
        }),
        '0 9 * * MON-THU',
      ),
      crons(
        plan('and make it quarter past', ['scheduleAgent'], {
          agent: 'Lead Scraper',
          schedule: every('15 9 * * 1-4'),
        }),
        '15 9 * * MON-THU',
      ),
    ],
  },
  {
    name: "a competitor's pricing page, asked for",
    turns: [
      { text: "I want to keep an eye on a competitor's pricing page", question: 'url' },
      built(
        'https://rival.example.com/pricing',
        ['createAgent'],
        { spec: { contains: ['https://rival.example.com/pricing'] } },
        ['notify', 'schedule', 'records'],
      ),
      built(
        'check it every morning at 8 and email me if anything changes',
        ['createAgent', 'scheduleAgent'],
        rivalChecks,
      ),
    ],
  },
  {
    name: 'the monthly report fixed with another address, then scheduled',
    turns: [
      { text: 'why did the monthly report fail?', reply: /404|not found/i, planAllowed: true },
      either(
        plan(`try it again with ${monthlyFixUrl}`, ['updateAgent', 'runAgent'], {
          agent: 'Monthly Report',
          spec: { contains: [monthlyFixUrl] },
        }),
        plan(`try it again with ${monthlyFixUrl}`, ['updateAgent'], {
          agent: 'Monthly Report',
          spec: { contains: [monthlyFixUrl] },
        }),
      ),
      either(
        plan(monthlyThen, ['updateAgent', 'runAgent', 'scheduleAgent'], monthlyFixChecks),
        plan(monthlyThen, ['updateAgent', 'scheduleAgent', 'runAgent'], monthlyFixChecks),
        plan(monthlyThen, ['updateAgent', 'scheduleAgent'], monthlyFixChecks),
        plan(monthlyThen, ['scheduleAgent', 'updateAgent'], monthlyFixChecks),
        plan(monthlyThen, ['scheduleAgent', 'updateAgent', 'runAgent'], monthlyFixChecks),
      ),
    ],
  },
  {
    name: 'a stock API every half hour, e-mailed, on weekdays',
    turns: [
      crons(
        built(
          `make an agent that pulls ${stockUrl} every 30 min`,
          ['createAgent', 'scheduleAgent'],
          { schedule: every('*/30 * * * *'), spec: { contains: [stockUrl] } },
          ['records'],
        ),
        '0,30 * * * *',
      ),
      crons(
        built('and email it to me too', ['createAgent', 'scheduleAgent'], {
          schedule: every('*/30 * * * *'),
          spec: { contains: [stockUrl, me] },
        }),
        '0,30 * * * *',
      ),
      crons(
        built('only on weekdays tho', ['createAgent', 'scheduleAgent'], {
          schedule: every('*/30 * * * 1-5'),
          spec: { contains: [stockUrl, me] },
        }),
        '0,30 * * * 1-5',
        '*/30 * * * MON-FRI',
      ),
    ],
  },
  {
    name: 'which report, the weekly one, and the monthly one',
    turns: [
      { text: 'pause the report', question: 'agent' },
      plan('the weekly one', ['pauseAgent'], { agent: 'Weekly Report' }),
      inAnyOrder(
        'and run the monthly one',
        parts(['pauseAgent', 'Weekly Report'], ['runAgent', 'Monthly Report']),
      ),
    ],
  },
  {
    name: "the price monitor's times, moved, not at weekends",
    turns: [
      {
        text: 'when does the price monitor run?',
        reply: /(?=[\s\S]*\b0?6(:00|\s?am))(?=[\s\S]*\b10(:00|\s?am))|\b0?6(:00)?( ?am)? (and|&) 10\b/i,
      },
      plan('move that to 7 and 11', ['scheduleAgent'], {
        agent: priceMonitor,
        schedule: every('0 7,11 * * *'),
      }),
      crons(
        plan('but not at weekends', ['scheduleAgent'], {
          agent: priceMonitor,
          schedule: every('0 7,11 * * 1-5'),
        }),
        '0 7,11 * * MON-FRI',
      ),
    ],
  },
  {
    name: 'every other monday, then every monday, then chained',
    turns: [
      rhythm('can the weekly report go every other monday?'),
      crons(
        plan('ok fine just every monday at 9 then', ['scheduleAgent'], {
          agent: 'Weekly Report',
          schedule: every('0 9 * * 1'),
        }),
        '0 9 * * MON',
      ),
      inAnyOrder(
        'and chain the monthly report after it',
        parts(
          ['scheduleAgent', 'Weekly Report', every('0 9 * * 1')],
          ['chainAgents', 'Weekly Report -> Monthly Report'],
        ),
        { chained: { from: 'Weekly Report', to: 'Monthly Report' } },
      ),
    ],
  },
  {
    name: 'airtable, by API key, on its host',
    turns: [
      either(
        { text: 'connect my airtable', question: 'kind' },
        { text: 'connect my airtable', question: 'host' },
        plan('connect my airtable', ['connectAccount'], { account: { service: 'airtable' } }),
      ),
      either(
        plan('with an api key', ['connectAccount'], { account: { service: 'airtable', kind: 'api_key' } }),
        { text: 'with an api key', question: 'host' },
      ),
      plan('the host is api.airtable.com', ['connectAccount'], {
        account: { service: 'airtable', kind: 'api_key', allowedHosts: ['api.airtable.com'] },
      }),
    ],
  },
];
