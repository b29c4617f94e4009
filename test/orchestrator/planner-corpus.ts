// Requests as people write them, with what a sensible planner must do with each: the plan's
// operations (and on which agent), a question (and which), or an answer with no plan.
import type { OperationType } from '../../src/domain/plan.ts';
import { agentVerbCorpus } from './agent-verb-corpus.ts';
import { multiIntentCorpus } from './multi-intent-corpus.ts';
import { questionCorpus } from './question-corpus.ts';

export interface CorpusCase {
  text: string;
  operations?: OperationType[];
  /** The agent the operations act on (its name in the fixture workspace). */
  agent?: string;
  /**
   * For plans of several requests: the agent of each operation, in order (a new agent's name,
   * "From -> To" for a chain, the service for an account).
   */
  targets?: string[];
  /** The id of the question the plan must ask. */
  question?:
    | 'url'
    | 'records'
    | 'notify'
    | 'agent'
    | 'schedule'
    | 'selector'
    | 'service'
    | 'kind'
    | 'host'
    | 'username'
    | 'client'
    | 'part'
    | 'name';
  /** An answer without a plan, matching this. */
  reply?: RegExp;
  /** The schedule a scheduleAgent operation must save: a cron, or one run at `runAt`. */
  schedule?: { cron?: string; runAt?: string; timezone: string };
  /** For plans with several scheduleAgent operations: each one's schedule, in order (else `schedule`). */
  schedules?: { cron?: string; runAt?: string; timezone: string }[];
  /** The agents a chainAgents or unchainAgents operation joins, and when. */
  chain?: { from: string; to: string; on?: 'success' | 'failure' | 'always' };
  /** The account a connectAccount operation connects: never with a secret. */
  connection?: { service: string; kind: 'api_key' | 'login' | 'oauth2'; allowedHosts: string[] };
}

/** The agents of the workspace the corpus runs in. */
export const fixtureAgents = [
  { name: 'Lead Scraper', status: 'active' },
  { name: 'example.com Price Monitor', status: 'active' },
  { name: 'Weekly Report', status: 'active' },
  { name: 'Monthly Report', status: 'active' },
  { name: 'Job Collector', status: 'paused' },
  { name: 'Reporting Agent (old)', status: 'active' },
  { name: 'Reporting Agent', status: 'active' },
  { name: 'Data Collector', status: 'active' },
  { name: 'Reporter', status: 'active' },
] as const;

/** The schedules and chains of the fixture workspace, by agent name. */
export const fixtureSchedules = [
  { agent: 'Weekly Report', cron: '0 8 * * 1', timezone: 'Europe/Berlin' },
  { agent: 'example.com Price Monitor', cron: '0 6,10 * * *', timezone: 'Europe/Berlin' },
];
export const fixtureChains = [{ from: 'Lead Scraper', to: 'Reporting Agent', on: 'success' as const }];

/** The time the corpus is planned at, so next firing times are the same for both planners. */
export const corpusNow = new Date('2026-11-24T10:00:00Z');

const create: OperationType[] = ['createAgent', 'runAgent'];
/** The fixture's active agents, and those of them whose last run failed, in the workspace's order. */
const activeAgents = fixtureAgents.filter((agent) => agent.status === 'active').map((agent) => agent.name);
const failingActive = [
  'Weekly Report',
  'Monthly Report',
  'Reporting Agent (old)',
  'Data Collector',
  'Reporter',
];

export const corpus: CorpusCase[] = [
  // Monitors, in many phrasings.
  { text: 'monitor https://example.com/pricing for changes', operations: create },
  { text: 'Watch https://acme.io/plans and tell me when it changes', question: 'notify' },
  {
    text: 'keep an eye on https://shop.example.org/item/42 for price changes and email me',
    operations: create,
  },
  {
    text: 'Track the price on https://store.example.net/p/9 and e-mail alerts@example.com',
    operations: create,
  },
  { text: 'alert me when https://status.example.com changes', question: 'notify' },
  {
    text: 'Can you watch https://news.example.com/ for changes and post them to https://hooks.example.com/abc',
    operations: create,
  },
  { text: 'set up a monitor for https://example.com/careers', operations: create },
  { text: 'I want to track changes on https://competitor.example.com/pricing', operations: create },
  {
    text: 'build an agent that monitors https://example.com/terms for changes and notify me by email',
    operations: create,
  },
  { text: 'let me know when https://docs.example.com/changelog changes', question: 'notify' },
  { text: 'monitor the `#price` on https://example.com/product/7 for changes', operations: create },
  {
    text: 'make a price monitor called "Rival Pricing" for https://rival.example.com/pricing',
    operations: create,
  },
  { text: 'monitor prices for changes', question: 'url' },
  // Conditions: told only when it changed, in varied words, lower case and with typos (issue 13).
  // With no channel said (and none preferred) the planner asks how.
  { text: 'tel me when the pirce chnages on https://shop.example.com/widget', question: 'notify' },
  { text: 'notify me only when something new shows up on https://news.example.com/feed', question: 'notify' },
  {
    text: 'ping me on slack at https://hooks.slack.com/services/T1/B2 when the price changes on https://shop.example.com/w',
    operations: create,
  },
  { text: 'email me if https://example.com/pricing changes', operations: create },
  { text: 'LET ME KNOW BY EMAIL WHEN https://example.com/jobs CHANGES', operations: create },
  {
    text: 'only e-mail me when the lead scraper finds something new',
    operations: ['updateAgent'],
    agent: 'Lead Scraper',
  },
  {
    text: 'let me know if the lead scrapers output chnages, by email',
    operations: ['updateAgent'],
    agent: 'Lead Scraper',
  },
  { text: 'tell me when the lead scraper finds anything new', question: 'notify' },
  { text: 'watch the competitor’s pricing page and email me when it changes', question: 'url' },
  { text: 'I need an agent that tracks changes on our supplier page', question: 'url' },
  { text: 'create a monitor', question: 'url' },
  // Scrapers: with a layout or selector, or a question about what marks each record.
  { text: 'scrape the leads from https://example.com/team', question: 'records' },
  { text: 'collect the products listed on https://shop.example.com/catalog', question: 'records' },
  { text: 'extract the jobs from https://example.com/careers', question: 'records' },
  // A service alone, its kind and hosts in brackets; OAuth providers whose addresses are known.
  {
    text: 'connect our acme (api key, api.acme.io)',
    operations: ['connectAccount'],
    connection: { service: 'acme', kind: 'api_key', allowedHosts: ['api.acme.io'] },
  },
  {
    text: 'connect our slack',
    operations: ['connectAccount'],
    connection: { service: 'slack', kind: 'api_key', allowedHosts: ['slack.com'] },
  },
  { text: 'connect hubspot (oauth)', question: 'client' },
  { text: 'integrate acme', question: 'kind' },
  // A time first, then what to get from an address: a new agent, never "which agent?".
  {
    text: 'every morning at 7 send me the top stories from https://news.ycombinator.com',
    question: 'records',
    reply: /each of the articles/,
  },
  {
    text: 'each monday grab the job listings from https://jobs.example.com/openings',
    question: 'records',
    reply: /each of the jobs/,
  },
  { text: 'scrape the table of products on https://shop.example.com/catalog', operations: create },
  { text: 'collect every link on https://example.com/resources', operations: create },
  {
    text: 'grab all links from https://blog.example.com and post them to https://hooks.example.com/links',
    operations: create,
  },
  {
    text: 'scrape leads from https://example.com/directory where each lead is `.lead-card`',
    operations: create,
  },
  { text: 'gather the `.job` openings from https://jobs.example.com and email me', operations: create },
  { text: 'pull the list items from https://example.com/partners', operations: create },
  { text: 'scrape https://example.com/people, each person is a `tr.person`', operations: create },
  {
    text: 'create an agent that collects leads from https://crm.example.com/list using table rows',
    operations: create,
  },
  {
    text: 'Build a scraper for the headlines on https://news.example.com, headlines are `h2.title`',
    operations: create,
  },
  { text: 'scrape leads', question: 'url' },
  { text: 'collect the job openings from our careers page', question: 'url' },
  { text: 'I want a list of all products from the shop', question: 'url' },
  { text: 'extract contacts from a website', question: 'url' },
  // Portals: an agent that signs in and downloads each file it has not stored before. A portal
  // the workspace has no login for gets a connectAccount first, and no test run (it would wait
  // for the password); what the request does not tell becomes a question.
  { text: 'log into https://portal.example.com and download all the invoices', operations: create },
  { text: 'sign in to https://portal.example.com and download every statement', operations: create },
  {
    text: 'sign in to the supplier portal and download every statement from https://portal.example.com/statements',
    operations: create,
  },
  {
    text: 'grab the PDFs from https://vendor.example.com/documents after logging in as buyer@example.com',
    operations: ['connectAccount', 'createAgent'],
    connection: { service: 'vendor-portal', kind: 'login', allowedHosts: ['vendor.example.com'] },
    reply: /PATCH \/api\/workspaces\/:ws\/connections\/:id \{"secret": \{"password": "…"\}\}.*then run it/,
  },
  {
    text: 'log into https://billing.example.org/login as ap@example.com and download all the invoices from https://billing.example.org/invoices every weekday at 7am',
    operations: ['connectAccount', 'createAgent', 'scheduleAgent'],
    connection: { service: 'billing-portal', kind: 'login', allowedHosts: ['billing.example.org'] },
    schedule: { cron: '0 7 * * 1-5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'Set up an agent that signs into https://extranet.supplier.test/login as "acct-77" and saves the CSV files from https://extranet.supplier.test/exports',
    operations: ['connectAccount', 'createAgent'],
    connection: { service: 'supplier-portal-2', kind: 'login', allowedHosts: ['extranet.supplier.test'] },
  },
  {
    text: 'sign in to the supplier portal at https://portal.acme.test/login every morning and save new documents',
    question: 'url',
  },
  { text: 'create an agent that logs into our bank portal and downloads the statements', question: 'url' },
  { text: 'log into the supplier portal and download the invoices', question: 'url' },
  { text: 'download the monthly reports from the bank portal', question: 'username' },
  {
    text: 'log into https://files.example.net as ops@example.com and download what is there',
    question: 'records',
  },
  // Screenshots of a page: an agent that opens it (signed in first when asked) and keeps a
  // picture as a deliverable; a PDF asked for is a full-page screenshot. Never a record selector.
  {
    text: 'build an agent to log in to https://portal.example.com and screenshot the dashboard every evening',
    operations: [...create, 'scheduleAgent'],
    schedule: { cron: '0 18 * * *', timezone: 'Europe/Berlin' },
    reply: /signs in at https:\/\/portal\.example\.com with the "supplier-portal" login.*screenshot/,
  },
  {
    text: 'take a screenshot of https://example.com every morning',
    operations: [...create, 'scheduleAgent'],
    schedule: { cron: '0 8 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'save a pdf of https://status.example.org/report every monday at 9',
    operations: [...create, 'scheduleAgent'],
    schedule: { cron: '0 9 * * 1', timezone: 'Europe/Berlin' },
    reply: /full-page screenshot.*PNG/,
  },
  { text: 'screenshot https://news.example.com/front page', operations: create },
  {
    text: 'log into https://app.acme.test as ada and take a full page screenshot of the sales report daily',
    operations: ['connectAccount', 'createAgent', 'scheduleAgent'],
    connection: { service: 'acme-portal', kind: 'login', allowedHosts: ['app.acme.test'] },
    schedule: { cron: '0 9 * * *', timezone: 'Europe/Berlin' },
  },
  { text: 'every evening log in to the crm portal and screenshot the pipeline', question: 'url' },
  { text: 'sign into https://app.other.test and grab a screen shot of the dashboard', question: 'username' },
  // Changes to existing agents.
  {
    text: 'also extract LinkedIn profiles in the lead scraper',
    operations: ['updateAgent'],
    agent: 'Lead Scraper',
  },
  { text: 'lead scraper: also collect emails', operations: ['updateAgent'], agent: 'Lead Scraper' },
  { text: 'add phone numbers to the lead scraper', operations: ['updateAgent'], agent: 'Lead Scraper' },
  {
    text: 'use https://example.com/new-team instead for the lead scraper',
    operations: ['updateAgent'],
    agent: 'Lead Scraper',
  },
  {
    text: 'switch the price monitor to https://example.com/pricing-2024',
    operations: ['updateAgent'],
    agent: 'example.com Price Monitor',
  },
  {
    text: 'change the lead scraper to use https://example.com/people',
    operations: ['updateAgent'],
    agent: 'Lead Scraper',
  },
  {
    text: 'point the price monitor at https://shop.example.com/new-pricing',
    operations: ['updateAgent'],
    agent: 'example.com Price Monitor',
  },
  {
    text: 'notify me by e-mail too when the price monitor runs',
    operations: ['updateAgent'],
    agent: 'example.com Price Monitor',
  },
  { text: 'make the lead scraper also email me', operations: ['updateAgent'], agent: 'Lead Scraper' },
  {
    text: 'send the lead scraper results to https://hooks.example.com/leads',
    operations: ['updateAgent'],
    agent: 'Lead Scraper',
  },
  {
    text: 'update the lead scraper to post to the webhook https://hooks.example.com/new',
    operations: ['updateAgent'],
    agent: 'Lead Scraper',
  },
  {
    text: 'add sales@example.com as an email recipient for the weekly report',
    operations: ['updateAgent'],
    agent: 'Weekly Report',
  },
  // Deleting, with names as people say them.
  { text: 'delete the old reporting agent', operations: ['deleteAgent'], agent: 'Reporting Agent (old)' },
  { text: 'remove the lead scraper', operations: ['deleteAgent'], agent: 'Lead Scraper' },
  { text: 'get rid of the job collector', operations: ['deleteAgent'], agent: 'Job Collector' },
  { text: 'Please delete Weekly Report', operations: ['deleteAgent'], agent: 'Weekly Report' },
  { text: 'trash the monthly report agent', operations: ['deleteAgent'], agent: 'Monthly Report' },
  { text: 'delete the report', question: 'agent' },
  { text: 'remove the report agent', question: 'agent' },
  // Pausing and resuming.
  { text: 'pause the lead scraper', operations: ['pauseAgent'], agent: 'Lead Scraper' },
  { text: 'stop the price monitor for now', operations: ['pauseAgent'], agent: 'example.com Price Monitor' },
  { text: 'disable the weekly report', operations: ['pauseAgent'], agent: 'Weekly Report' },
  { text: 'turn off the monthly report', operations: ['pauseAgent'], agent: 'Monthly Report' },
  { text: 'put the lead scraper on hold', operations: ['pauseAgent'], agent: 'Lead Scraper' },
  { text: 'resume the job collector', operations: ['resumeAgent'], agent: 'Job Collector' },
  { text: 'unpause job collector', operations: ['resumeAgent'], agent: 'Job Collector' },
  { text: 'turn the job collector back on', operations: ['resumeAgent'], agent: 'Job Collector' },
  { text: 'reactivate the job collector please', operations: ['resumeAgent'], agent: 'Job Collector' },
  // Verbs with a particle, next to the verb or after the agent ("turn X off").
  { text: 'switch off the reporter for now', operations: ['pauseAgent'], agent: 'Reporter' },
  { text: 'turn the weekly report off', operations: ['pauseAgent'], agent: 'Weekly Report' },
  { text: 'shut the lead scraper down for a bit', operations: ['pauseAgent'], agent: 'Lead Scraper' },
  { text: 'pls shut down the data colector', operations: ['pauseAgent'], agent: 'Data Collector' },
  { text: 'Power the Monthly Report off, thanks', operations: ['pauseAgent'], agent: 'Monthly Report' },
  { text: 'switch the job collector back on', operations: ['resumeAgent'], agent: 'Job Collector' },
  { text: 'turn the job collecter on again', operations: ['resumeAgent'], agent: 'Job Collector' },
  { text: 'switched on the job collector?', operations: ['resumeAgent'], agent: 'Job Collector' },
  { text: 'pause the report', question: 'agent' },
  { text: 'pause the job collector', reply: /already paused/ },
  { text: 'resume the lead scraper', reply: /already active/ },
  // A group of agents: one operation per agent of the group, none outside it; paused ones are
  // said to be paused already, not paused again.
  {
    text: 'pause everything',
    operations: Array(8).fill('pauseAgent'),
    targets: activeAgents,
    reply: /"Job Collector" is already paused/,
  },
  { text: 'pause all agents pls', operations: Array(8).fill('pauseAgent'), targets: activeAgents },
  // An exception is read with typos, and one that names no agent is asked about, never dropped.
  {
    text: 'pause all agents except the lead scrapr',
    operations: Array(7).fill('pauseAgent'),
    targets: activeAgents.filter((name) => name !== 'Lead Scraper'),
  },
  {
    text: 'delete everything except the ghost agent',
    reply: /^Which agents should I leave out\? I found no agent called "the ghost agent"/,
  },
  { text: 'delete all webhooks', reply: /^I did not understand/ },
  // "Them" with nobody spoken of is asked about, never read as every agent.
  {
    text: 'stop all of them',
    reply: /^Which agents do you mean by "them"\? Name them, or say "pause all agents"/,
  },
  { text: 'turn every agent off for now', operations: Array(8).fill('pauseAgent'), targets: activeAgents },
  {
    text: 'pause all the failing agents',
    operations: Array(5).fill('pauseAgent'),
    targets: failingActive,
  },
  { text: 'pause every agent that failed', operations: Array(5).fill('pauseAgent'), targets: failingActive },
  { text: 'disable the broken ones', operations: Array(5).fill('pauseAgent'), targets: failingActive },
  {
    text: 'pause everything except the reporter',
    operations: Array(7).fill('pauseAgent'),
    targets: activeAgents.filter((name) => name !== 'Reporter'),
  },
  {
    text: "Pause everything that's failing",
    operations: Array(5).fill('pauseAgent'),
    targets: failingActive,
  },
  {
    text: 'disable all agents which’s failing',
    operations: Array(5).fill('pauseAgent'),
    targets: failingActive,
  },
  {
    text: 'Pause everything except the lead scraper and the price monitor',
    operations: Array(6).fill('pauseAgent'),
    targets: activeAgents.filter((name) => name !== 'Lead Scraper' && name !== 'example.com Price Monitor'),
  },
  {
    text: 'stop everything but not the reporter or the lead scraper',
    operations: Array(6).fill('pauseAgent'),
    targets: activeAgents.filter((name) => name !== 'Reporter' && name !== 'Lead Scraper'),
  },
  // A reason or plan of the speaker's after a comma never changes the verb; "can you" is no new agent.
  {
    text: "can you stop the weekly report for now, we're all on holiday till january",
    operations: ['pauseAgent'],
    agent: 'Weekly Report',
  },
  {
    text: "can you pause the lead scraper, i'll turn it back on monday",
    operations: ['pauseAgent'],
    agent: 'Lead Scraper',
  },
  {
    text: 'Can you halt the monthly report for a while, we are rebuilding it',
    operations: ['pauseAgent'],
    agent: 'Monthly Report',
  },
  { text: 'resume all paused ones', operations: ['resumeAgent'], agent: 'Job Collector' },
  { text: 'unpause every paused agent', operations: ['resumeAgent'], agent: 'Job Collector' },
  {
    text: 'run all the reports',
    operations: ['runAgent', 'runAgent'],
    targets: ['Weekly Report', 'Monthly Report'],
  },
  { text: 'test each of the scrapers', operations: ['runAgent'], agent: 'Lead Scraper' },
  { text: 'delete every agent that never ran', reply: /no agent that never ran/ },
  { text: 'resume all the active agents', reply: /already active/ },
  // Running and testing now.
  { text: 'run the lead scraper', operations: ['runAgent'], agent: 'Lead Scraper' },
  { text: 'test the price monitor now', operations: ['runAgent'], agent: 'example.com Price Monitor' },
  { text: 'try the weekly report', operations: ['runAgent'], agent: 'Weekly Report' },
  { text: 'kick off the monthly report', operations: ['runAgent'], agent: 'Monthly Report' },
  { text: 'execute the reporting agent', operations: ['runAgent'], agent: 'Reporting Agent' },
  { text: 'Run Lead Scraper with {"limit": 5}', operations: ['runAgent'], agent: 'Lead Scraper' },
  { text: 'trigger the price monitor', operations: ['runAgent'], agent: 'example.com Price Monitor' },
  { text: 'run the report', question: 'agent' },
  // Questions about the workspace.
  { text: 'what agents do I have?', reply: /9 agents/ },
  { text: 'which agents are there', reply: /Lead Scraper/ },
  { text: 'list my agents', reply: /Job Collector \(version 1, paused/ },
  { text: 'show me all agents', reply: /Monthly Report/ },
  { text: 'how many agents do I have', reply: /9 agents/ },
  // A failure that a retry may fix comes with the fix as a plan.
  {
    text: 'why did the weekly report fail?',
    reply: /Weekly Report" failed at step "fetch"/,
    operations: ['updateAgent'],
    agent: 'Weekly Report',
  },
  {
    text: 'what went wrong with the weekly report',
    reply: /failed at step "fetch"/,
    operations: ['updateAgent'],
    agent: 'Weekly Report',
  },
  { text: 'why did the lead scraper fail', reply: /did not fail/ },
  // A page that moved: the new address in the request makes the plan, else a question asks for it.
  { text: 'why did the monthly report fail?', question: 'url' },
  { text: 'what went wrong with the monthly report', question: 'url' },
  {
    text: 'why did the monthly report fail? use https://example.com/our-team instead',
    reply: /answered 404.*https:\/\/example\.com\/our-team instead/s,
    operations: ['updateAgent'],
    agent: 'Monthly Report',
  },
  // A layout that changed: the new selector in the request makes the plan, else a question.
  { text: 'why did the job collector fail', question: 'selector' },
  {
    text: 'why is the job collector failing? each job is `.job-card` now',
    reply: /look for `\.job-card` instead of `\.lead`/,
    operations: ['updateAgent'],
    agent: 'Job Collector',
  },
  // A refused sign-in or an account to reconnect: how, exactly, and the screenshot when there is one.
  {
    text: 'why did the reporter fail?',
    reply:
      /refused the sign-in.*PATCH \/api\/workspaces\/[\w-]+\/connections\/[\w-]+ \{"secret": \{"password".*screenshot of the page when it failed: \/api\/workspaces\/.*\/content/s,
  },
  {
    text: 'what happened to the reporter',
    reply: /Wrong password.*POST \/api\/workspaces\/[\w-]+\/connections\/[\w-]+\/test/s,
  },
  {
    text: 'why did the reporting agent (old) fail',
    reply:
      /expired.*Connect on its page, \/w\/[\w-]+\/accounts\/[\w-]+.*POST \/api\/workspaces\/[\w-]+\/connections\/[\w-]+\/authorize and open the authorizationUrl/s,
  },
  {
    text: 'why did the data collector fail',
    reply:
      /no connected account "sheets".*POST \/api\/workspaces\/[\w-]+\/connections \{"service": "sheets", "kind": "api_key"/s,
  },
  // An account the workspace has, connected again: its own service, label and kind.
  {
    text: 'reconnect the crm account',
    operations: ['connectAccount'],
    connection: { service: 'crm', kind: 'oauth2', allowedHosts: ['crm.example.com'] },
  },
  {
    text: 'hook up the crm again, the token expired',
    operations: ['connectAccount'],
    connection: { service: 'crm', kind: 'oauth2', allowedHosts: ['crm.example.com'] },
  },
  {
    text: 're-auth crm',
    operations: ['connectAccount'],
    connection: { service: 'crm', kind: 'oauth2', allowedHosts: ['crm.example.com'] },
  },
  {
    text: 'Reauthorize CRM pls',
    operations: ['connectAccount'],
    connection: { service: 'crm', kind: 'oauth2', allowedHosts: ['crm.example.com'] },
  },
  {
    text: 'the crm token got revoked',
    operations: ['connectAccount'],
    connection: { service: 'crm', kind: 'oauth2', allowedHosts: ['crm.example.com'] },
  },
  {
    text: 'connect the crm again',
    operations: ['connectAccount'],
    connection: { service: 'crm', kind: 'oauth2', allowedHosts: ['crm.example.com'] },
  },
  {
    text: 'renew the supplier portal login, the password changed',
    operations: ['connectAccount'],
    connection: { service: 'supplier-portal', kind: 'login', allowedHosts: ['portal.example.com'] },
  },
  {
    text: 'reconect the account the reporter uses',
    operations: ['connectAccount'],
    connection: { service: 'supplier-portal', kind: 'login', allowedHosts: ['portal.example.com'] },
  },
  {
    text: 'relink supplier-portal',
    operations: ['connectAccount'],
    connection: { service: 'supplier-portal', kind: 'login', allowedHosts: ['portal.example.com'] },
  },
  // "What's wrong with X" and its kin ask why X failed: never which action, never the agent list.
  { text: "what's wrong with the reporter", reply: /"Reporter" failed at step "login".*Wrong password/s },
  {
    text: 'the weekly report keeps failing, whats going on',
    reply: /"Weekly Report" failed at step "fetch".*ECONNRESET/s,
    operations: ['updateAgent'],
    agent: 'Weekly Report',
  },
  {
    text: 'why isnt the data colector working?',
    reply: /"Data Collector" failed.*no connected account "sheets"/s,
  },
  { text: "reporting agent (old)'s problem?", reply: /"Reporting Agent \(old\)" failed.*expired/s },
  {
    text: 'hmm the monthly report is broken again',
    reply: /"Monthly Report" failed 1 of 2 runs.*404 Not Found/s,
  },
  { text: 'whats up with the job collector', question: 'selector' },
  {
    text: 'lead scraper doesnt work anymore??',
    reply:
      /"Lead Scraper" did not fail on its last run \(it succeeded\)\. Its last failure: Friday 20 November.*longer than 30 s/,
  },
  {
    text: 'what is the problem with the reporting agent',
    reply: /^"Reporting Agent" did not fail on its last run/,
  },
  { text: 'can you fix whatever is wrong', reply: /Which agent\? These failed last time: "Weekly Report"/ },
  // Things it does not understand, said plainly.
  { text: 'purple elephants sing', reply: /did not understand/ },
  { text: 'hello', reply: /did not understand/ },
  { text: 'the lead scraper', reply: /run, change, pause, resume or delete/ },
  // Schedules in words, in the user's time zone (Europe/Berlin) unless one is named.
  {
    text: 'schedule the data collector to run every morning at 8am',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '0 8 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the lead scraper every weekday at 9:30',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { cron: '30 9 * * 1-5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the price monitor every 15 minutes',
    operations: ['scheduleAgent'],
    agent: 'example.com Price Monitor',
    schedule: { cron: '*/15 * * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the monthly report hourly',
    operations: ['scheduleAgent'],
    agent: 'Monthly Report',
    schedule: { cron: '0 * * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'Run the reporter on Mondays at 7',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { cron: '0 7 * * 1', timezone: 'Europe/Berlin' },
  },
  {
    text: 'schedule the data collector every day at 6pm in Europe/London',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '0 18 * * *', timezone: 'Europe/London' },
  },
  {
    text: 'have the weekly report scheduled for weekdays at 7:15 pacific time',
    operations: ['scheduleAgent'],
    agent: 'Weekly Report',
    schedule: { cron: '15 7 * * 1-5', timezone: 'America/Los_Angeles' },
  },
  {
    text: 'create an agent that monitors https://example.com/status every morning at 8am',
    operations: ['createAgent', 'runAgent', 'scheduleAgent'],
    schedule: { cron: '0 8 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'can you schedule the lead scraper every day at 9?',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { cron: '0 9 * * *', timezone: 'Europe/Berlin' },
  },
  // One time of several taken off a schedule: never a pause.
  {
    text: "turn off the price monitor's 6am run, keep the 10am one",
    operations: ['scheduleAgent'],
    agent: 'example.com Price Monitor',
    schedule: { cron: '0 10 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: "get rid of the price monitor's 10am slot",
    operations: ['scheduleAgent'],
    agent: 'example.com Price Monitor',
    schedule: { cron: '0 6 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'price monitor - only keep the 6am check',
    operations: ['scheduleAgent'],
    agent: 'example.com Price Monitor',
    schedule: { cron: '0 6 * * *', timezone: 'Europe/Berlin' },
  },
  // Every other week cannot be said by a schedule: asked, with the nearest offered.
  { text: 'weekly report every other thursday at 3pm', question: 'schedule' },
  { text: 'run the lead scraper fortnightly on tuesdays', question: 'schedule' },
  { text: 'can the reporter run every second week on friday', question: 'schedule' },
  { text: 'data collector biweekly, mondays 9am', question: 'schedule' },
  { text: 'schedule the reporter on alternate wednesdays', question: 'schedule' },
  // Several days of the month.
  {
    text: 'could the monthly report run on the 1st and the 15th at 7am?',
    operations: ['scheduleAgent'],
    agent: 'Monthly Report',
    schedule: { cron: '0 7 1,15 * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'schedule the reporter for the 10th & 20th of each month, 18:00',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { cron: '0 18 10,20 * *', timezone: 'Europe/Berlin' },
  },
  // Office hours and bare ranges of hours.
  {
    text: 'lead scraper: every 15 min during business hours on weekdays',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { cron: '*/15 9-16 * * 1-5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the data collector hourly (8-6) mon to fri',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '0 8-18 * * 1-5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'reporter every 2 hours in working hours',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { cron: '0 9-17/2 * * *', timezone: 'Europe/Berlin' },
  },
  // Time zone abbreviations, with the days after them kept.
  {
    text: 'schedule the reporter at 10am PST on tuesdays',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { cron: '0 10 * * 2', timezone: 'America/Los_Angeles' },
  },
  {
    text: 'run the lead scraper at 7 est every weekday',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { cron: '0 7 * * 1-5', timezone: 'America/New_York' },
  },
  {
    text: 'data collector daily 6pm CET',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '0 18 * * *', timezone: 'Europe/Paris' },
  },
  // One day named with its month, or a weekday with its date: one run.
  {
    text: 'reporter: run it at 16:30 on the 2nd of december',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { runAt: '2026-12-02T15:30:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the lead scraper once on friday the 4th at 9',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { runAt: '2026-12-04T08:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'data collector at 8am on dec 1',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { runAt: '2026-12-01T07:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  { text: 'schedule the lead scraper every blue moon', question: 'schedule' },
  { text: 'schedule the job collector', question: 'schedule' },
  { text: 'run the reporter every day at 7 in Mars/Olympus', question: 'schedule' },
  { text: 'schedule the report every day at noon', question: 'agent' },
  { text: 'run the weekly report every Monday at 8am', reply: /already runs on that schedule/ },
  {
    text: 'stop running the weekly report on a schedule',
    operations: ['unscheduleAgent'],
    agent: 'Weekly Report',
  },
  {
    text: "stop running the price monitor automatically, I'll kick it off by hand when I need it",
    operations: ['unscheduleAgent'],
    agent: 'example.com Price Monitor',
  },
  {
    text: "don't run the weekly report on its own anymore",
    operations: ['unscheduleAgent'],
    agent: 'Weekly Report',
  },
  { text: 'stop runing the lead scraper by itself', reply: /has no schedule/ },
  // A new selector, said about the selector or about what the items are now.
  {
    text: "job collector's selector is wrong, the listings are .job-card now",
    operations: ['updateAgent'],
    agent: 'Job Collector',
  },
  {
    text: 'Job Collector selector should be .job-card not .lead',
    operations: ['updateAgent'],
    agent: 'Job Collector',
  },
  { text: 'the lead scrapers selector shud be .person', operations: ['updateAgent'], agent: 'Lead Scraper' },
  {
    text: 'change the selector of the lead scraper to .member instead of .lead',
    operations: ['updateAgent'],
    agent: 'Lead Scraper',
  },
  { text: 'unschedule the weekly report', operations: ['unscheduleAgent'], agent: 'Weekly Report' },
  { text: 'remove the schedule of the lead scraper', reply: /has no schedule/ },
  // Stopping runs at some times: a day off the schedule (no schedule when it was the only day),
  // the schedule removed when no day is named; never a pause.
  {
    text: 'stop the weekly report from running on mondays',
    operations: ['unscheduleAgent'],
    agent: 'Weekly Report',
  },
  {
    text: 'stop running the weekly report on monday',
    operations: ['unscheduleAgent'],
    agent: 'Weekly Report',
  },
  {
    text: "don't run the price monitor on fridays anymore",
    operations: ['scheduleAgent'],
    agent: 'example.com Price Monitor',
    schedule: { cron: '0 6,10 * * 0-4,6', timezone: 'Europe/Berlin' },
  },
  {
    text: 'the price monitor shouldnt run at weekends',
    operations: ['scheduleAgent'],
    agent: 'example.com Price Monitor',
    schedule: { cron: '0 6,10 * * 1-5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'pls never run the price montor on saturdays or sundays',
    operations: ['scheduleAgent'],
    agent: 'example.com Price Monitor',
    schedule: { cron: '0 6,10 * * 1-5', timezone: 'Europe/Berlin' },
  },
  { text: 'skip mondays for the weekly report', operations: ['unscheduleAgent'], agent: 'Weekly Report' },
  {
    text: 'stop the price monitor running every hour',
    operations: ['unscheduleAgent'],
    agent: 'example.com Price Monitor',
  },
  {
    text: 'Stop the Price Monitor from firing every morning',
    operations: ['unscheduleAgent'],
    agent: 'example.com Price Monitor',
  },
  { text: 'stop the weekly report running on tuesdays', reply: /does not run on Tuesdays/ },
  { text: 'stop the reporter from running on mondays', reply: /has no schedule/ },
  // One-off times (issue 13): a single run at a time ahead, in the user's zone (Europe/Berlin,
  // an hour ahead of UTC in winter); the agent's schedule stays. The corpus is planned on Tuesday
  // 24 November 2026 at 11:00 in Berlin.
  {
    text: 'run the price monitor next Tuesday at 3pm',
    operations: ['scheduleAgent'],
    agent: 'example.com Price Monitor',
    schedule: { runAt: '2026-12-01T14:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the lead scraper in two hours',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { runAt: '2026-11-24T12:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the reporter tomorrow at 9',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { runAt: '2026-11-25T08:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'schedule the data collector for tomorrow at 18:30',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { runAt: '2026-11-25T17:30:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the monthly report in 30 minutes',
    operations: ['scheduleAgent'],
    agent: 'Monthly Report',
    schedule: { runAt: '2026-11-24T10:30:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'can you run the weekly report this friday at 5pm?',
    operations: ['scheduleAgent'],
    agent: 'Weekly Report',
    schedule: { runAt: '2026-11-27T16:00:00.000Z', timezone: 'Europe/Berlin' },
    reply: /once, on Friday 27 November at 17:00.*Its schedule \(at 08:00 AM, only on Monday/,
  },
  {
    text: 'run the lead scraper on 12 December at 10:30',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { runAt: '2026-12-12T09:30:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the reporter tonight at 8',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { runAt: '2026-11-24T19:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the lead scraper next monday at 7 in Europe/London',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { runAt: '2026-11-30T07:00:00.000Z', timezone: 'Europe/London' },
  },
  {
    text: 'run the data collector tomorrow at 9 in America/New_York',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { runAt: '2026-11-25T14:00:00.000Z', timezone: 'America/New_York' },
  },
  {
    text: 'run the lead scraper in 3 hours',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { runAt: '2026-11-24T13:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the reporter on December 24 at noon',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { runAt: '2026-12-24T11:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  { text: 'run the lead scraper tomorrow', question: 'schedule', reply: /At what time tomorrow/ },
  {
    text: 'create an agent that monitors https://example.com/status and run it tomorrow at 9',
    operations: ['createAgent', 'runAgent', 'scheduleAgent'],
    schedule: { runAt: '2026-11-25T08:00:00.000Z', timezone: 'Europe/Berlin' },
    reply: /Then it runs once, on Wednesday 25 November at 09:00/,
  },
  { text: 'run the price monitor on 1 March 2020 at 9', reply: /has already passed/ },
  // Several times a day: one cron when the minutes agree; a question with options when not.
  {
    text: 'run the lead scraper at 7 and 19',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { cron: '0 7,19 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the data collector every day at 8, 13 and 18',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '0 8,13,18 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'schedule the reporter on weekdays at 7am and 7pm',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { cron: '0 7,19 * * 1-5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the reporter at 6:15 and 18:15',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { cron: '15 6,18 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the lead scraper every day at 7:30 and 18:00',
    question: 'schedule',
    reply: /different minutes.*at 7:30 and 18:30, or at 7:00 and 18:00/,
  },
  { text: 'run the data collector three times a day', question: 'schedule', reply: /at 8, 13 and 18/ },
  { text: 'run the monthly report twice a day', question: 'schedule', reply: /at 8 and 18/ },
  // Ranges of hours: the plan says when the last run is and whether the end hour is included.
  {
    text: 'run the price monitor every 30 minutes from 9 to 17 on weekdays',
    operations: ['scheduleAgent'],
    agent: 'example.com Price Monitor',
    schedule: { cron: '*/30 9-16 * * 1-5', timezone: 'Europe/Berlin' },
    reply: /last run each day is at 16:30; 17:00 itself is not included/,
  },
  {
    text: 'run the monthly report hourly between 8am and 6pm',
    operations: ['scheduleAgent'],
    agent: 'Monthly Report',
    schedule: { cron: '0 8-18 * * *', timezone: 'Europe/Berlin' },
    reply: /last run each day is at 18:00\./,
  },
  {
    text: 'run the lead scraper every 15 minutes between 9am and 5pm',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { cron: '*/15 9-16 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the data collector every 2 hours from 8 to 18 on weekdays',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '0 8-18/2 * * 1-5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the reporter every 10 minutes from 9 to 5',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { cron: '*/10 9-16 * * *', timezone: 'Europe/Berlin' },
  },
  // What a schedule cannot say: said plainly, with the nearest as options; never "already runs".
  {
    text: 'run the weekly report every other week',
    question: 'schedule',
    reply: /cannot say "every other week".*every monday at 9:00/,
  },
  { text: 'run the reporter every 10 days', question: 'schedule', reply: /cannot say "every 10 days"/ },
  {
    text: 'schedule the lead scraper every 2 weeks on friday at 10',
    question: 'schedule',
    reply: /cannot say "every 2 weeks".*every friday at 10:00/,
  },
  {
    text: 'run the data collector every other day at 7',
    question: 'schedule',
    reply: /cannot say "every other day".*every day at 7:00/,
  },
  {
    text: 'run the weekly report fortnightly on mondays at 8am',
    question: 'schedule',
    reply: /cannot say "fortnightly".*every monday at 8:00/,
  },
  { text: 'run the reporter biweekly', question: 'schedule', reply: /cannot say "biweekly"/ },
  {
    text: 'run the monthly report on the last Friday of the month',
    operations: ['scheduleAgent'],
    agent: 'Monthly Report',
    schedule: { cron: '0 9 * * 5L', timezone: 'Europe/Berlin' },
  },
  // Questions about when agents run.
  {
    text: 'when does the weekly report run next?',
    reply:
      /"Weekly Report" runs at 08:00 AM, only on Monday \(Europe\/Berlin\)\. Next: Monday 30 November at 08:00/,
  },
  { text: 'when will the reporting agent run', reply: /no schedule: it runs after "Lead Scraper" succeeds/ },
  // Chains.
  {
    text: 'when the data collector finishes, send its results to the reporter',
    operations: ['chainAgents'],
    chain: { from: 'Data Collector', to: 'Reporter', on: 'success' },
  },
  {
    text: 'chain the reporting agent after the weekly report',
    operations: ['chainAgents'],
    chain: { from: 'Weekly Report', to: 'Reporting Agent', on: 'success' },
  },
  {
    text: 'chain reporter right after the data collector pls',
    operations: ['chainAgents'],
    chain: { from: 'Data Collector', to: 'Reporter', on: 'success' },
  },
  {
    text: 'after the price monitor succeeds run the reporter',
    operations: ['chainAgents'],
    chain: { from: 'example.com Price Monitor', to: 'Reporter', on: 'success' },
  },
  {
    text: 'if the job collector fails, run the reporter',
    operations: ['chainAgents'],
    chain: { from: 'Job Collector', to: 'Reporter', on: 'failure' },
  },
  {
    text: 'chain the data collector to the monthly report, whether it succeeds or fails',
    operations: ['chainAgents'],
    chain: { from: 'Data Collector', to: 'Monthly Report', on: 'always' },
  },
  {
    text: 'run the reporter after the data collector',
    operations: ['chainAgents'],
    chain: { from: 'Data Collector', to: 'Reporter', on: 'success' },
  },
  // A time after "for"; a time changed keeps the days it ran on, a schedule set afresh does not.
  {
    text: 'schedule the lead scraper for 7am',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { cron: '0 7 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'change the weekly report to run at 9 instead of 8',
    operations: ['scheduleAgent'],
    agent: 'Weekly Report',
    schedule: { cron: '0 9 * * 1', timezone: 'Europe/Berlin' },
  },
  {
    text: 'move the weekly report to every day at 7',
    operations: ['scheduleAgent'],
    agent: 'Weekly Report',
    schedule: { cron: '0 7 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'the lead scraper should run after the data collector',
    operations: ['chainAgents'],
    chain: { from: 'Data Collector', to: 'Lead Scraper', on: 'success' },
  },
  {
    text: 'have the reporter kick off once the lead scraper is done',
    operations: ['chainAgents'],
    chain: { from: 'Lead Scraper', to: 'Reporter', on: 'success' },
  },
  {
    text: 'reporter needs to run when data collector fails',
    operations: ['chainAgents'],
    chain: { from: 'Data Collector', to: 'Reporter', on: 'failure' },
  },
  { text: 'when the collector finishes, send its results to the reporter', question: 'agent' },
  { text: 'when the reporting agent finishes, run the lead scraper', reply: /would make a loop/ },
  { text: 'when the lead scraper is done, run the reporting agent', reply: /already starts/ },
  {
    text: 'when the data collector finishes, send its results to the accountant',
    reply: /could not find an agent called "the accountant"/,
  },
  {
    text: 'remove the link from lead scraper to reporting agent',
    operations: ['unchainAgents'],
    chain: { from: 'Lead Scraper', to: 'Reporting Agent' },
  },
  {
    text: 'delete the connection between the lead scraper and the reporting agent',
    operations: ['unchainAgents'],
    chain: { from: 'Lead Scraper', to: 'Reporting Agent' },
  },
  {
    text: 'stop sending the lead scraper’s results to the reporting agent',
    operations: ['unchainAgents'],
    chain: { from: 'Lead Scraper', to: 'Reporting Agent' },
  },
  {
    text: 'unchain the reporting agent from the lead scraper',
    operations: ['unchainAgents'],
    chain: { from: 'Lead Scraper', to: 'Reporting Agent' },
  },
  { text: 'unchain the data collector from the reporter', reply: /are not chained/ },
  // A chain named by no agent: the workspace's only one.
  {
    text: 'stop the chain',
    operations: ['unchainAgents'],
    chain: { from: 'Lead Scraper', to: 'Reporting Agent' },
  },
  {
    text: 'pls remove the handoff',
    operations: ['unchainAgents'],
    chain: { from: 'Lead Scraper', to: 'Reporting Agent' },
  },
  // A connected account removed: said where, with the agents it would break, never planned.
  {
    text: 'delete the crm connection',
    reply:
      /"crm" \(oauth2, for crm\.example\.com\)\. "Reporting Agent \(old\)" signs in with it.*Accounts page.*DELETE \/api\/workspaces/s,
  },
  {
    text: 'disconnect the supplier portal',
    reply: /"supplier-portal" \(login.*"Reporter" signs in with it/s,
  },
  { text: 'get rid of a connection', reply: /Which account\? .*"supplier-portal".*"crm"/ },
  // A step taken out of an agent is never the agent deleted.
  {
    text: 'remove the crm step from the reporter',
    reply: /delete the whole of "Reporter", or only take a step out of it\? Its steps: 1\. login/,
  },
  // Other verbs that part two agents, in either order they are named.
  {
    text: 'disconnect the reporting agent from the lead scraper',
    operations: ['unchainAgents'],
    chain: { from: 'Lead Scraper', to: 'Reporting Agent' },
  },
  {
    text: 'stop the lead scraper feeding the reporting agent',
    operations: ['unchainAgents'],
    chain: { from: 'Lead Scraper', to: 'Reporting Agent' },
  },
  {
    text: 'detach lead scrapr from the reporting agent',
    operations: ['unchainAgents'],
    chain: { from: 'Lead Scraper', to: 'Reporting Agent' },
  },
  {
    text: 'can you unlink the reporting agent and the lead scraper',
    operations: ['unchainAgents'],
    chain: { from: 'Lead Scraper', to: 'Reporting Agent' },
  },
  {
    text: "stop the lead scraper from triggering the reporting agent, it's too noisy",
    operations: ['unchainAgents'],
    chain: { from: 'Lead Scraper', to: 'Reporting Agent' },
  },
  { text: 'decouple the data collector from the reporter', reply: /are not chained/ },
  // The chain named as a thing, by its agents before or after the word.
  ...[
    'stop the lead scraper → reporting agent chain',
    'kill the chain lead scraper -> reporting agent',
    'cancel the lead scraper’s chain',
    'turn off the chain from the lead scraper to the reporting agent',
  ].map((text) => ({
    text,
    operations: ['unchainAgents'] as OperationType[],
    chain: { from: 'Lead Scraper', to: 'Reporting Agent' },
  })),
  // Connecting accounts: the plan makes the account waiting for its secret, which never passes
  // through the chat; what the settings need and the request lacks becomes a question.
  {
    text: 'connect my GitHub account',
    operations: ['connectAccount'],
    connection: { service: 'github', kind: 'api_key', allowedHosts: ['api.github.com'] },
    reply: /PATCH \/api\/workspaces\/:ws\/connections\/:id \{"secret": \{"apiKey": "…"\}\}/,
  },
  {
    text: 'add an API key for Stripe',
    operations: ['connectAccount'],
    connection: { service: 'stripe', kind: 'api_key', allowedHosts: ['api.stripe.com'] },
  },
  {
    text: 'connect the acme portal login buyer@example.com at https://portal.acme.test/login',
    operations: ['connectAccount'],
    connection: { service: 'acme-portal', kind: 'login', allowedHosts: ['portal.acme.test'] },
    reply: /"password"/,
  },
  {
    text: 'Please link our Billing api token, it may only go to api.billing-example.io',
    operations: ['connectAccount'],
    connection: { service: 'billing', kind: 'api_key', allowedHosts: ['api.billing-example.io'] },
  },
  {
    text: 'connect my Google account, client id 1234.apps.googleusercontent.com',
    operations: ['connectAccount'],
    connection: { service: 'google', kind: 'oauth2', allowedHosts: ['*.googleapis.com'] },
    reply: /POST \/api\/workspaces\/:ws\/connections\/:id\/authorize/,
  },
  { text: 'add an api token for acme', question: 'host' },
  { text: 'connect our billing portal login', question: 'username' },
  { text: 'connect my Microsoft account', question: 'client' },
  { text: 'connect my acme account', question: 'kind' },
  {
    text: 'connect the supplier portal login buyer@example.com at https://portal.example.com',
    reply:
      /already connected.*PATCH \/api\/workspaces\/[\w-]+\/connections\/[\w-]+ \{"secret": \{"password"/s,
  },
  // JSON APIs, feeds and uptime checks: read whole, by items, by status; never a selector question.
  {
    text: 'pull the json from https://api.shopexample.com/v2/orders every hour pls',
    operations: [...create, 'scheduleAgent'],
    schedule: { cron: '0 * * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'hey, can you grab whatever https://example.com/api/stock returns and email it to me',
    operations: create,
  },
  {
    text: 'watch the endpoint https://data.example.org/rates.json for changes and ping https://hooks.example.com/r',
    operations: create,
  },
  {
    text: 'i need an agent that calls our api https://internal.example.net/status/summary daily',
    operations: [...create, 'scheduleAgent'],
    schedule: { cron: '0 9 * * *', timezone: 'Europe/Berlin' },
  },
  {
    // "Tell me" with no channel (and no preferred one in the fixture): asks how.
    text: 'read the rss feed at https://blog.example.com/feed and tell me about new posts',
    question: 'notify',
  },
  {
    text: 'follow https://news.example.org/rss.xml and email me new headlines every morning',
    operations: [...create, 'scheduleAgent'],
    schedule: { cron: '0 8 * * *', timezone: 'Europe/Berlin' },
  },
  { text: 'subscribe to the atom feed https://example.dev/releases.atom plz', operations: create },
  {
    text: 'check if https://shop.example.com is up every 5 minutes and email me if its down',
    operations: [...create, 'scheduleAgent'],
    schedule: { cron: '*/5 * * * *', timezone: 'Europe/Berlin' },
  },
  { text: 'let me know when https://api.example.com/health goes down', question: 'notify' },
  { text: 'let me know by email when https://api.example.com/health goes down', operations: create },
  { text: 'monitor uptime of https://example.io', operations: create },
  {
    text: 'ping https://status.example.net every minute and post to https://hooks.example.com/down when it stops responding',
    operations: [...create, 'scheduleAgent'],
    schedule: { cron: '* * * * *', timezone: 'Europe/Berlin' },
  },
  { text: 'can u set up an uptime check for me', question: 'url' },
  { text: 'make an agent that reads a json api', question: 'url' },
  // Questions about runs, schedules, failures, costs and what agents do.
  ...questionCorpus,
  // Several requests in one message.
  ...multiIntentCorpus,
  // Rename, copy, split, "make X …", verbs in any form, digests.
  ...agentVerbCorpus,
  // Times of day in words: the British half hour, quarters, "8ish", midday.
  {
    text: 'run the lead scraper every weekday at half 8',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { cron: '30 8 * * 1-5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'schedule the data collector daily at quarter past 7',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '15 7 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run weekly report at quarter to 9 on mondays',
    operations: ['scheduleAgent'],
    agent: 'Weekly Report',
    schedule: { cron: '45 8 * * 1', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the reporter every day 8ish',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { cron: '0 8 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the lead scraper every day at midday',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { cron: '0 12 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the reporter tomorrow at half past 8',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { runAt: '2026-11-25T07:30:00.000Z', timezone: 'Europe/Berlin' },
  },
  // Moving an agent to a time is a schedule change, not a new agent.
  {
    text: 'move the price monitor to 9am only',
    operations: ['scheduleAgent'],
    agent: 'example.com Price Monitor',
    schedule: { cron: '0 9 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'move the lead scraper to every 3 hours',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { cron: '0 */3 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'shift the weekly report to 7:30',
    operations: ['scheduleAgent'],
    agent: 'Weekly Report',
    // A time moved keeps the days it ran on: still Mondays.
    schedule: { cron: '30 7 * * 1', timezone: 'Europe/Berlin' },
  },
  {
    text: 'can you push the data collector to half 9',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '30 9 * * *', timezone: 'Europe/Berlin' },
  },
  // Reasons beside a request, and "on"/"off" after the agent.
  { text: 'pause reporter because it keeps failing', operations: ['pauseAgent'], agent: 'Reporter' },
  {
    text: 'remove weekly report since the reporting agent does that now',
    operations: ['deleteAgent'],
    agent: 'Weekly Report',
  },
  { text: 'switch the weekly report off for now', operations: ['pauseAgent'], agent: 'Weekly Report' },
  { text: 'turn job collector on again', operations: ['resumeAgent'], agent: 'Job Collector' },
  // A pause or a resume at a later time: said plainly, never done now without asking.
  { text: 'resume job collector next monday', reply: /cannot resume "Job Collector" at a later time/ },
  {
    text: 'turn the job collector back on tomorrow morning',
    reply: /cannot resume "Job Collector" at a later time.*resume it now instead/s,
  },
  { text: 'pause the reporter until friday', operations: ['pauseAgent'], agent: 'Reporter' }, // Hours said as words, a weekday said once, times listed after a count, months, and what a
  // schedule cannot say (issue 13, one-line requests written blind).
  {
    text: 'have the monthly report go at half seven on fridays',
    operations: ['scheduleAgent'],
    agent: 'Monthly Report',
    schedule: { cron: '30 7 * * 5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'data collector: weekdays at a quarter to nine',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '45 8 * * 1-5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the job collector at ten on sundays',
    operations: ['scheduleAgent'],
    agent: 'Job Collector',
    schedule: { cron: '0 10 * * 0', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the data collector just once on thursday at 2pm',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { runAt: '2026-11-26T13:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'let the reporter run one time on saturday at 10am',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { runAt: '2026-11-28T09:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'the data collector should go three times a day: 7, 12 and 19',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '0 7,12,19 * * *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'weekly report at 9am and 4pm, twice a day',
    operations: ['scheduleAgent'],
    agent: 'Weekly Report',
    schedule: { cron: '0 9,16 * * *', timezone: 'Europe/Berlin' },
  },
  { text: 'data collector twice a day at 9', question: 'schedule' },
  {
    text: 'run the reporter hourly during june and july only',
    operations: ['scheduleAgent'],
    agent: 'Reporter',
    schedule: { cron: '0 * * 6,7 *', timezone: 'Europe/Berlin' },
  },
  {
    text: 'schedule the data collector for weekdays at 8 from april to september',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '0 8 * 4-9 1-5', timezone: 'Europe/Berlin' },
  },
  { text: 'run the monthly report on the first business day of every month', question: 'schedule' },
  // Verbs and names as people write them: retry, a run asked for as a noun, two name words as
  // one, an agent's name that holds a kind of agent, a page that moved.
  { text: 'please retry the weekly report', operations: ['runAgent'], agent: 'Weekly Report' },
  { text: 'give the job collector a quick spin', operations: ['runAgent'], agent: 'Job Collector' },
  // "A run of X" asked for is a run, not the runs before it.
  { text: 'can you do a quick run of the job collector', operations: ['runAgent'], agent: 'Job Collector' },
  { text: 'start a fresh run of the data collector', operations: ['runAgent'], agent: 'Data Collector' },
  { text: 'pause the datacollector', operations: ['pauseAgent'], agent: 'Data Collector' },
  {
    text: 'price monitor on weekdays at 7',
    operations: ['scheduleAgent'],
    agent: 'example.com Price Monitor',
    schedule: { cron: '0 7 * * 1-5', timezone: 'Europe/Berlin' },
  },
  {
    text: "the lead scraper's page is now at https://example.com/people",
    operations: ['updateAgent'],
    agent: 'Lead Scraper',
  },
  {
    text: 'tweak the job collector so it reads https://jobs.example.com/all',
    operations: ['updateAgent'],
    agent: 'Job Collector',
  },
  { text: 'unschedule it', question: 'agent' },
  { text: 'put it on a schedule', question: 'agent' },
  // A day of the month in words, without "on the".
  {
    text: 'run the weekly report the second of every month at 8am',
    operations: ['scheduleAgent'],
    agent: 'Weekly Report',
    schedule: { cron: '0 8 2 * *', timezone: 'Europe/Berlin' },
  },
  // Listed times in the order of the day: a smaller bare hour after a bigger one is the afternoon.
  {
    text: 'schedule the data collector at 8 and 4',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '0 8,16 * * *', timezone: 'Europe/Berlin' },
  },
  // A wish for an agent the workspace has is no new agent.
  {
    text: 'i need the data collector going every weekday at 6',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '0 6 * * 1-5', timezone: 'Europe/Berlin' },
  },
  // An account for a site named by its host.
  {
    text: 'set up a login for shop.example-traders.com, username ada',
    operations: ['connectAccount'],
    connection: { service: 'example-traders', kind: 'login', allowedHosts: ['shop.example-traders.com'] },
  },
  // Agents by what happened to them today.
  {
    text: 'run again whatever failed today',
    operations: ['runAgent', 'runAgent'],
    targets: ['Monthly Report', 'Data Collector'],
  },
  // Is an agent chained, said as hooked up.
  {
    text: 'is the data collector hooked up to any other agent?',
    reply: /Nothing is chained to "Data Collector"/,
  },
  // A copy working elsewhere, said as pointing it at an address.
  {
    text: 'duplicate the lead scraper and point it to https://example.com/board',
    operations: ['createAgent', 'runAgent'],
    reply:
      /a copy of "Lead Scraper", reading https:\/\/example\.com\/board instead of https:\/\/example\.com\/team/,
  },
  // A length of time is no time to run at: "a 90s timeout" plans no run.
  { text: 'give the data collector a 45s timeout', reply: /^(?!.*once, on)/s },
  // A selector written bare ends where the sentence goes on.
  {
    text: 'make the reporter read .row instead of .lead',
    operations: ['updateAgent'],
    agent: 'Reporter',
    reply: /read \.row instead of \.lead \(step extract\)/,
  },
  // An address written without its scheme.
  {
    text: 'clone the lead scraper for example.org/staff',
    operations: ['createAgent', 'runAgent'],
    reply: /reading https:\/\/example\.org\/staff instead of https:\/\/example\.com\/team/,
  },
  // Found by a review of this round: none of these may be read another way.
  {
    text: 'pause all agents today',
    operations: Array(8).fill('pauseAgent'),
  },
  {
    text: 'run the lead scraper at 9 on monday, wednesday and friday',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { cron: '0 9 * * 1,3,5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'run the reporter after each run by the lead scraper',
    operations: ['chainAgents'],
    chain: { from: 'Lead Scraper', to: 'Reporter', on: 'success' },
  },
  { text: 'parse the lead scraper results', reply: /^(?!I will pause)/ },
  {
    text: 'run the data collector daily at 9, 1 and 5',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '0 9,13,17 * * *', timezone: 'Europe/Berlin' },
  },
  // A weekend, as the question names it.
  {
    text: 'what ran at the weekend?',
    reply: /ran over the weekend \(Saturday 21 November and Sunday 22 November\)/,
  },
  // A weekday said once, with a run: the coming one.
  {
    text: 'run the data collector friday at 8am',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { runAt: '2026-11-27T07:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  // The workspace's own success rate beside each agent's.
  {
    text: 'overall success rate this week?',
    reply: /All agents together: 73% \(8 of 11 runs succeeded\)/,
  },
  // A verb typed with a slip.
  { text: 'delte the job collector', operations: ['deleteAgent'], agent: 'Job Collector' },
  { text: 'resmue the job collector', operations: ['resumeAgent'], agent: 'Job Collector' },
  // Times listed with commas after "for".
  {
    text: 'schedule the data collector for 7, 11 and 3pm on weekdays',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '0 7,11,15 * * 1-5', timezone: 'Europe/Berlin' },
  },
  // "Stop scheduling" takes it off its schedule; it is not paused.
  {
    text: 'stop scheduling the weekly report',
    operations: ['unscheduleAgent'],
    agent: 'Weekly Report',
  },
  // A chain ended as "stop chaining".
  {
    text: 'stop chaining the lead scraper',
    operations: ['unchainAgents'],
    chain: { from: 'Lead Scraper', to: 'Reporting Agent' },
  },
  // "Wake X up" resumes; of two agents named alike, only the one the action can change.
  { text: 'could you wake the collector up again', operations: ['resumeAgent'], agent: 'Job Collector' },
  // A pause is asked: "stop the collector" may mean the one that is stuck.
  { text: 'pause the collector for a bit', question: 'agent' },
  // Time words typed with a slip.
  {
    text: 'run the data collector tomorow at 6:15, only this once',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { runAt: '2026-11-25T05:15:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'schedule the job collector on wensdays at 10',
    operations: ['scheduleAgent'],
    agent: 'Job Collector',
    schedule: { cron: '0 10 * * 3', timezone: 'Europe/Berlin' },
  },
  // "Once a day" is a rhythm, not one run.
  {
    text: 'the lead scraper only needs to go once a day, at 5pm',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { cron: '0 17 * * *', timezone: 'Europe/Berlin' },
  },
  // Only the days change: the hour it ran at stays.
  {
    text: 'switch the weekly report over to thursdays instead',
    operations: ['scheduleAgent'],
    agent: 'Weekly Report',
    schedule: { cron: '0 8 * * 4', timezone: 'Europe/Berlin' },
  },
  // "Both" and a plural: the two agents so named.
  {
    text: 'kick off both collectors now',
    operations: ['runAgent', 'runAgent'],
  },
  // "Today at 3" said in the morning is 3 in the afternoon.
  {
    text: 'run the monthly report today at 4',
    operations: ['scheduleAgent'],
    agent: 'Monthly Report',
    schedule: { runAt: '2026-11-24T15:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  // A portal to connect is asked where it signs in; one already connected is said so.
  { text: 'hook up our payroll portal', question: 'host' },
  { text: 'connect the supplier portal', reply: /already connected/ },
  // A host named for its feeds is a feed.
  {
    text: 'follow https://rss.example.net/tech and email me what is new',
    operations: ['createAgent', 'runAgent'],
  },
  // A schedule with no agent named: the one agent whose name says what it is about.
  {
    text: 'look for new leads every 2 hours on weekdays',
    operations: ['scheduleAgent'],
    agent: 'Lead Scraper',
    schedule: { cron: '0 */2 * * 1-5', timezone: 'Europe/Berlin' },
  },
  // The schedule's zone alone: same times, another zone.
  {
    text: 'put the price monitor on tokyo time',
    operations: ['scheduleAgent'],
    agent: 'example.com Price Monitor',
    schedule: { cron: '0 6,10 * * *', timezone: 'Asia/Tokyo' },
  },
  { text: 'the reporter should use sydney time', reply: /no schedule to move/ },
  // An agent's last error, and the last time it ran.
  { text: "what's the latest error from the job collector", reply: /\.lead/ },
  { text: 'last time the reporter ran?', reply: /last 2 runs of "Reporter"/ },
  // A time said apart from the days it runs on.
  {
    text: 'run the data collector every weekday, at 6:45 please',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '45 6 * * 1-5', timezone: 'Europe/Berlin' },
  },
  // The shared context in other words.
  {
    text: 'give me a weekly summary of our shared knowledge',
    operations: ['createAgent', 'runAgent', 'scheduleAgent'],
    schedule: { cron: '0 9 * * 1', timezone: 'Europe/Berlin' },
  },
  // "Only" on days keeps the times.
  {
    text: 'the price monitor should only run on weekends',
    operations: ['scheduleAgent'],
    agent: 'example.com Price Monitor',
    schedule: { cron: '0 6,10 * * 0,6', timezone: 'Europe/Berlin' },
  },
  // Taken off its time or slot: the schedule, never the agent.
  {
    text: 'take the weekly report off its monday slot',
    operations: ['unscheduleAgent'],
    agent: 'Weekly Report',
  },
  // Removed from something that is no agent: asked, never deleted on a guess.
  {
    text: 'remove the data collector from the sheet',
    reply: /Do you want to delete "Data Collector" itself/,
  },
  // The fields each record has, and no selector: built at once, the records found by the agent.
  {
    text: 'gather the speakers from https://conf.example.org/speakers (name, company, talk title)',
    operations: ['createAgent', 'runAgent'],
    reply: /finds the repeated records on the page by itself \(with their name, company and talkTitle\)/,
  },
  // Review round: none of these may delete, pause or schedule on a guess.
  { text: 'delete avery agents', reply: /^I did not understand/ },
  { text: 'remove the reporter from the weekly report', reply: /Do you want to delete/ },
  { text: 'wake me up when the price monitor finds a drop', reply: /Do you want to delete/ },
  { text: 'when does the price monitor run, london time?', reply: /runs at 06:00 AM and 10:00 AM/ },
  {
    text: 'move the price monitor from its current time to 7pm',
    operations: ['scheduleAgent'],
    schedule: { cron: '0 19 * * *', timezone: 'Europe/Berlin' },
  },
  { text: 'look at competitor prices every 2 hours', question: 'agent' },
  { text: 'make the reporter follow the same format as the weekly report', reply: /Say which/ },
  {
    text: 'scrape products from https://shop.example.com/catalog including weekends and holidays',
    question: 'records',
  },
  // Waking at a time is running then.
  {
    text: 'wake the data collector up at 6am on weekdays',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { cron: '0 6 * * 1-5', timezone: 'Europe/Berlin' },
  },
  // A time in words with the days is a time, not days alone.
  {
    text: 'have the weekly report run at half past nine on wednesdays instead',
    operations: ['scheduleAgent'],
    agent: 'Weekly Report',
    schedule: { cron: '30 9 * * 3', timezone: 'Europe/Berlin' },
  },
  // Second review: a long day typed with a letter left out; a time before words that are not
  // times; "follow" a name with "lead" in it; a zone said with "run"; a conditional delete.
  {
    text: 'run the data collector on wednsday at 11',
    operations: ['scheduleAgent'],
    agent: 'Data Collector',
    schedule: { runAt: '2026-11-25T10:00:00.000Z', timezone: 'Europe/Berlin' },
  },
  {
    text: 'every weekday run the monthly report at 6 for the team',
    operations: ['scheduleAgent'],
    agent: 'Monthly Report',
    schedule: { cron: '0 6 * * 1-5', timezone: 'Europe/Berlin' },
  },
  {
    text: 'the data collector should always follow the lead scraper',
    operations: ['chainAgents'],
    chain: { from: 'Lead Scraper', to: 'Data Collector', on: 'always' },
  },
  {
    text: 'run the price monitor on new york time',
    operations: ['scheduleAgent'],
    schedule: { cron: '0 6,10 * * *', timezone: 'America/New_York' },
  },
  { text: 'delete the reporter once the monthly report is done', reply: /Do you want to delete/ },
  // Days taken off with "take … off": the schedule without them, never only on them.
  {
    text: 'take the price monitor off sundays',
    operations: ['scheduleAgent'],
    agent: 'example.com Price Monitor',
    schedule: { cron: '0 6,10 * * 1-6', timezone: 'Europe/Berlin' },
  },
  // "Set X to 9" changes its time; its days stay.
  {
    text: 'set the weekly report to 10',
    operations: ['scheduleAgent'],
    agent: 'Weekly Report',
    schedule: { cron: '0 10 * * 1', timezone: 'Europe/Berlin' },
  },
];
