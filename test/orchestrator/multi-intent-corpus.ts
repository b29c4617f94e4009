// Messages that ask for several things at once, as people write them: each part becomes an
// operation of one plan, in order and on the right agent ("it" is the agent of the part before,
// even one the plan creates), or the plan asks about the part it cannot do. `parts` is how many
// requests the message holds, which the clause splitter must find (an agent list is one part).
import type { CorpusCase } from './planner-corpus.ts';

export interface MultiIntentCase extends CorpusCase {
  parts: number;
}

const created = (name: string) => [name, name];

export const multiIntentCorpus: MultiIntentCase[] = [
  // An account connected again, then the agent that failed on it tried once more.
  {
    text: 'reconnect crm and test the old reporting agent again',
    parts: 2,
    operations: ['connectAccount', 'runAgent'],
    targets: ['crm', 'Reporting Agent (old)'],
  },
  {
    text: 're-auth the crm account, then rerun reporting agent (old)',
    parts: 2,
    operations: ['connectAccount', 'runAgent'],
    targets: ['crm', 'Reporting Agent (old)'],
  },
  {
    text: 'fix the supplier-portal password again and run the reporter',
    parts: 2,
    operations: ['connectAccount', 'runAgent'],
    targets: ['supplier-portal', 'Reporter'],
  },
  // A group of agents, then another request.
  {
    text: 'pause all the failing agents and run the lead scraper',
    parts: 2,
    operations: [...Array(5).fill('pauseAgent'), 'runAgent'],
    targets: [
      'Weekly Report',
      'Monthly Report',
      'Reporting Agent (old)',
      'Data Collector',
      'Reporter',
      'Lead Scraper',
    ],
  },
  // One verb, a list of agents: one operation per agent.
  {
    text: 'delete the job collector and the data collector',
    parts: 2,
    operations: ['deleteAgent', 'deleteAgent'],
    targets: ['Job Collector', 'Data Collector'],
  },
  {
    text: 'pause the lead scraper and the weekly report',
    parts: 2,
    operations: ['pauseAgent', 'pauseAgent'],
    targets: ['Lead Scraper', 'Weekly Report'],
  },
  {
    text: 'pause the monthly report, the weekly report and the data collector',
    parts: 3,
    operations: ['pauseAgent', 'pauseAgent', 'pauseAgent'],
    targets: ['Monthly Report', 'Weekly Report', 'Data Collector'],
  },
  {
    text: "pause data collector + reporter, they're both broken",
    parts: 2,
    operations: ['pauseAgent', 'pauseAgent'],
    targets: ['Data Collector', 'Reporter'],
  },
  {
    text: 'run the lead scraper/weekly report',
    parts: 2,
    operations: ['runAgent', 'runAgent'],
    targets: ['Lead Scraper', 'Weekly Report'],
  },
  {
    text: "delete the reporter and the data collector, and the old reporting agent while you're at it",
    parts: 3,
    operations: ['deleteAgent', 'deleteAgent', 'deleteAgent'],
    targets: ['Reporter', 'Data Collector', 'Reporting Agent (old)'],
  },
  {
    text: 'Resume the job collector, change its selector to .job-listing and give it a test run',
    parts: 3,
    operations: ['resumeAgent', 'updateAgent', 'runAgent'],
    targets: ['Job Collector', 'Job Collector', 'Job Collector'],
  },
  {
    text: 'unpause job collector then give it a quick try',
    parts: 2,
    operations: ['resumeAgent', 'runAgent'],
    targets: ['Job Collector', 'Job Collector'],
  },
  {
    text: "remove the link from lead scraper to reporting agent and send lead scraper's results to the data collector instead",
    parts: 2,
    operations: ['unchainAgents', 'chainAgents'],
    targets: ['Lead Scraper -> Reporting Agent', 'Lead Scraper -> Data Collector'],
  },
  {
    text: "delete job collector. also what's wrong with monthly report?",
    parts: 2,
    operations: ['deleteAgent'],
    agent: 'Job Collector',
    reply: /404 Not Found/,
  },
  {
    text: 'pause the reporter, and also why did the data collector fail?',
    parts: 2,
    operations: ['pauseAgent'],
    agent: 'Reporter',
    reply: /"Data Collector" failed/,
  },
  {
    text: 'make two agents: one that reads https://api.example.com/a.json every hour, and another that reads https://api.example.org/b.json every hour',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'scheduleAgent', 'createAgent', 'runAgent', 'scheduleAgent'],
    targets: [
      'api.example.com API Reader',
      'api.example.com API Reader',
      'api.example.com API Reader',
      'api.example.org API Reader',
      'api.example.org API Reader',
      'api.example.org API Reader',
    ],
    schedule: { cron: '0 * * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'Pause Lead Scraper & Weekly Report',
    parts: 2,
    operations: ['pauseAgent', 'pauseAgent'],
    targets: ['Lead Scraper', 'Weekly Report'],
  },
  {
    text: 'run the lead scraper and the data collector now',
    parts: 2,
    operations: ['runAgent', 'runAgent'],
    targets: ['Lead Scraper', 'Data Collector'],
  },
  {
    text: 'get rid of job collector and data collector please',
    parts: 2,
    operations: ['deleteAgent', 'deleteAgent'],
    targets: ['Job Collector', 'Data Collector'],
  },
  {
    text: 'disable the weekly report, the monthly report',
    parts: 2,
    operations: ['pauseAgent', 'pauseAgent'],
    targets: ['Weekly Report', 'Monthly Report'],
  },
  {
    text: 'delete the job collector and the data collector and the monthly report',
    parts: 3,
    operations: ['deleteAgent', 'deleteAgent', 'deleteAgent'],
    targets: ['Job Collector', 'Data Collector', 'Monthly Report'],
  },
  {
    text: 'delete the job collector and the data collector too',
    parts: 2,
    operations: ['deleteAgent', 'deleteAgent'],
    targets: ['Job Collector', 'Data Collector'],
  },
  // Several verbs on existing agents, "it" being the agent of the part before.
  {
    text: 'resume the job collector and run it',
    parts: 2,
    operations: ['resumeAgent', 'runAgent'],
    targets: ['Job Collector', 'Job Collector'],
  },
  // A part with nothing to do (the reporter is active already) still says who "it" is.
  {
    text: 'resume the reporter and run it',
    parts: 2,
    operations: ['runAgent'],
    targets: ['Reporter'],
  },
  {
    text: 'remove the old reporting agent, and then run the reporting agent',
    parts: 2,
    operations: ['deleteAgent', 'runAgent'],
    targets: ['Reporting Agent (old)', 'Reporting Agent'],
  },
  {
    text: 'delete the job collector. pause the lead scraper.',
    parts: 2,
    operations: ['deleteAgent', 'pauseAgent'],
    targets: ['Job Collector', 'Lead Scraper'],
  },
  {
    text: 'unschedule the weekly report and delete the job collector',
    parts: 2,
    operations: ['unscheduleAgent', 'deleteAgent'],
    targets: ['Weekly Report', 'Job Collector'],
  },
  {
    text: 'pause the lead scraper and also add phone numbers to the weekly report',
    parts: 2,
    operations: ['pauseAgent', 'updateAgent'],
    targets: ['Lead Scraper', 'Weekly Report'],
  },
  {
    text: 'use https://example.com/new-team instead for the lead scraper and run it',
    parts: 2,
    operations: ['updateAgent', 'runAgent'],
    targets: ['Lead Scraper', 'Lead Scraper'],
  },
  {
    text: 'switch the price monitor to https://example.com/pricing-2024, then test it',
    parts: 2,
    operations: ['updateAgent', 'runAgent'],
    targets: ['example.com Price Monitor', 'example.com Price Monitor'],
  },
  {
    text: 'make the lead scraper also email me and run it now',
    parts: 2,
    operations: ['updateAgent', 'runAgent'],
    targets: ['Lead Scraper', 'Lead Scraper'],
  },
  {
    text: 'run the lead scraper now and pause the price monitor',
    parts: 2,
    operations: ['runAgent', 'pauseAgent'],
    targets: ['Lead Scraper', 'example.com Price Monitor'],
  },
  {
    text: 'stop the price monitor for now and kick off the monthly report',
    parts: 2,
    operations: ['pauseAgent', 'runAgent'],
    targets: ['example.com Price Monitor', 'Monthly Report'],
  },
  {
    text: 'run the data collector and then run the reporter',
    parts: 2,
    operations: ['runAgent', 'runAgent'],
    targets: ['Data Collector', 'Reporter'],
  },
  {
    text: 'unchain the reporting agent from the lead scraper and delete the reporting agent',
    parts: 2,
    operations: ['unchainAgents', 'deleteAgent'],
    targets: ['Lead Scraper -> Reporting Agent', 'Reporting Agent'],
  },
  {
    text: 'connect my GitHub account and run the lead scraper',
    parts: 2,
    operations: ['connectAccount', 'runAgent'],
    targets: ['github', 'Lead Scraper'],
  },
  // Schedules and chains: "its results" are those of the agent just scheduled.
  {
    text: 'create a scraper for https://example.com/careers that grabs .job-card, run it daily at 8 and send results to the reporting agent',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'scheduleAgent', 'chainAgents'],
    targets: [
      'example.com Jobs Scraper',
      'example.com Jobs Scraper',
      'example.com Jobs Scraper',
      'example.com Jobs Scraper -> Reporting Agent',
    ],
    schedule: { cron: '0 8 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'schedule the weekly report at 7 and then pass its output to the reporter',
    parts: 2,
    operations: ['scheduleAgent', 'chainAgents'],
    targets: ['Weekly Report', 'Weekly Report -> Reporter'],
    schedule: { cron: '0 7 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the lead scraper every weekday at 9:30 and send its results to the reporter',
    parts: 2,
    operations: ['scheduleAgent', 'chainAgents'],
    targets: ['Lead Scraper', 'Lead Scraper -> Reporter'],
    schedule: { cron: '30 9 * * 1-5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'schedule the data collector every morning at 8am, then pass its output to the monthly report',
    parts: 2,
    operations: ['scheduleAgent', 'chainAgents'],
    targets: ['Data Collector', 'Data Collector -> Monthly Report'],
    schedule: { cron: '0 8 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the monthly report hourly and then pass its results to the reporter',
    parts: 2,
    operations: ['scheduleAgent', 'chainAgents'],
    targets: ['Monthly Report', 'Monthly Report -> Reporter'],
    schedule: { cron: '0 * * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'when the data collector finishes, send its results to the reporter, and pause the lead scraper',
    parts: 2,
    operations: ['chainAgents', 'pauseAgent'],
    targets: ['Data Collector -> Reporter', 'Lead Scraper'],
  },
  {
    text: 'if the job collector fails, run the reporter. and resume the job collector',
    parts: 2,
    operations: ['chainAgents', 'resumeAgent'],
    targets: ['Job Collector -> Reporter', 'Job Collector'],
  },
  {
    text: 'resume the job collector, run it and then send its results to the reporter',
    parts: 3,
    operations: ['resumeAgent', 'runAgent', 'chainAgents'],
    targets: ['Job Collector', 'Job Collector', 'Job Collector -> Reporter'],
  },
  // A new agent, then what to do with it: the later parts name it by its planned name.
  {
    text: 'create a scraper for https://example.com/team, each person is a `tr.person`, run it hourly and send its results to the reporter',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'scheduleAgent', 'chainAgents'],
    targets: [
      ...created('example.com People Scraper'),
      'example.com People Scraper',
      'example.com People Scraper -> Reporter',
    ],
    schedule: { cron: '0 * * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'scrape the leads from https://example.com/directory where each lead is `.lead-card` and schedule it every weekday at 8am',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'scheduleAgent'],
    targets: [...created('example.com Leads Scraper'), 'example.com Leads Scraper'],
    schedule: { cron: '0 8 * * 1-5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'monitor https://example.com/pricing for changes and email me, then run it every 15 minutes',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'scheduleAgent'],
    targets: [...created('example.com Monitor'), 'example.com Monitor'],
    schedule: { cron: '*/15 * * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'build a scraper for https://shop.example.com/catalog using table rows, then send its results to the reporter',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'chainAgents'],
    targets: [...created('shop.example.com Records Scraper'), 'shop.example.com Records Scraper -> Reporter'],
  },
  {
    text: 'scrape https://example.com/people, each person is a `tr.person`, and run it daily at 6pm',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'scheduleAgent'],
    targets: [...created('example.com People Scraper'), 'example.com People Scraper'],
    schedule: { cron: '0 18 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'create an agent that monitors https://example.com/terms and then chain it to the reporter',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'chainAgents'],
    targets: [...created('example.com Monitor'), 'example.com Monitor -> Reporter'],
  },
  {
    text: 'collect every link on https://example.com/resources and then forward its results to the reporting agent',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'chainAgents'],
    targets: [...created('example.com Records Scraper'), 'example.com Records Scraper -> Reporting Agent'],
  },
  {
    text: 'log into https://portal.example.com and download all the invoices, then run it every monday at 7',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'scheduleAgent'],
    targets: [...created('Invoice Collector'), 'Invoice Collector'],
    schedule: { cron: '0 7 * * 1', timezone: 'Europe/Berlin' },
  },
  // A new agent and something else altogether.
  {
    text: 'monitor https://x.example/pricing and email me, and also run the lead scraper now',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'runAgent'],
    targets: [...created('x.example Monitor'), 'Lead Scraper'],
  },
  {
    text: 'watch https://status.example.com and email me. also pause the price monitor',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'pauseAgent'],
    targets: [...created('status.example.com Monitor'), 'example.com Price Monitor'],
  },
  {
    text: 'delete the weekly report and create a monitor for https://example.com/careers',
    parts: 2,
    operations: ['deleteAgent', 'createAgent', 'runAgent'],
    targets: ['Weekly Report', ...created('example.com Monitor')],
  },
  {
    text: 'trash the monthly report agent, then monitor https://docs.example.com/changelog and email me',
    parts: 2,
    operations: ['deleteAgent', 'createAgent', 'runAgent'],
    targets: ['Monthly Report', ...created('docs.example.com Monitor')],
  },
  // A part that is already so is said, and the rest planned.
  {
    text: 'pause the job collector and run the lead scraper',
    parts: 2,
    operations: ['runAgent'],
    targets: ['Lead Scraper'],
    reply: /"Job Collector" is already paused/,
  },
  {
    text: 'pause the weekly report and unschedule the monthly report',
    parts: 2,
    operations: ['pauseAgent'],
    targets: ['Weekly Report'],
    reply: /"Monthly Report" has no schedule/,
  },
  // A run now and a schedule, with one verb said: both, never the schedule alone.
  {
    text: 'run the lead scraper now and then every sunday at 9pm',
    parts: 2,
    operations: ['runAgent', 'scheduleAgent'],
    targets: ['Lead Scraper', 'Lead Scraper'],
    schedule: { cron: '0 21 * * 0', timezone: 'Europe/Berlin' },
  },
  {
    text: 'pls kick off the data colector right away, and every friday at 5pm after that',
    parts: 2,
    operations: ['runAgent', 'scheduleAgent'],
    targets: ['Data Collector', 'Data Collector'],
    schedule: { cron: '0 17 * * 5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'test the monthly report now, then daily at 7am',
    parts: 2,
    operations: ['runAgent', 'scheduleAgent'],
    targets: ['Monthly Report', 'Monthly Report'],
    schedule: { cron: '0 7 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the lead scraper once now and again every friday at 6pm',
    parts: 2,
    operations: ['runAgent', 'scheduleAgent'],
    targets: ['Lead Scraper', 'Lead Scraper'],
    schedule: { cron: '0 18 * * 5', timezone: 'Europe/Berlin' },
  },
  // A schedule and a chain said as who runs after whom.
  {
    text: 'schedule the data collector daily at 6am and have the reporter run after it',
    parts: 2,
    operations: ['scheduleAgent', 'chainAgents'],
    targets: ['Data Collector', 'Data Collector -> Reporter'],
    schedule: { cron: '0 6 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the lead scraper every weekday at 8, and make the weekly report start after it',
    parts: 2,
    operations: ['scheduleAgent', 'chainAgents'],
    targets: ['Lead Scraper', 'Lead Scraper -> Weekly Report'],
    schedule: { cron: '0 8 * * 1-5', timezone: 'Europe/Berlin' },
  },
  // An account and an agent on the account's host: the host is not asked for.
  {
    text: 'set up an api key for zapcorp and monitor https://api.zapcorp.io/v1/status for changes',
    parts: 2,
    operations: ['connectAccount', 'createAgent', 'runAgent'],
    connection: { service: 'zapcorp', kind: 'api_key', allowedHosts: ['api.zapcorp.io'] },
  },
  // A part it cannot do, or must ask about, is asked about: never dropped.
  {
    text: 'create a scraper for https://example.com/team, run it hourly and send its results to the reporter',
    parts: 2,
    question: 'records',
    reply:
      /2 things.*"create a scraper for https:\/\/example\.com\/team and run it hourly".*Then I will plan "send its results to the reporter"/s,
  },
  // Rename is a verb of its own now: both parts become operations of one plan.
  {
    text: 'delete the job collector and rename the weekly report to Weekly Digest',
    parts: 2,
    operations: ['deleteAgent', 'updateAgent'],
    targets: ['Job Collector', 'Weekly Report'],
    reply: /rename "Weekly Report" to "Weekly Digest"/,
  },
  { text: 'delete the report and pause the lead scraper', parts: 2, question: 'agent' },
  {
    text: 'pause the lead scraper and then delete the report',
    parts: 2,
    question: 'agent',
    reply: /I can do "pause the lead scraper"/,
  },
  { text: 'monitor prices and run the lead scraper', parts: 2, question: 'url' },
  {
    text: 'pause the lead scraper and chain it to the accountant',
    parts: 2,
    question: 'part',
    reply: /could not do part 2, "chain it to the accountant".*"the accountant"/s,
  },
  {
    text: 'delete the job collector and run the ghost agent',
    parts: 2,
    question: 'part',
    reply: /could not do part 2, "run the ghost agent": I did not understand it/,
  },
  {
    text: 'monitor https://example.com/careers and pause it',
    parts: 2,
    question: 'part',
    reply: /"example\.com Monitor" does not exist until this plan is approved/,
  },
  // An API, feed or uptime check, with what happens to its results said after it.
  {
    text: 'read https://blog.example.com/feed.xml every day at 7, then post the new posts to https://hooks.example.com/b',
    parts: 1,
    operations: ['createAgent', 'runAgent', 'scheduleAgent'],
    schedule: { cron: '0 7 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'pull https://api.example.com/v1/users and chain it to the reporting agent',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'chainAgents'],
    targets: [...created('api.example.com API Reader'), 'api.example.com API Reader -> Reporting Agent'],
  },
  {
    text: "whats the weekly report's problem? also run it again",
    parts: 2,
    operations: ['updateAgent', 'runAgent'],
    targets: ['Weekly Report', 'Weekly Report'],
  },
  // A new name ends where a clause with a verb of its own starts ("and turn it back on").
  {
    text: 'rename job collector to Careers Watcher and turn it back on',
    parts: 2,
    operations: ['updateAgent', 'resumeAgent'],
    targets: ['Job Collector', 'Job Collector'],
  },
  {
    text: 'rename the job collector to "Jobs and Careers", then switch it back on',
    parts: 2,
    operations: ['updateAgent', 'resumeAgent'],
    targets: ['Job Collector', 'Job Collector'],
  },
  {
    text: 'Rename job collector as Careers Watcher and re-enable it',
    parts: 2,
    operations: ['updateAgent', 'resumeAgent'],
    targets: ['Job Collector', 'Job Collector'],
  },
  {
    text: 'rename weekly report to Weekly Digest and turn it off',
    parts: 2,
    operations: ['updateAgent', 'pauseAgent'],
    targets: ['Weekly Report', 'Weekly Report'],
  },
  // A run now and a one-off run later, with one verb.
  {
    text: 'run the price monitor once now and also tomorrow at 8am',
    parts: 2,
    operations: ['runAgent', 'scheduleAgent'],
    targets: ['example.com Price Monitor', 'example.com Price Monitor'],
    schedule: { runAt: '2026-11-25T07:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'test the lead scraper now, and again next monday at 9',
    parts: 2,
    operations: ['runAgent', 'scheduleAgent'],
    targets: ['Lead Scraper', 'Lead Scraper'],
    schedule: { runAt: '2026-11-30T08:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'kick off the reporter right away and in 2 hours',
    parts: 2,
    operations: ['runAgent', 'scheduleAgent'],
    targets: ['Reporter', 'Reporter'],
    schedule: { runAt: '2026-11-24T12:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  // A reason said beside the request names no agent: "they're replaced by the reporting agent".
  {
    text: "delete the monthly report and the weekly report, they're replaced by the reporting agent",
    parts: 2,
    operations: ['deleteAgent', 'deleteAgent'],
    targets: ['Monthly Report', 'Weekly Report'],
  },
  {
    text: 'remove weekly report and monthly report because the reporting agent does both now',
    parts: 2,
    operations: ['deleteAgent', 'deleteAgent'],
    targets: ['Weekly Report', 'Monthly Report'],
  },
  {
    text: "pause the lead scraper and the data collector since we're over budget",
    parts: 2,
    operations: ['pauseAgent', 'pauseAgent'],
    targets: ['Lead Scraper', 'Data Collector'],
  },
  // One verb, agents each with their own words: one request per agent, each its whole name.
  {
    text: 'schedule monthly report for 1st of month 6am and weekly report for fridays at 5pm',
    parts: 2,
    operations: ['scheduleAgent', 'scheduleAgent'],
    targets: ['Monthly Report', 'Weekly Report'],
    schedules: [
      { cron: '0 6 1 * *', timezone: 'Europe/Berlin' },
      { cron: '0 17 * * 5', timezone: 'Europe/Berlin' },
    ],
  },
  {
    text: 'run the lead scraper every weekday at 8 and the data collector every day at noon',
    parts: 2,
    operations: ['scheduleAgent', 'scheduleAgent'],
    targets: ['Lead Scraper', 'Data Collector'],
    schedules: [
      { cron: '0 8 * * 1-5', timezone: 'Europe/Berlin' },
      { cron: '0 12 * * *', timezone: 'Europe/Berlin' },
    ],
  },
  {
    text: 'run the reporter after the data collector and the lead scraper after the reporter',
    parts: 2,
    operations: ['chainAgents', 'chainAgents'],
    targets: ['Data Collector -> Reporter', 'Reporter -> Lead Scraper'],
  },
  // A copy, then "it": the copy, not the original.
  {
    text: 'make a copy of Weekly Report called Weekly Report EU and schedule it for tuesdays 9am',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'scheduleAgent'],
    targets: ['Weekly Report EU', 'Weekly Report EU', 'Weekly Report EU'],
    schedule: { cron: '0 9 * * 2', timezone: 'Europe/Berlin' },
  },
  {
    text: 'duplicate the monthly report as Monthly Report US, then run it every monday at 7',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'scheduleAgent'],
    targets: ['Monthly Report US', 'Monthly Report US', 'Monthly Report US'],
    schedule: { cron: '0 7 * * 1', timezone: 'Europe/Berlin' },
  },
  // "Until I fix …" on a pause is no question about a failure.
  {
    text: 'pause reporter until i fix the password, and unchain lead scraper from reporting agent',
    parts: 2,
    operations: ['pauseAgent', 'unchainAgents'],
    targets: ['Reporter', 'Lead Scraper -> Reporting Agent'],
  },
  {
    text: 'pause the data collector till someone reconnects sheets and run the weekly report',
    parts: 2,
    operations: ['pauseAgent', 'runAgent'],
    targets: ['Data Collector', 'Weekly Report'],
  },
  // Stopping a schedule and one run on a weekday with its date.
  {
    text: 'stop the weekly report schedule, and run it once on monday the 30th at 10',
    parts: 2,
    operations: ['unscheduleAgent', 'scheduleAgent'],
    targets: ['Weekly Report', 'Weekly Report'],
    schedule: { runAt: '2026-11-30T09:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  // Agents each led by their name and an arrow or colon: one schedule each.
  {
    text: 'lead scraper -> every 4 hours, data collector -> every 30 minutes',
    parts: 2,
    operations: ['scheduleAgent', 'scheduleAgent'],
    targets: ['Lead Scraper', 'Data Collector'],
    schedules: [
      { cron: '0 */4 * * *', timezone: 'Europe/Berlin' },
      { cron: '*/30 * * * *', timezone: 'Europe/Berlin' },
    ],
  },
  {
    text: 'Weekly report: fridays at 5pm; reporter: every weekday at 8',
    parts: 2,
    operations: ['scheduleAgent', 'scheduleAgent'],
    targets: ['Weekly Report', 'Reporter'],
    schedules: [
      { cron: '0 17 * * 5', timezone: 'Europe/Berlin' },
      { cron: '0 8 * * 1-5', timezone: 'Europe/Berlin' },
    ],
  },
  // What an agent should do, said as having it do so: "have X run …", "make it e-mail …".
  {
    text: 'chain the data collector after the lead scraper, then have the lead scraper run mondays at 7',
    parts: 2,
    operations: ['chainAgents', 'scheduleAgent'],
    targets: ['Lead Scraper -> Data Collector', 'Lead Scraper'],
    schedule: { cron: '0 7 * * 1', timezone: 'Europe/Berlin' },
  },
  {
    text: 'shift the weekly report to 9am and make it e-mail ops@example.com',
    parts: 2,
    operations: ['scheduleAgent', 'updateAgent'],
    targets: ['Weekly Report', 'Weekly Report'],
    schedule: { cron: '0 9 * * 1', timezone: 'Europe/Berlin' },
  },
  // An account connected again after another request.
  {
    text: 'remove the job collector, then re-auth the crm account',
    parts: 2,
    operations: ['deleteAgent', 'connectAccount'],
    targets: ['Job Collector', 'crm'],
  },
  // A chain said as a condition after another request: "it" is that request's agent.
  {
    text: "run the lead scraper every weekday at 6, and once it's done start the data collector",
    parts: 2,
    operations: ['scheduleAgent', 'chainAgents'],
    targets: ['Lead Scraper', 'Lead Scraper -> Data Collector'],
    schedule: { cron: '0 6 * * 1-5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'resume the job collector, put it on weekdays at 7:45, and when it finishes kick off the reporter',
    parts: 3,
    operations: ['resumeAgent', 'scheduleAgent', 'chainAgents'],
    targets: ['Job Collector', 'Job Collector', 'Job Collector -> Reporter'],
    schedule: { cron: '45 7 * * 1-5', timezone: 'Europe/Berlin' },
  },
  // A question said as a request ("tell me …") beside an action: both answered.
  {
    text: 'pause the data collector and also tell me why the monthly report failed',
    parts: 2,
    operations: ['pauseAgent'],
    agent: 'Data Collector',
  },
  // Lists after verbs beyond the four intents, and in the order said.
  {
    text: 'unschedule the price monitor, and the weekly report too',
    parts: 2,
    operations: ['unscheduleAgent', 'unscheduleAgent'],
    targets: ['example.com Price Monitor', 'Weekly Report'],
  },
  {
    text: 'run the weekly report and then the monthly report',
    parts: 2,
    operations: ['runAgent', 'runAgent'],
    targets: ['Weekly Report', 'Monthly Report'],
  },
  // An account, then a new agent: "make an agent" starts a request of its own.
  {
    text: 'add an api key for acmeweather, then make me an agent that reads https://api.acmeweather.test/today every morning at 7',
    parts: 2,
    operations: ['connectAccount', 'createAgent', 'runAgent', 'scheduleAgent'],
    targets: [
      'acmeweather',
      'api.acmeweather.test API Reader',
      'api.acmeweather.test API Reader',
      'api.acmeweather.test API Reader',
    ],
    schedule: { cron: '0 7 * * *', timezone: 'Europe/Berlin' },
  },
  // A question after a request, without "also": answered in words, its offered fix not planned.
  {
    text: 'test the data collector and tell me why it failed before',
    parts: 2,
    operations: ['runAgent'],
    targets: ['Data Collector'],
    reply: /"Data Collector" failed/,
  },
  {
    text: 'resume the job collector, and tell me when the weekly report runs next',
    parts: 2,
    operations: ['resumeAgent'],
    targets: ['Job Collector'],
    reply: /"Weekly Report" runs at/,
  },
  // One verb, two agents each with its own time; the second named by the words people shorten it to.
  {
    text: 'schedule the data collector hourly and the price monitor daily at 8',
    parts: 2,
    operations: ['scheduleAgent', 'scheduleAgent'],
    targets: ['Data Collector', 'example.com Price Monitor'],
    schedules: [
      { cron: '0 * * * *', timezone: 'Europe/Berlin' },
      { cron: '0 8 * * *', timezone: 'Europe/Berlin' },
    ],
  },
  // A chain ended in words of the chain itself, then another made.
  {
    text: 'stop chaining the lead scraper to the reporting agent, and chain it into the data collector',
    parts: 2,
    operations: ['unchainAgents', 'chainAgents'],
    targets: ['Lead Scraper -> Reporting Agent', 'Lead Scraper -> Data Collector'],
  },
  // Two changes of one agent in one message: one new version holding both.
  {
    text: 'rename the data collector to "Row Reader" and have it e-mail me after each run',
    parts: 2,
    operations: ['updateAgent'],
    targets: ['Data Collector'],
  },
  // A run now, then a schedule said "from now on".
  {
    text: 'run the monthly report now and from now on every friday at 6',
    parts: 2,
    operations: ['runAgent', 'scheduleAgent'],
    targets: ['Monthly Report', 'Monthly Report'],
    schedule: { cron: '0 6 * * 5', timezone: 'Europe/Berlin' },
  },
  // "Have it e-mail me when its done": a notice on the agent of the part before.
  {
    text: 'resume the job collector and have it email me when its done',
    parts: 2,
    operations: ['resumeAgent', 'updateAgent'],
    targets: ['Job Collector', 'Job Collector'],
  },
  // Two agents sharing the last word of their names, said once.
  {
    text: 'pause the weekly and monthly report',
    parts: 2,
    operations: ['pauseAgent', 'pauseAgent'],
    targets: ['Weekly Report', 'Monthly Report'],
  },
  // Agents each led by their name and a time, then another request.
  {
    text: 'the data collector should go hourly, the monthly report on the 2nd at 6, then resume the job collector',
    parts: 3,
    operations: ['scheduleAgent', 'scheduleAgent', 'resumeAgent'],
    targets: ['Data Collector', 'Monthly Report', 'Job Collector'],
    schedules: [
      { cron: '0 * * * *', timezone: 'Europe/Berlin' },
      { cron: '0 6 2 * *', timezone: 'Europe/Berlin' },
    ],
  },
  // One verb, two agents, each with its own time.
  {
    text: 'run the reporter now and the data collector tomorrow at 7',
    parts: 2,
    operations: ['runAgent', 'scheduleAgent'],
    targets: ['Reporter', 'Data Collector'],
    schedules: [{ runAt: '2026-11-25T06:00:00.000Z', timezone: 'Europe/Berlin' }],
  },
  // A secret renewed, named by a pronoun after what changed.
  {
    text: 'our crm token expired, renew it please',
    parts: 1,
    operations: ['connectAccount'],
    targets: ['crm'],
  },
  // One verb, two agents each with its own time; the first named by the words people shorten it to.
  {
    text: 'move the price monitor to every 3 hours on weekdays and the data collector to 7:15',
    parts: 2,
    operations: ['scheduleAgent', 'scheduleAgent'],
    targets: ['example.com Price Monitor', 'Data Collector'],
    schedules: [
      { cron: '0 */3 * * 1-5', timezone: 'Europe/Berlin' },
      { cron: '15 7 * * *', timezone: 'Europe/Berlin' },
    ],
  },
  // The agent named first in a chain's part is the next part's "it", whichever end it is.
  {
    text: 'unhook the reporting agent from the lead scraper and make it follow the weekly report instead',
    parts: 2,
    operations: ['unchainAgents', 'chainAgents'],
    targets: ['Lead Scraper -> Reporting Agent', 'Weekly Report -> Reporting Agent'],
  },
  // A preposition said again before a second agent: one chain each.
  {
    text: 'start the data collector after the lead scraper and after the monthly report as well',
    parts: 2,
    operations: ['chainAgents', 'chainAgents'],
    targets: ['Lead Scraper -> Data Collector', 'Monthly Report -> Data Collector'],
  },
  // A later time with no day of its own is on the first one's day.
  {
    text: 'run the job collector tomorrow at 10 and the lead scraper at 11:30',
    parts: 2,
    operations: ['scheduleAgent', 'scheduleAgent'],
    targets: ['Job Collector', 'Lead Scraper'],
    schedules: [
      { runAt: '2026-11-25T09:00:00.000Z', timezone: 'Europe/Berlin' },
      { runAt: '2026-11-25T10:30:00.000Z', timezone: 'Europe/Berlin' },
    ],
  },
  // "The new one" after the old one: the agent named alike without "old".
  {
    text: 'get rid of the old reporting agent, and have the new one run after the data collector',
    parts: 2,
    operations: ['deleteAgent', 'chainAgents'],
    targets: ['Reporting Agent (old)', 'Data Collector -> Reporting Agent'],
  },
  // A service named before "at <address>" and a login.
  {
    text: 'connect our confluence at https://wiki.example.org as bob@example.org and run the reporter',
    parts: 2,
    operations: ['connectAccount', 'runAgent'],
    targets: ['confluence', 'Reporter'],
  },
  // A new address said as a fact, asked for in two words, then a run of the changed agent.
  {
    text: 'the monthly report page is now https://example.com/people, fix that and try again',
    parts: 2,
    operations: ['updateAgent', 'runAgent'],
    targets: ['Monthly Report', 'Monthly Report'],
  },
  // Pages listed after one verb: one agent each.
  {
    text: 'keep an eye on https://example.org/news and https://example.net/updates for changes',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'createAgent', 'runAgent'],
  },
  // "The copy" is the agent the part before duplicated.
  {
    text: 'duplicate the price monitor for https://example.com/pricing/teams and schedule the copy daily at 8',
    parts: 2,
    operations: ['createAgent', 'runAgent', 'scheduleAgent'],
    targets: [
      'example.com Price Monitor (teams)',
      'example.com Price Monitor (teams)',
      'example.com Price Monitor (teams)',
    ],
    schedule: { cron: '0 8 * * *', timezone: 'Europe/Berlin' },
  },
  // A numbered list: one request per item, the words before it asking for nothing.
  {
    text: 'two things pls: 1) pause the lead scraper 2) run the monthly report',
    parts: 2,
    operations: ['pauseAgent', 'runAgent'],
    targets: ['Lead Scraper', 'Monthly Report'],
  },
  // One request per line, with bullets.
  {
    text: 'for today:\n- resume the job collector\n- delete the old reporting agent',
    parts: 2,
    operations: ['resumeAgent', 'deleteAgent'],
    targets: ['Job Collector', 'Reporting Agent (old)'],
  },
  // A second repeating schedule for one agent replaces the first.
  {
    text: 'drop the lead scraper from its current time and put it on fridays at 16:00 instead',
    parts: 2,
    operations: ['scheduleAgent'],
    targets: ['Lead Scraper'],
    schedule: { cron: '0 16 * * 5', timezone: 'Europe/Berlin' },
  },
  // A digest, then when to send it: the digest's own schedule.
  {
    text: 'sum up what the agents found in the shared context, and email me a summary every evening at 7',
    parts: 1,
    operations: ['createAgent', 'runAgent', 'scheduleAgent'],
    schedule: { cron: '0 19 * * *', timezone: 'Europe/Berlin' },
  },
  // A schedule for an agent, then its notice: both, never the schedule dropped.
  {
    text: 'put the data collector on every 2 hours and alert me only when it finds something new',
    parts: 2,
    // "Alert me" names no channel: asked, with the schedule kept for the plan.
    question: 'notify',
    reply: /I can do "put the data collector on every 2 hours"/,
  },
  {
    text: 'run the weekly report on fridays at 4pm and email me the results',
    parts: 2,
    operations: ['scheduleAgent', 'updateAgent'],
    targets: ['Weekly Report', 'Weekly Report'],
    schedule: { cron: '0 16 * * 5', timezone: 'Europe/Berlin' },
  },
  // "+" joins requests as "and" does.
  {
    text: 'pls run the data collector now + pass its results on to the reporter',
    parts: 2,
    operations: ['runAgent', 'chainAgents'],
    targets: ['Data Collector', 'Data Collector -> Reporter'],
  },
  // A verb said once before a list led by names with arrows: the verb is every item's.
  {
    text: 'rename job collector -> Job Finder, and data collector -> Sheet Sync',
    parts: 2,
    operations: ['updateAgent', 'updateAgent'],
    targets: ['Job Collector', 'Data Collector'],
  },
  // "The weekly one" after the monthly report is the weekly report; "I need" asks for nothing.
  {
    text: 'we need the weekly report on thursdays at 10, and the monthly one on the 2nd at 6',
    parts: 2,
    operations: ['scheduleAgent', 'scheduleAgent'],
    targets: ['Weekly Report', 'Monthly Report'],
    schedules: [
      { cron: '0 10 * * 4', timezone: 'Europe/Berlin' },
      { cron: '0 6 2 * *', timezone: 'Europe/Berlin' },
    ],
  },
  // Sentences that end in an hour are no numbered list.
  {
    text: 'run the lead scraper tomorrow at 1. also run the reporter tomorrow at 2. thanks',
    parts: 2,
    operations: ['scheduleAgent', 'scheduleAgent'],
    targets: ['Lead Scraper', 'Reporter'],
    schedules: [
      { runAt: '2026-11-25T00:00:00.000Z', timezone: 'Europe/Berlin' },
      { runAt: '2026-11-25T01:00:00.000Z', timezone: 'Europe/Berlin' },
    ],
  },
  // A list led by a verb, whose later item says its own verb, is two requests.
  {
    text: 'end the lead scraper → reporting agent chain, then chain lead scraper → reporter',
    parts: 2,
    operations: ['unchainAgents', 'chainAgents'],
    targets: ['Lead Scraper -> Reporting Agent', 'Lead Scraper -> Reporter'],
  },
  // A list whose later item names an agent and what it should do; agents listed alone after a
  // request are what it acts on.
  {
    text: 'two things:\n- resume the job collector\n- the monthly report needs to run on the 3rd at 6',
    parts: 2,
    operations: ['resumeAgent', 'scheduleAgent'],
    targets: ['Job Collector', 'Monthly Report'],
    schedules: [{ cron: '0 6 3 * *', timezone: 'Europe/Berlin' }],
  },
  {
    text: 'run these now:\n1. lead scraper\n2. data collector',
    parts: 2,
    operations: ['runAgent', 'runAgent'],
    targets: ['Lead Scraper', 'Data Collector'],
  },
];
