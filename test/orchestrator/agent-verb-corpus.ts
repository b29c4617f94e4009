// Requests to rename, copy, split or change an agent the workspace has, verbs in any of their
// forms, and digests of the shared context: as people write them (lower case, typos, "pls").
import type { CorpusCase } from './planner-corpus.ts';

const create: CorpusCase['operations'] = ['createAgent', 'runAgent'];
const split: CorpusCase['operations'] = ['createAgent', 'createAgent', 'chainAgents'];
const berlin = 'Europe/Berlin';

export const agentVerbCorpus: CorpusCase[] = [
  // Rename: one updateAgent; a name another agent has, or two agents that fit, is a question.
  { text: 'rename the lead scraper to prospect finder', operations: ['updateAgent'], agent: 'Lead Scraper' },
  { text: 'pls rename the lead scrapper to "Leads v2"', operations: ['updateAgent'], agent: 'Lead Scraper' },
  {
    text: 'call the job collector Careers Watcher instead',
    operations: ['updateAgent'],
    agent: 'Job Collector',
  },
  {
    text: 'the data collector should be called sheet reader',
    operations: ['updateAgent'],
    agent: 'Data Collector',
  },
  {
    text: 'can u change the name of the monthly report to Month End Report?',
    operations: ['updateAgent'],
    agent: 'Monthly Report',
  },
  {
    text: 'rename the reporting agent to Deals Digest',
    operations: ['updateAgent'],
    agent: 'Reporting Agent',
  },
  { text: 'rename the lead scraper to weekly report', question: 'name' },
  { text: 'the reporter should be named Monthly Report', question: 'name' },
  { text: 'rename the report to quarterly numbers', question: 'agent' },
  // Duplicate: a createAgent of the copied spec under a free name (and its test run).
  { text: 'duplicate the lead scraper', operations: create },
  { text: 'make a copy of the job collector called Job Collector EU', operations: create },
  { text: 'clone the price monitor for https://shop.example.org/pricing', operations: create },
  { text: 'can you duplicate the montly report pls', operations: create },
  // Why they ask, said after the request, changes nothing of the verb.
  { text: 'duplicate the lead scraper so i can try a different site', operations: create },
  { text: 'make a copy of the weekly report because i want to test some changes', operations: create },
  { text: 'clone the price monitor for testing', operations: create },
  { text: 'copy the job colector, just to experiment', operations: create },
  { text: 'can u clone the monthly report so we have a backup?', operations: create },
  { text: 'Duplicate Weekly Report, for a test', operations: create },
  { text: 'copy the weekly report as weekly report', question: 'name' },
  { text: 'make a copy of the report', question: 'agent' },
  // Split: the plan the split advice makes, or why it cannot be split.
  {
    text: 'split the job collector in two',
    operations: split,
    chain: { from: 'Job Collector (part 1)', to: 'Job Collector (part 2)', on: 'success' },
  },
  {
    text: 'the monthly report does too much, break it up',
    operations: [...split, 'pauseAgent'],
    chain: { from: 'Monthly Report (part 1)', to: 'Monthly Report (part 2)', on: 'success' },
  },
  {
    text: 'the weekly report has way too many steps, split it',
    operations: [...split, 'scheduleAgent', 'pauseAgent'],
    chain: { from: 'Weekly Report (part 1)', to: 'Weekly Report (part 2)', on: 'success' },
    schedule: { cron: '0 8 * * 1', timezone: berlin },
  },
  { text: 'split the lead scraper into two agents', reply: /cannot split it.*chained to "Reporting Agent"/ },
  { text: 'can you split up the price monitor', reply: /cannot split it.*own memory/ },
  { text: 'lead scraper is way too big, can you split it', reply: /cannot split it/ },
  // A change asked as "make X …", "have X also …", "X should also …": not a new agent.
  {
    text: 'can you make the price monitor also email me',
    operations: ['updateAgent'],
    agent: 'example.com Price Monitor',
  },
  {
    text: 'have the job collector also extract phone numbers',
    operations: ['updateAgent'],
    agent: 'Job Collector',
  },
  { text: 'the data collector should also e-mail me', operations: ['updateAgent'], agent: 'Data Collector' },
  {
    text: 'could you make the price monitor watch https://example.com/plans',
    operations: ['updateAgent'],
    agent: 'example.com Price Monitor',
  },
  {
    text: 'i want the lead scraper to post its results to https://hooks.example.com/x',
    operations: ['updateAgent'],
    agent: 'Lead Scraper',
  },
  { text: 'make the lead scraper use `.card` instead', operations: ['updateAgent'], agent: 'Lead Scraper' },
  {
    text: 'have the price monitor check `.plan-price` instead',
    operations: ['updateAgent'],
    agent: 'example.com Price Monitor',
  },
  // Verbs in any form.
  { text: 'scraping the job openings on https://jobs.example.com/list, table rows', operations: create },
  { text: 'watching https://status.example.com for changes and emailing me', operations: create },
  { text: 'monitors https://acme.io/plans and emails me when it changes', operations: create },
  { text: 'collected the leads from https://example.com/people', question: 'records' },
  { text: 'pausing the lead scraper for now', operations: ['pauseAgent'], agent: 'Lead Scraper' },
  { text: 'deleting the reporter pls', operations: ['deleteAgent'], agent: 'Reporter' },
  { text: 'resumed the job collector?', operations: ['resumeAgent'], agent: 'Job Collector' },
  // A digest of the shared context: with no model, what can be built instead, said in the reply.
  {
    text: 'make me a daily digest of what my agents found',
    operations: [...create, 'scheduleAgent'],
    schedule: { cron: '0 9 * * *', timezone: berlin },
    reply: /No language model is configured.*without summarising/s,
  },
  // "Grab emails" is a field of each record; "e-mail me" a notice.
  { text: 'make the lead scraper also grab emails', operations: ['updateAgent'], agent: 'Lead Scraper' },
  {
    text: 'the lead scraper should also collect their email addresses',
    operations: ['updateAgent'],
    agent: 'Lead Scraper',
  },
  // A summary of records the agents keep ("the leads") is a digest, not a schedule of the scraper.
  {
    text: 'send me a summary of the leads every monday',
    operations: [...create, 'scheduleAgent'],
    schedule: { cron: '0 9 * * 1', timezone: berlin },
  },
  {
    text: 'summarise the new job listings each friday and email me',
    operations: [...create, 'scheduleAgent'],
    schedule: { cron: '0 9 * * 5', timezone: berlin },
  },
  {
    text: 'summarise the shared context every friday',
    operations: [...create, 'scheduleAgent'],
    schedule: { cron: '0 9 * * 5', timezone: berlin },
  },
  {
    text: 'can you send me a weekly summary of what the agents collected',
    operations: [...create, 'scheduleAgent'],
    schedule: { cron: '0 9 * * 1', timezone: berlin },
  },
  {
    text: 'i want a recap of what my agents found every monday at 8am',
    operations: [...create, 'scheduleAgent'],
    schedule: { cron: '0 8 * * 1', timezone: berlin },
  },
  { text: 'recap of the shared context pls', operations: create, reply: /without summarising/ },
];
