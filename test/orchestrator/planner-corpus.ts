// Requests as people write them, with what a sensible planner must do with each: the plan's
// operations (and on which agent), a question (and which), or an answer with no plan.
import type { OperationType } from '../../src/domain/plan.ts';

export interface CorpusCase {
  text: string;
  operations?: OperationType[];
  /** The agent the operations act on (its name in the fixture workspace). */
  agent?: string;
  /** The id of the question the plan must ask. */
  question?: 'url' | 'records' | 'agent';
  /** An answer without a plan, matching this. */
  reply?: RegExp;
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
] as const;

const create: OperationType[] = ['createAgent', 'runAgent'];

export const corpus: CorpusCase[] = [
  // Monitors, in many phrasings.
  { text: 'monitor https://example.com/pricing for changes', operations: create },
  { text: 'Watch https://acme.io/plans and tell me when it changes', operations: create },
  {
    text: 'keep an eye on https://shop.example.org/item/42 for price changes and email me',
    operations: create,
  },
  {
    text: 'Track the price on https://store.example.net/p/9 and e-mail alerts@example.com',
    operations: create,
  },
  { text: 'alert me when https://status.example.com changes', operations: create },
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
  { text: 'let me know when https://docs.example.com/changelog changes', operations: create },
  { text: 'monitor the `#price` on https://example.com/product/7 for changes', operations: create },
  {
    text: 'make a price monitor called "Rival Pricing" for https://rival.example.com/pricing',
    operations: create,
  },
  { text: 'monitor prices for changes', question: 'url' },
  { text: 'watch the competitor’s pricing page and email me when it changes', question: 'url' },
  { text: 'I need an agent that tracks changes on our supplier page', question: 'url' },
  { text: 'create a monitor', question: 'url' },
  // Scrapers: with a layout or selector, or a question about what marks each record.
  { text: 'scrape the leads from https://example.com/team', question: 'records' },
  { text: 'collect the products listed on https://shop.example.com/catalog', question: 'records' },
  { text: 'extract the jobs from https://example.com/careers', question: 'records' },
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
  // Portals: not possible yet, said plainly.
  { text: 'log into the supplier portal and download the invoices', reply: /browser tools/ },
  { text: 'sign in to https://portal.example.com and download every statement', reply: /browser tools/ },
  { text: 'download the monthly reports from the bank portal', reply: /browser tools/ },
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
  { text: 'pause the report', question: 'agent' },
  { text: 'pause the job collector', reply: /already paused/ },
  { text: 'resume the lead scraper', reply: /already active/ },
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
  { text: 'what agents do I have?', reply: /7 agents/ },
  { text: 'which agents are there', reply: /Lead Scraper/ },
  { text: 'list my agents', reply: /Job Collector \(version 1, paused/ },
  { text: 'show me all agents', reply: /Monthly Report/ },
  { text: 'how many agents do I have', reply: /7 agents/ },
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
  // Things it does not understand, said plainly.
  { text: 'purple elephants sing', reply: /did not understand/ },
  { text: 'hello', reply: /did not understand/ },
  { text: 'the lead scraper', reply: /run, change, pause, resume or delete/ },
];
