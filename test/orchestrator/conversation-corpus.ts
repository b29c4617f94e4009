// Conversations as people hold them with the Orchestrator: each a list of turns, each turn with
// what the planner must do then (a plan, a question or an answer, as in the one-line corpus).
// Follow-ups resolve against the conversation's state: "it" after an answer, changes to the
// plan waiting for approval, answers to questions asked in words, "try it again with <url>".
import type { SpecExpectation } from './corpus-judge.ts';
import type { CorpusCase } from './planner-corpus.ts';

export interface ConversationTurn extends CorpusCase {
  spec?: SpecExpectation;
}

export interface ConversationCase {
  name: string;
  /** Only these agents of the fixture workspace, when the conversation needs fewer. */
  agents?: string[];
  turns: ConversationTurn[];
}

const create = ['createAgent', 'runAgent'] as const;
const berlin = 'Europe/Berlin';
const said = (text: string): ConversationTurn => ({ text });

export const conversations: ConversationCase[] = [
  // The kind of a planned account said afterwards: kept when it is the one planned, else changed.
  {
    name: 'slack connected, then said to be a bot token',
    turns: [
      { text: 'connect our slack', operations: ['connectAccount'] },
      {
        text: "it's a bot token, not oauth",
        operations: ['connectAccount'],
        connection: { service: 'slack', kind: 'api_key', allowedHosts: ['slack.com'] },
      },
    ],
  },
  {
    name: 'hubspot connected, then said to be oauth',
    turns: [
      { text: 'connect hubspot', operations: ['connectAccount'] },
      { text: "it's oauth, not an api key", question: 'client' },
    ],
  },
  // An agent by its place in the last answer: "the first one", "the second one", "the other one".
  {
    name: 'what failed today, why the first one failed, and the other one',
    turns: [
      {
        text: 'which agents failed today',
        reply: /^2 agents failed today:\n- "Monthly Report".*\n- "Data Collector"/s,
      },
      { text: 'why did the first one fail', reply: /^"Monthly Report" failed at step "fetch"/ },
      { text: 'and the other one?', reply: /^"Data Collector" failed at step "fetch"/ },
    ],
  },
  {
    name: 'what runs on mondays, then the second one paused',
    turns: [
      { text: 'what runs on mondays', reply: /^2 agents run on Mondays/ },
      { text: 'pause the second one', operations: ['pauseAgent'], agent: 'Weekly Report' },
    ],
  },
  // An account for the new agent waiting for approval: connected first, the agent's calls carry it.
  {
    name: 'an orders API, an account called shop-api, then run it',
    turns: [
      {
        text: 'pull the orders from https://api.shop.example.com/orders json api every hour',
        operations: [...create, 'scheduleAgent'],
      },
      {
        text: 'it needs an api key, connect one called shop-api',
        operations: ['connectAccount', 'createAgent', 'scheduleAgent'],
        connection: { service: 'shop-api', kind: 'api_key', allowedHosts: ['api.shop.example.com'] },
        spec: { contains: ['"auth":{"connection":"shop-api"}'] },
      },
      { text: 'then run it', operations: ['connectAccount', 'createAgent', 'scheduleAgent', 'runAgent'] },
    ],
  },
  {
    name: 'a stock API, it takes a token',
    turns: [
      { text: 'read the json at https://data.stocks.example.com/v1/quotes', operations: [...create] },
      {
        text: 'oh it requires a token',
        operations: ['connectAccount', 'createAgent'],
        connection: { service: 'stocks', kind: 'api_key', allowedHosts: ['data.stocks.example.com'] },
      },
    ],
  },
  {
    name: 'an API, an account asked which kind, then it is an api key',
    turns: [
      { text: 'call the json api at https://api.shop.example.com/orders', operations: [...create] },
      { text: 'connect an account for it called shopify-orders', question: 'kind' },
      {
        text: "it's an api key",
        operations: ['connectAccount', 'createAgent'],
        connection: { service: 'shopify-orders', kind: 'api_key', allowedHosts: ['api.shop.example.com'] },
      },
    ],
  },
  // More said about a new agent just proposed: kept in that plan, never "I did not understand".
  {
    name: 'a news monitor, then e-mail, twice a day, a name, a chain and a run',
    turns: [
      { text: 'monitor https://news.example.org/tech for new articles', operations: [...create] },
      {
        text: 'send new entries to my email',
        operations: [...create],
        spec: { contains: ['notify.email', 'ada@example.com'] },
      },
      {
        text: 'and check it twice a day',
        operations: [...create, 'scheduleAgent'],
        schedule: { cron: '0 8,18 * * *', timezone: berlin },
      },
      {
        text: 'call it Tech Watch',
        operations: [...create, 'scheduleAgent'],
        spec: { name: 'Tech Watch', contains: ['notify.email'] },
      },
      {
        text: 'and send the results to the reporting agent once done',
        operations: [...create, 'scheduleAgent', 'chainAgents'],
        chain: { from: 'Tech Watch', to: 'Reporting Agent', on: 'success' },
      },
      { text: 'then run it', operations: [...create, 'scheduleAgent', 'chainAgents'] },
    ],
  },
  {
    name: 'a scraper proposed, then mailed to my inbox and named',
    turns: [
      {
        text: 'grab the open positions listed on https://careers.example.net/open in table rows',
        operations: [...create],
      },
      { text: 'put them in my inbox pls', operations: [...create], spec: { contains: ['notify.email'] } },
      { text: 'name it careers feed', operations: [...create], spec: { name: 'Careers Feed' } },
      {
        text: 'after it finishes pass its output to the data collector',
        operations: [...create, 'chainAgents'],
        chain: { from: 'Careers Feed', to: 'Data Collector', on: 'success' },
      },
    ],
  },
  {
    name: 'a monitor proposed, then three times a day',
    turns: [
      { text: 'watch https://example.org/prices for changes and email me', operations: [...create] },
      { text: 'also check it 3 times a day', operations: [...create, 'scheduleAgent'] },
    ],
  },
  // A new agent waiting for an answer: what is said about it meanwhile is kept for when it is built.
  {
    name: 'a scraper asked about, named and mailed before the answer',
    turns: [
      { text: 'scrape the leads from https://example.com/people', question: 'records' },
      {
        text: 'call it People Finder',
        question: 'records',
        reply: /Noted: it will be called "People Finder"/,
      },
      { text: 'send new entries to my e-mail', question: 'records' },
      { text: 'and check it twice a day', question: 'records' },
      {
        text: 'table rows',
        operations: [...create, 'scheduleAgent'],
        spec: { name: 'People Finder', contains: ['notify.email'] },
        schedule: { cron: '0 8,18 * * *', timezone: berlin },
      },
    ],
  },
  {
    name: 'a monitor asked how to tell, named before the answer',
    turns: [
      { text: 'watch https://example.com/a for changes and tell me', question: 'notify' },
      { text: 'name it Page Watcher', question: 'notify' },
      { text: 'by email', operations: [...create], spec: { name: 'Page Watcher' } },
    ],
  },
  // "Then run it" after a plan about an agent that has no run in it: the run added, the plan kept.
  {
    name: 'a rename, then run it',
    turns: [
      { text: 'rename the reporter to Supplier Reporter', operations: ['updateAgent'], agent: 'Reporter' },
      { text: 'then run it', operations: ['updateAgent', 'runAgent'], agent: 'Reporter' },
    ],
  },
  {
    name: 'a new schedule, then also test it after',
    turns: [
      {
        text: 'run the weekly report every friday at 9',
        operations: ['scheduleAgent'],
        agent: 'Weekly Report',
      },
      { text: 'and test it after', operations: ['scheduleAgent', 'runAgent'], agent: 'Weekly Report' },
    ],
  },
  // A refused sign-in explained, then "fix it": the account connected again, as a plan.
  {
    name: 'why the reporter failed, then ok fix it',
    turns: [
      said('why did Reporter fail'),
      {
        text: 'ok fix it',
        operations: ['connectAccount'],
        connection: { service: 'supplier-portal', kind: 'login', allowedHosts: ['portal.example.com'] },
      },
    ],
  },
  {
    name: 'why the reporter failed, then fix that',
    turns: [
      said("what's wrong with the reporter"),
      {
        text: 'fix that',
        operations: ['connectAccount'],
        connection: { service: 'supplier-portal', kind: 'login', allowedHosts: ['portal.example.com'] },
      },
    ],
  },
  {
    name: 'why the reporter failed, then reconnect it',
    turns: [
      said('why did the reporter fail?'),
      {
        text: 'reconnect it',
        operations: ['connectAccount'],
        connection: { service: 'supplier-portal', kind: 'login', allowedHosts: ['portal.example.com'] },
      },
    ],
  },
  {
    name: 'why the old reporting agent failed, then re-auth it',
    turns: [
      said('why did the reporting agent (old) fail'),
      {
        text: 'yes please re-authorize it',
        operations: ['connectAccount'],
        connection: { service: 'crm', kind: 'oauth2', allowedHosts: ['crm.example.com'] },
      },
    ],
  },
  // "It failed before, why?" after a plan about one agent: that agent's failure, explained.
  {
    name: 'reporter renamed, then why it failed before',
    turns: [
      { text: 'rename the reporter to Supplier Reporter', operations: ['updateAgent'], agent: 'Reporter' },
      { text: 'hmm it failed before, why?', reply: /^"Reporter" failed at step "login".*Wrong password/s },
    ],
  },
  {
    name: 'reporter run, then how come it broke',
    turns: [
      { text: 'run the reporter', operations: ['runAgent'], agent: 'Reporter' },
      { text: 'it broke last time, how come', reply: /^"Reporter" failed at step "login"/ },
    ],
  },
  {
    name: 'weekly report run, then why it failed earlier',
    turns: [
      { text: 'run weekly report', operations: ['runAgent'], agent: 'Weekly Report' },
      {
        text: 'it failed earlier tho, why',
        reply: /^"Weekly Report" failed at step "fetch".*ECONNRESET/s,
        operations: ['updateAgent'],
        agent: 'Weekly Report',
      },
    ],
  },
  // A feed or an uptime check that should tell, with no channel named: asked how, then built.
  {
    name: 'feed reader told by e-mail after asking how',
    turns: [
      { text: 'notify me when something new shows up on https://news.example.com/feed', question: 'notify' },
      { text: 'by email', operations: [...create], reply: /Feed Reader.*new items appear, it will e-mail/s },
    ],
  },
  {
    name: 'uptime check posts to slack after asking how',
    turns: [
      { text: 'tell me if https://status.example.net goes down', question: 'notify' },
      {
        text: 'on slack https://hooks.slack.com/services/T1/B2',
        operations: [...create],
        reply: /hooks\.slack\.com/,
      },
    ],
  },
  // "It" in a question about the setup or a failure, and "them" after a list of exactly those agents.
  {
    name: 'whats its problem after what it does',
    turns: [
      said('what does the weekly report do'),
      {
        text: "what's its problem?",
        reply: /^"Weekly Report" failed at step "fetch".*ECONNRESET/s,
        operations: ['updateAgent'],
        agent: 'Weekly Report',
      },
    ],
  },
  {
    name: 'is it paused after its runs',
    turns: [
      said('last runs of the job collector'),
      { text: 'hmm is it paused?', reply: /^Yes, "Job Collector" is paused/ },
    ],
  },
  {
    name: 'resume them after which are paused',
    turns: [
      said('which agents are paused'),
      { text: 'resume it', operations: ['resumeAgent'], agent: 'Job Collector' },
    ],
  },
  {
    name: 'it after an answer naming only the old reporting agent',
    turns: [
      said('which agents never succeeded'),
      said('why did the reporting agent (old) fail'),
      { text: 'run it again', operations: ['runAgent'], agent: 'Reporting Agent (old)' },
    ],
  },
  // "It" after an answer, not only after a plan.
  {
    name: 'run it again after why it failed',
    turns: [
      said('why did the reporter fail?'),
      { text: 'ok run it again', operations: ['runAgent'], agent: 'Reporter' },
    ],
  },
  {
    name: 'pause it after why it failed',
    turns: [
      said('why did the data collector fail'),
      { text: 'pause it', operations: ['pauseAgent'], agent: 'Data Collector' },
    ],
  },
  {
    name: 'a screenshot of a portal page, its page and its account asked for',
    turns: [
      { text: 'log into our billing portal and screenshot the overview every evening', question: 'url' },
      { text: 'https://billing.example.org/overview', question: 'username' },
      {
        text: 'ap@example.com',
        operations: ['connectAccount', 'createAgent', 'scheduleAgent'],
        spec: {
          name: 'Overview Screenshot',
          contains: ['browser.login', 'browser.screenshot', 'overview.png'],
        },
      },
    ],
  },
  {
    name: 'turn it off after why it failed, then on again',
    turns: [
      said('why did the data collector fail'),
      { text: 'turn it off for now', operations: ['pauseAgent'], agent: 'Data Collector' },
      { text: 'is the job collector paused?', reply: /paused/ },
      { text: 'ok switch it back on', operations: ['resumeAgent'], agent: 'Job Collector' },
    ],
  },
  {
    name: 'run it after when it runs',
    turns: [
      said('when does the weekly report run next?'),
      { text: 'run it now', operations: ['runAgent'], agent: 'Weekly Report' },
    ],
  },
  {
    name: 'it is the agent asked about, not the one the answer also names',
    turns: [
      said('when will the reporting agent run'),
      { text: 'pause it', operations: ['pauseAgent'], agent: 'Reporting Agent' },
    ],
  },
  {
    name: 'it after a list of one agent',
    agents: ['Lead Scraper'],
    turns: [
      said('what agents do I have?'),
      { text: 'run it', operations: ['runAgent'], agent: 'Lead Scraper' },
    ],
  },
  {
    name: 'that one after a list of one agent',
    agents: ['Data Collector'],
    turns: [
      said('list my agents'),
      { text: 'delete that one', operations: ['deleteAgent'], agent: 'Data Collector' },
    ],
  },
  {
    name: 'when it runs after a count of one agent',
    agents: ['Weekly Report'],
    turns: [
      said('how many agents do I have'),
      { text: 'when does it run next?', reply: /"Weekly Report" runs at 08:00/ },
    ],
  },
  {
    name: 'it after a list of several is asked about',
    turns: [said('what agents do I have?'), { text: 'delete it', question: 'agent' }],
  },
  {
    name: 'that one after a list of two is asked about, and the answer picks',
    agents: ['Lead Scraper', 'Data Collector'],
    turns: [
      said('which agents are there'),
      { text: 'pause that one', question: 'agent' },
      { text: 'the data collector', operations: ['pauseAgent'], agent: 'Data Collector' },
    ],
  },
  {
    name: 'them after a list',
    agents: ['Lead Scraper', 'Data Collector', 'Job Collector'],
    turns: [said('what agents do I have?'), { text: 'pause them', operations: ['pauseAgent', 'pauseAgent'] }],
  },
  {
    name: 'them after an answer naming two agents',
    turns: [
      said('when will the reporting agent run'),
      { text: 'run them both', operations: ['runAgent', 'runAgent'] },
    ],
  },
  {
    name: 'schedule it after a run was proposed',
    turns: [
      { text: 'run the data collector', operations: ['runAgent'], agent: 'Data Collector' },
      {
        text: 'schedule it every day at 7',
        operations: ['scheduleAgent'],
        agent: 'Data Collector',
        schedule: { cron: '0 7 * * *', timezone: berlin },
      },
    ],
  },
  {
    name: 'run it after a fix with a new selector',
    turns: [
      { text: 'why did the job collector fail', question: 'selector' },
      { text: 'each job is `.job-card` now', operations: ['updateAgent'], agent: 'Job Collector' },
      // "Then" runs it after the fix waiting for approval: the fix stays in the plan.
      { text: 'then run it', operations: ['updateAgent', 'runAgent'], agent: 'Job Collector' },
    ],
  },
  {
    name: 'a new agent after an answer: its "it" is the new agent',
    turns: [
      said('why did the reporter fail?'),
      {
        text: 'monitor https://acme.io/plans and email it to me',
        operations: [...create],
        spec: { contains: ['https://acme.io/plans', 'ada@example.com'], lacks: ['Reporter'] },
      },
    ],
  },
  {
    name: 'point it at another page after an answer',
    turns: [
      said('when does the weekly report run next?'),
      {
        text: 'point it at https://example.com/team-2',
        operations: ['updateAgent'],
        agent: 'Weekly Report',
        spec: { contains: ['https://example.com/team-2'] },
      },
    ],
  },
  // Changing the plan waiting for approval.
  {
    name: 'call it something else',
    turns: [
      { text: 'monitor https://rival.example.com/pricing for changes', operations: [...create] },
      { text: 'call it Rival Watch instead', operations: [...create], spec: { name: 'Rival Watch' } },
    ],
  },
  {
    name: 'name it',
    turns: [
      { text: 'scrape the table of products on https://shop.example.com/catalog', operations: [...create] },
      { text: 'name it "Catalog Rows"', operations: [...create], spec: { name: 'Catalog Rows' } },
    ],
  },
  {
    name: 'make it 7:30 for a new agent',
    turns: [
      {
        text: 'create an agent that monitors https://example.com/status every morning at 8am',
        operations: [...create, 'scheduleAgent'],
        schedule: { cron: '0 8 * * *', timezone: berlin },
      },
      {
        text: 'actually make it 7:30',
        operations: [...create, 'scheduleAgent'],
        schedule: { cron: '30 7 * * *', timezone: berlin },
      },
    ],
  },
  {
    name: 'make it 9pm for a new agent',
    turns: [
      {
        text: 'create an agent that monitors https://example.com/status every morning at 8am',
        operations: [...create, 'scheduleAgent'],
      },
      {
        text: 'make it 9pm',
        operations: [...create, 'scheduleAgent'],
        schedule: { cron: '0 21 * * *', timezone: berlin },
      },
    ],
  },
  {
    name: 'and also e-mail it to me',
    turns: [
      { text: 'monitor https://acme.io/plans for changes', operations: [...create] },
      {
        text: 'and also e-mail it to me',
        operations: [...create],
        spec: { contains: ['notify.email', 'ada@example.com', 'https://acme.io/plans'] },
      },
    ],
  },
  {
    name: 'e-mail someone as well',
    turns: [
      { text: 'collect every link on https://example.com/resources', operations: [...create] },
      {
        text: 'email them to alerts@example.com as well',
        operations: [...create],
        spec: { contains: ['notify.email', 'alerts@example.com'] },
      },
    ],
  },
  {
    name: 'post them to a webhook too',
    turns: [
      { text: 'scrape the table of products on https://shop.example.com/catalog', operations: [...create] },
      {
        text: 'and post them to https://hooks.example.com/products too',
        operations: [...create],
        spec: { contains: ['notify.webhook', 'https://hooks.example.com/products'] },
      },
    ],
  },
  {
    name: 'use another page instead',
    turns: [
      { text: 'monitor https://acme.io/plans for changes', operations: [...create] },
      {
        text: 'use https://acme.io/pricing instead',
        operations: [...create],
        spec: { contains: ['https://acme.io/pricing'], lacks: ['https://acme.io/plans'] },
      },
    ],
  },
  {
    name: 'actually the page is another one',
    turns: [
      { text: 'collect every link on https://example.com/resources', operations: [...create] },
      {
        text: 'actually use https://example.com/library',
        operations: [...create],
        spec: { contains: ['https://example.com/library'], lacks: ['https://example.com/resources'] },
      },
    ],
  },
  {
    name: 'a new time for a schedule keeps its days',
    turns: [
      {
        text: 'run the lead scraper every weekday at 9:30',
        operations: ['scheduleAgent'],
        schedule: { cron: '30 9 * * 1-5', timezone: berlin },
      },
      {
        text: 'make it 7:30',
        operations: ['scheduleAgent'],
        agent: 'Lead Scraper',
        schedule: { cron: '30 7 * * 1-5', timezone: berlin },
      },
    ],
  },
  {
    name: 'at another hour instead',
    turns: [
      { text: 'schedule the data collector to run every morning at 8am', operations: ['scheduleAgent'] },
      {
        text: 'at 6 instead',
        operations: ['scheduleAgent'],
        agent: 'Data Collector',
        schedule: { cron: '0 6 * * *', timezone: berlin },
      },
    ],
  },
  {
    name: 'another schedule altogether',
    turns: [
      { text: 'run the lead scraper every weekday at 9:30', operations: ['scheduleAgent'] },
      {
        text: 'actually every monday at 8',
        operations: ['scheduleAgent'],
        agent: 'Lead Scraper',
        schedule: { cron: '0 8 * * 1', timezone: berlin },
      },
    ],
  },
  {
    name: 'a schedule added to a new agent',
    turns: [
      { text: 'monitor https://example.com/a for changes', operations: [...create] },
      {
        text: 'actually run it every hour',
        operations: [...create, 'scheduleAgent'],
        schedule: { cron: '0 * * * *', timezone: berlin },
      },
    ],
  },
  {
    name: 'two changes one after the other',
    turns: [
      { text: 'monitor https://rival.example.com/pricing for changes', operations: [...create] },
      { text: 'call it Rival Watch instead', operations: [...create], spec: { name: 'Rival Watch' } },
      {
        text: 'and also email me',
        operations: [...create],
        spec: { name: 'Rival Watch', contains: ['notify.email', 'ada@example.com'] },
      },
    ],
  },
  {
    name: 'a change to a proposed change of an agent',
    turns: [
      {
        text: 'use https://example.com/new-team instead for the lead scraper',
        operations: ['updateAgent'],
        agent: 'Lead Scraper',
      },
      {
        text: 'and also email me',
        operations: ['updateAgent'],
        agent: 'Lead Scraper',
        spec: { contains: ['notify.email', 'https://example.com/new-team'] },
      },
    ],
  },
  {
    name: 'another agent named is a new plan, not a change',
    turns: [
      { text: 'monitor https://a.example.com/page for changes', operations: [...create] },
      { text: 'pause the lead scraper', operations: ['pauseAgent'], agent: 'Lead Scraper' },
    ],
  },
  {
    name: 'create is a new plan, not a change',
    turns: [
      { text: 'monitor https://a.example.com/page for changes', operations: [...create] },
      {
        text: 'create a monitor for https://b.example.com/page',
        operations: [...create],
        spec: { contains: ['https://b.example.com/page'], lacks: ['a.example.com'] },
      },
    ],
  },
  {
    name: 'make it 7, a bare hour for a schedule',
    turns: [
      { text: 'run the lead scraper every weekday at 9:30', operations: ['scheduleAgent'] },
      {
        text: 'make it 7',
        operations: ['scheduleAgent'],
        agent: 'Lead Scraper',
        schedule: { cron: '0 7 * * 1-5', timezone: berlin },
      },
    ],
  },
  {
    name: 'a question in between leaves the proposed plan to change',
    turns: [
      { text: 'monitor https://rival.example.com/pricing for changes', operations: [...create] },
      { text: 'what agents do I have?', reply: /9 agents/ },
      { text: 'call it Rival Watch instead', operations: [...create], spec: { name: 'Rival Watch' } },
    ],
  },
  {
    name: 'a number that is not a time changes no schedule',
    turns: [
      { text: 'run the lead scraper every weekday at 9:30', operations: ['scheduleAgent'] },
      {
        text: 'actually run it with {"limit": 5}',
        operations: ['runAgent'],
        agent: 'Lead Scraper',
      },
    ],
  },
  // A change to a proposed new agent without "actually": "it" is the agent the plan creates.
  {
    name: 'a time for a proposed new agent',
    turns: [
      { text: 'monitor https://rival.example.com/pricing for changes', operations: [...create] },
      {
        text: 'run it every day at noon',
        operations: [...create, 'scheduleAgent'],
        schedule: { cron: '0 12 * * *', timezone: berlin },
      },
    ],
  },
  {
    name: 'hourly for a proposed scraper, with filler',
    turns: [
      { text: 'collect every link on https://example.com/resources', operations: [...create] },
      {
        text: 'ok make it hourly pls',
        operations: [...create, 'scheduleAgent'],
        schedule: { cron: '0 * * * *', timezone: berlin },
      },
    ],
  },
  {
    name: 'a bare schedule for a proposed new agent',
    turns: [
      { text: 'keep an eye on https://status.example.com/ for changes', operations: [...create] },
      {
        text: 'every monday at 8am pls',
        operations: [...create, 'scheduleAgent'],
        schedule: { cron: '0 8 * * 1', timezone: berlin },
      },
    ],
  },
  {
    name: 'a recipient for a proposed new agent',
    turns: [
      { text: 'watch https://acme.io/plans', operations: [...create] },
      {
        text: 'send it to bob@example.org too',
        operations: [...create],
        spec: { contains: ['notify.email', 'bob@example.org', 'https://acme.io/plans'] },
      },
    ],
  },
  {
    name: 'results e-mailed, for a proposed new agent',
    turns: [
      { text: 'monitor https://shop.example.net/p/9 for price changes', operations: [...create] },
      {
        text: 'email the results to team@example.org',
        operations: [...create],
        spec: { contains: ['notify.email', 'team@example.org'] },
      },
    ],
  },
  {
    name: 'a name for a proposed new agent, no "instead"',
    turns: [
      { text: 'track the price on https://store.example.net/p/9', operations: [...create] },
      { text: 'call it Price Watch', operations: [...create], spec: { name: 'Price Watch' } },
    ],
  },
  // Adding to the last request: the same on another agent.
  {
    name: 'and the monthly one too',
    turns: [
      { text: 'pause the weekly report', operations: ['pauseAgent'] },
      {
        text: 'and the monthly one too',
        operations: ['pauseAgent', 'pauseAgent'],
        targets: ['Weekly Report', 'Monthly Report'],
      },
    ],
  },
  {
    name: 'the data collector as well, with a typo',
    turns: [
      { text: 'run the weekly report', operations: ['runAgent'] },
      {
        text: 'the data colector as well',
        operations: ['runAgent', 'runAgent'],
        targets: ['Weekly Report', 'Data Collector'],
      },
    ],
  },
  {
    name: 'also the reporter',
    turns: [
      { text: 'delete the monthly report', operations: ['deleteAgent'] },
      {
        text: 'also the reporter',
        operations: ['deleteAgent', 'deleteAgent'],
        targets: ['Monthly Report', 'Reporter'],
      },
    ],
  },
  {
    name: 'same for two more, one after the other',
    turns: [
      { text: 'run the lead scraper every weekday at 9:30', operations: ['scheduleAgent'] },
      {
        text: 'same for the data collector pls',
        operations: ['scheduleAgent', 'scheduleAgent'],
        targets: ['Lead Scraper', 'Data Collector'],
        schedule: { cron: '30 9 * * 1-5', timezone: berlin },
      },
      {
        text: 'and the reporter too',
        operations: ['scheduleAgent', 'scheduleAgent', 'scheduleAgent'],
        targets: ['Lead Scraper', 'Data Collector', 'Reporter'],
        schedule: { cron: '30 9 * * 1-5', timezone: berlin },
      },
    ],
  },
  {
    name: 'same for an agent already so',
    turns: [
      { text: 'pause the weekly report', operations: ['pauseAgent'] },
      { text: 'same for the job collector', reply: /"Job Collector" is already paused/ },
    ],
  },
  {
    name: 'and the price monitor? after when it runs',
    turns: [
      said('when does the weekly report run next?'),
      { text: 'and the price monitor?', reply: /"example\.com Price Monitor" runs at 06:00/ },
    ],
  },
  // Corrections of the plan waiting: replaced or taken out, never cut in two.
  {
    name: 'no wait, pause it instead',
    turns: [
      { text: 'delete the weekly report', operations: ['deleteAgent'] },
      { text: 'no wait, pause it instead', operations: ['pauseAgent'], agent: 'Weekly Report' },
    ],
  },
  {
    name: "actually don't delete it, pause it",
    turns: [
      { text: 'delete the weekly reprot', operations: ['deleteAgent'] },
      { text: "actually don't delete it, pause it", operations: ['pauseAgent'], agent: 'Weekly Report' },
    ],
  },
  {
    name: 'oops, pause it instead of running it',
    turns: [
      { text: 'run the data collector', operations: ['runAgent'] },
      { text: 'oops, pause it instead', operations: ['pauseAgent'], agent: 'Data Collector' },
    ],
  },
  {
    name: 'leave the weekly one running',
    turns: [
      { text: 'pause the weekly report and the monthly report', operations: ['pauseAgent', 'pauseAgent'] },
      { text: 'actually leave the weekly one running', operations: ['pauseAgent'], agent: 'Monthly Report' },
    ],
  },
  {
    name: 'except the reporter',
    turns: [
      {
        text: 'pause the weekly report, the monthly report and the reporter',
        operations: ['pauseAgent', 'pauseAgent', 'pauseAgent'],
      },
      {
        text: 'except the reporter',
        operations: ['pauseAgent', 'pauseAgent'],
        targets: ['Weekly Report', 'Monthly Report'],
      },
    ],
  },
  {
    name: "hmm don't run one of them",
    turns: [
      { text: 'run the lead scraper and the data collector', operations: ['runAgent', 'runAgent'] },
      { text: 'hmm dont run the lead scraper', operations: ['runAgent'], agent: 'Data Collector' },
    ],
  },
  {
    name: 'no, the other one',
    turns: [
      { text: 'pause the reporting agent', operations: ['pauseAgent'], agent: 'Reporting Agent' },
      { text: 'no the other one', operations: ['pauseAgent'], agent: 'Reporting Agent (old)' },
    ],
  },
  {
    name: 'not that one, the other one, among several alike',
    turns: [
      { text: 'pause the report', question: 'agent' },
      { text: 'the weekly one', operations: ['pauseAgent'], agent: 'Weekly Report' },
      { text: 'not that one, the other one', question: 'agent' },
      { text: 'the monthly one', operations: ['pauseAgent'], agent: 'Monthly Report' },
    ],
  },
  {
    name: 'no wait, another agent named',
    turns: [
      { text: 'pause the weekly report', operations: ['pauseAgent'] },
      { text: 'no wait, the monthly report', operations: ['pauseAgent'], agent: 'Monthly Report' },
    ],
  },
  {
    name: "wait no, don't delete them, just pause them",
    turns: [
      { text: 'delete the weekly report and the monthly report', operations: ['deleteAgent', 'deleteAgent'] },
      {
        text: "wait no, don't delete them, just pause them",
        operations: ['pauseAgent', 'pauseAgent'],
        targets: ['Weekly Report', 'Monthly Report'],
      },
    ],
  },
  {
    name: 'take one out of the plan',
    turns: [
      { text: 'delete the weekly report and the monthly report', operations: ['deleteAgent', 'deleteAgent'] },
      { text: 'take the monthly one out', operations: ['deleteAgent'], agent: 'Weekly Report' },
    ],
  },
  {
    name: 'only the weekly one',
    turns: [
      { text: 'run the weekly report and the monthly report', operations: ['runAgent', 'runAgent'] },
      { text: 'hmm only the weekly one', operations: ['runAgent'], agent: 'Weekly Report' },
    ],
  },
  {
    name: 'do the same for another agent',
    turns: [
      { text: 'resume the job collector', operations: ['resumeAgent'] },
      {
        text: 'do the same for the data collector',
        reply: /"Data Collector" is already active/,
      },
    ],
  },
  {
    name: 'now the other report, after a run',
    turns: [
      { text: 'run the montly report', operations: ['runAgent'], agent: 'Monthly Report' },
      {
        text: 'now the weekly report',
        operations: ['runAgent', 'runAgent'],
        targets: ['Monthly Report', 'Weekly Report'],
      },
    ],
  },
  {
    name: 'and run it now, for a proposed new agent that is tested anyway',
    turns: [
      { text: 'monitor https://acme.io/plans', operations: [...create] },
      { text: 'and run it now', operations: [...create] },
    ],
  },
  {
    name: "on second thought don't run it, schedule it",
    turns: [
      { text: 'run the weekly report', operations: ['runAgent'] },
      {
        text: 'on second thought dont run it, schedule it every friday at 5pm',
        operations: ['scheduleAgent'],
        agent: 'Weekly Report',
        schedule: { cron: '0 17 * * 5', timezone: berlin },
      },
    ],
  },
  {
    name: 'keep the reporter',
    turns: [
      { text: 'delete the reporter and the weekly report', operations: ['deleteAgent', 'deleteAgent'] },
      { text: 'keep the reporter', operations: ['deleteAgent'], agent: 'Weekly Report' },
    ],
  },
  {
    name: 'nope, cancel that',
    turns: [
      { text: 'pause the weekly report', operations: ['pauseAgent'] },
      { text: 'nope, cancel that', reply: /dropped that plan/ },
    ],
  },
  // Short answers to the Orchestrator's own offer.
  {
    name: 'ok fix it, after a fix was offered',
    turns: [
      { text: 'why did the weekly report fail?', operations: ['updateAgent'] },
      { text: 'ok fix it', operations: ['updateAgent'], agent: 'Weekly Report' },
    ],
  },
  {
    name: 'yep go ahead, after a fix was offered',
    turns: [
      { text: 'why did the weekly report fail?', operations: ['updateAgent'] },
      { text: 'yep go ahead', operations: ['updateAgent'], agent: 'Weekly Report' },
    ],
  },
  {
    name: 'connect sheets then, after a missing account',
    turns: [
      said('why did the data collector fail'),
      { text: 'connect sheets then', operations: ['connectAccount'], targets: ['sheets'] },
    ],
  },
  {
    name: 'yes pls, after a missing account',
    turns: [
      said('why did the data colector fail?'),
      { text: 'yes pls', operations: ['connectAccount'], targets: ['sheets'] },
    ],
  },
  {
    name: "it's an api key, after a missing account",
    turns: [
      said('why did the data collector fail'),
      { text: "it's an api key", operations: ['connectAccount'], targets: ['sheets'] },
    ],
  },
  {
    name: 'username and password, after a missing account',
    turns: [
      said('why did the data collector fail'),
      { text: 'username and password', operations: ['connectAccount'], targets: ['sheets'] },
    ],
  },
  {
    name: 'go for it, after a fix was offered',
    turns: [
      { text: 'why did the weekly report fail?', operations: ['updateAgent'] },
      { text: 'go for it', operations: ['updateAgent'], agent: 'Weekly Report' },
    ],
  },
  {
    name: 'ok connect it, after a missing account',
    turns: [
      said('why did the data collector fail'),
      { text: 'ok connect it', operations: ['connectAccount'], targets: ['sheets'] },
    ],
  },
  {
    name: 'sure, after a proposed new agent',
    turns: [
      { text: 'monitor https://acme.io/plans for changes', operations: [...create] },
      { text: 'sure', operations: [...create] },
    ],
  },
  // Questions asked only in the reply's words, answered in the next message.
  {
    name: 'an action for a named agent',
    turns: [
      { text: 'the lead scraper', reply: /run, change, pause, resume or delete/ },
      { text: 'pause', operations: ['pauseAgent'], agent: 'Lead Scraper' },
    ],
  },
  {
    name: 'a schedule for a named agent',
    turns: [
      { text: 'the weekly report', reply: /Say which/ },
      {
        text: 'run it every day at 9',
        operations: ['scheduleAgent'],
        agent: 'Weekly Report',
        schedule: { cron: '0 9 * * *', timezone: berlin },
      },
    ],
  },
  {
    name: 'delete, for a named agent',
    turns: [
      said('the data collector'),
      { text: 'delete', operations: ['deleteAgent'], agent: 'Data Collector' },
    ],
  },
  {
    name: 'resume it please, for a named agent',
    turns: [
      said('the job collector'),
      { text: 'resume it please', operations: ['resumeAgent'], agent: 'Job Collector' },
    ],
  },
  {
    name: 'what to change, answered with an address',
    turns: [
      { text: 'change the lead scraper', reply: /What should I change in/ },
      {
        text: 'use https://example.com/people-2 instead',
        operations: ['updateAgent'],
        agent: 'Lead Scraper',
        spec: { contains: ['https://example.com/people-2'] },
      },
    ],
  },
  {
    name: 'what to change, answered with an e-mail',
    turns: [
      { text: 'update the price monitor', reply: /What should I change in/ },
      {
        text: 'also email me',
        operations: ['updateAgent'],
        agent: 'example.com Price Monitor',
        spec: { contains: ['notify.email'] },
      },
    ],
  },
  {
    name: 'what to change, answered with a recipient',
    turns: [
      { text: 'edit the weekly report', reply: /What should I change in/ },
      {
        text: 'send it to sales@example.com',
        operations: ['updateAgent'],
        agent: 'Weekly Report',
        spec: { contains: ['sales@example.com'] },
      },
    ],
  },
  // "Try it again with <url>".
  {
    name: 'try it again with a new address after a fix',
    turns: [
      { text: 'why did the weekly report fail?', operations: ['updateAgent'], agent: 'Weekly Report' },
      {
        text: 'try it again with https://example.com/team-b',
        operations: ['updateAgent', 'runAgent'],
        agent: 'Weekly Report',
        spec: { contains: ['https://example.com/team-b'] },
      },
    ],
  },
  {
    name: 'try it again with a new address after a proposed run',
    turns: [
      { text: 'run the lead scraper', operations: ['runAgent'] },
      {
        text: 'try it again with https://example.com/people',
        operations: ['updateAgent', 'runAgent'],
        agent: 'Lead Scraper',
        spec: { contains: ['https://example.com/people'] },
      },
    ],
  },
  {
    name: 'try it again with a new address after a moved page',
    turns: [
      { text: 'why did the monthly report fail?', question: 'url' },
      {
        text: 'https://example.com/our-team',
        operations: ['updateAgent'],
        agent: 'Monthly Report',
      },
      {
        text: 'hmm, try it again with https://example.com/staff',
        operations: ['updateAgent', 'runAgent'],
        agent: 'Monthly Report',
        spec: { contains: ['https://example.com/staff'] },
      },
    ],
  },
  {
    name: 'try it again after an answer',
    turns: [
      said('why did the reporter fail?'),
      {
        text: 'try it again with https://portal.example.com/login2',
        operations: ['updateAgent', 'runAgent'],
        agent: 'Reporter',
      },
    ],
  },
  // Which agent, asked with a plan question and answered in the next message.
  {
    name: 'which report, the monthly one',
    turns: [
      { text: 'pause the report', question: 'agent' },
      { text: 'the monthly one', operations: ['pauseAgent'], agent: 'Monthly Report' },
      { text: 'and delete it', operations: ['deleteAgent'], agent: 'Monthly Report' },
    ],
  },
  // Rename, copy and split after "it", a which-agent question, or a name already taken.
  {
    name: 'rename it after why it failed',
    turns: [
      said('why did the reporter fail?'),
      {
        text: 'rename it to portal reporter',
        operations: ['updateAgent'],
        agent: 'Reporter',
        spec: { contains: ['"name":"Portal Reporter"'] },
      },
    ],
  },
  {
    name: 'which report to rename, the monthly one',
    turns: [
      { text: 'rename the report to Month End Numbers', question: 'agent' },
      {
        text: 'the monthly one',
        operations: ['updateAgent'],
        agent: 'Monthly Report',
        spec: { contains: ['"name":"Month End Numbers"'] },
      },
    ],
  },
  {
    name: 'a name already taken, then another',
    turns: [
      { text: 'rename the lead scraper to weekly report', question: 'name' },
      {
        text: 'lead finder then',
        operations: ['updateAgent'],
        agent: 'Lead Scraper',
        spec: { contains: ['"name":"Lead Finder"'] },
      },
    ],
  },
  {
    name: 'a copy of it for another page',
    turns: [
      said('what does the job collector do?'),
      {
        text: 'make a copy of it for https://jobs.example.org/open',
        operations: [...create],
        spec: {
          name: 'Job Collector (jobs.example.org)',
          contains: ['https://jobs.example.org/open'],
          lacks: ['https://example.com/team'],
        },
      },
    ],
  },
  {
    name: 'which one to copy, then its name',
    turns: [
      { text: 'duplicate the report as Board Report', question: 'agent' },
      { text: 'the weekly one', operations: [...create], spec: { name: 'Board Report' } },
    ],
  },
  {
    name: 'it does too much',
    turns: [
      said('what does the monthly report do'),
      {
        text: 'it does too much, split it in two',
        operations: ['createAgent', 'createAgent', 'chainAgents', 'pauseAgent'],
        chain: { from: 'Monthly Report (part 1)', to: 'Monthly Report (part 2)', on: 'success' },
      },
    ],
  },
  {
    name: 'have it also e-mail me',
    turns: [
      said('when does the weekly report run next?'),
      {
        text: 'can you have it also email me',
        operations: ['updateAgent'],
        agent: 'Weekly Report',
        spec: { contains: ['notify.email'] },
      },
    ],
  },
  {
    name: 'a digest, renamed before approval',
    turns: [
      {
        text: 'summarize what my agents found every monday',
        operations: [...create, 'scheduleAgent'],
        schedule: { cron: '0 9 * * 1', timezone: berlin },
        spec: { contains: ['memory.list'], lacks: ['llm.generate'] },
      },
      {
        text: 'call it Monday Roundup instead',
        operations: [...create, 'scheduleAgent'],
        schedule: { cron: '0 9 * * 1', timezone: berlin },
        spec: { name: 'Monday Roundup' },
      },
    ],
  },
  // A new step or time for the schedule just proposed, and a resume that cannot wait for a date.
  {
    name: 'make it 4 hours after every 3 hours',
    turns: [
      { text: 'run the lead scraper every 3 hours', operations: ['scheduleAgent'] },
      {
        text: 'make it 4 hours, 3 is too many',
        operations: ['scheduleAgent'],
        agent: 'Lead Scraper',
        schedule: { cron: '0 */4 * * *', timezone: berlin },
      },
    ],
  },
  {
    name: '2 hours instead keeps the weekdays',
    turns: [
      { text: 'run the data collector every hour on weekdays', operations: ['scheduleAgent'] },
      {
        text: 'no, 2 hours instead',
        operations: ['scheduleAgent'],
        agent: 'Data Collector',
        schedule: { cron: '0 */2 * * 1-5', timezone: berlin },
      },
    ],
  },
  {
    name: 'make that every 30 minutes instead',
    turns: [
      { text: 'schedule the reporter hourly', operations: ['scheduleAgent'] },
      {
        text: 'make that every 30 minutes instead',
        operations: ['scheduleAgent'],
        agent: 'Reporter',
        schedule: { cron: '*/30 * * * *', timezone: berlin },
      },
    ],
  },
  {
    name: 'actually half 7',
    turns: [
      { text: 'run the reporter every day at 8', operations: ['scheduleAgent'] },
      {
        text: 'actually half 7',
        operations: ['scheduleAgent'],
        agent: 'Reporter',
        schedule: { cron: '30 7 * * *', timezone: berlin },
      },
    ],
  },
  {
    name: 'resume it next monday is offered now, and yes resumes',
    turns: [
      said('which agents are paused'),
      { text: 'resume it next monday', reply: /cannot resume "Job Collector" at a later time/ },
      { text: 'ok', operations: ['resumeAgent'], agent: 'Job Collector' },
    ],
  },
  // A request of its own after "and", "also", "then", "too": added to the plan waiting, which it keeps.
  {
    name: 'a login connected again, and then a run added',
    turns: [
      { text: 'reconnect the supplier portal login', operations: ['connectAccount'] },
      {
        text: 'and then run the reporter',
        operations: ['connectAccount', 'runAgent'],
        targets: ['supplier-portal', 'Reporter'],
      },
    ],
  },
  {
    name: 'a new address, then turned back on',
    turns: [
      {
        text: 'use https://example.com/jobs instead for the job collector',
        operations: ['updateAgent'],
        agent: 'Job Collector',
      },
      {
        text: 'also turn it back on',
        operations: ['updateAgent', 'resumeAgent'],
        targets: ['Job Collector', 'Job Collector'],
      },
    ],
  },
  {
    name: 'a pause, then two runs added',
    turns: [
      { text: 'pause the weekly report', operations: ['pauseAgent'] },
      {
        text: 'and then run the reporter and the lead scraper',
        operations: ['pauseAgent', 'runAgent', 'runAgent'],
        targets: ['Weekly Report', 'Reporter', 'Lead Scraper'],
      },
    ],
  },
  {
    name: 'a pause, then a resume of another agent as well',
    turns: [
      { text: 'pause the lead scraper', operations: ['pauseAgent'] },
      {
        text: 'resume the job collector as well',
        operations: ['pauseAgent', 'resumeAgent'],
        targets: ['Lead Scraper', 'Job Collector'],
      },
    ],
  },
  // A follow-up that only narrows the chain waiting: its ending changes, then something is added.
  {
    name: 'a chain narrowed to failures, then a delete added',
    turns: [
      {
        text: 'when the weekly report finishes, start the reporter',
        operations: ['chainAgents'],
        chain: { from: 'Weekly Report', to: 'Reporter', on: 'success' },
      },
      {
        text: 'but only if it fails',
        operations: ['chainAgents'],
        chain: { from: 'Weekly Report', to: 'Reporter', on: 'failure' },
      },
      {
        text: 'then delete the monthly report as well',
        operations: ['chainAgents', 'deleteAgent'],
        targets: ['Weekly Report -> Reporter', 'Monthly Report'],
        chain: { from: 'Weekly Report', to: 'Reporter', on: 'failure' },
      },
    ],
  },
  {
    name: 'a chain made to start either way',
    turns: [
      {
        text: 'chain the data collector after the lead scraper',
        operations: ['chainAgents'],
        chain: { from: 'Lead Scraper', to: 'Data Collector', on: 'success' },
      },
      {
        text: 'whatever happens',
        operations: ['chainAgents'],
        chain: { from: 'Lead Scraper', to: 'Data Collector', on: 'always' },
      },
    ],
  },
  // A request about a new agent said while it waits for answers: kept, planned once it is built.
  {
    name: 'a scraper waiting for its records, chained before they are said',
    turns: [
      { text: 'scrape https://example.org/people', question: 'records' },
      { text: "and pass its output to the reporter when it's finished", question: 'records' },
      {
        text: 'each person is `li.person`',
        operations: [...create, 'chainAgents'],
        chain: { from: 'example.org People Scraper', to: 'Reporter', on: 'success' },
      },
    ],
  },
  // A proposed schedule narrowed to days or hours keeps its time or step.
  {
    name: 'a schedule proposed, then kept to weekends',
    turns: [
      { text: 'schedule the lead scraper every day at 7', operations: ['scheduleAgent'] },
      {
        text: 'only on weekends',
        operations: ['scheduleAgent'],
        agent: 'Lead Scraper',
        schedule: { cron: '0 7 * * 0,6', timezone: berlin },
      },
    ],
  },
  {
    name: 'a schedule every two hours, then kept to office hours',
    turns: [
      { text: 'run the price monitor every 2 hours', operations: ['scheduleAgent'] },
      {
        text: 'but only 9am to 5pm',
        operations: ['scheduleAgent'],
        agent: 'example.com Price Monitor',
        schedule: { cron: '0 9-17/2 * * *', timezone: berlin },
      },
    ],
  },
  // A one-off run moved by a bare hour (in its half of the day), then asked for another agent.
  {
    name: 'a run tomorrow afternoon, moved, then another at the same time',
    turns: [
      {
        text: 'run the weekly report tomorrow at 3pm',
        operations: ['scheduleAgent'],
        schedule: { runAt: '2026-11-25T14:00:00.000Z', timezone: berlin },
      },
      {
        text: 'no, 4',
        operations: ['scheduleAgent'],
        agent: 'Weekly Report',
        schedule: { runAt: '2026-11-25T15:00:00.000Z', timezone: berlin },
      },
      {
        text: 'and the monthly report at the same time',
        operations: ['scheduleAgent', 'scheduleAgent'],
        targets: ['Weekly Report', 'Monthly Report'],
        schedules: [
          { runAt: '2026-11-25T15:00:00.000Z', timezone: berlin },
          { runAt: '2026-11-25T15:00:00.000Z', timezone: berlin },
        ],
      },
    ],
  },
  {
    name: 'a schedule at noon, moved by a bare hour',
    turns: [
      { text: 'run the data collector every day at noon', operations: ['scheduleAgent'] },
      {
        text: 'actually 2',
        operations: ['scheduleAgent'],
        agent: 'Data Collector',
        schedule: { cron: '0 14 * * *', timezone: berlin },
      },
    ],
  },
  // "Them" after a list of failures: the agents still failing, not those that work again.
  {
    name: 'what is failing, then all of them turned off',
    turns: [
      { text: 'anything failing at the moment?', reply: /Reporter/ },
      {
        text: 'turn them all off',
        operations: ['pauseAgent', 'pauseAgent', 'pauseAgent', 'pauseAgent', 'pauseAgent'],
        targets: ['Weekly Report', 'Monthly Report', 'Reporting Agent (old)', 'Data Collector', 'Reporter'],
      },
    ],
  },
  // "The old one" beside the agent talked about.
  {
    name: 'an agent described, then its older namesake paused',
    turns: [
      { text: 'tell me about the reporting agent', reply: /"Reporting Agent" \(version 1\)/ },
      { text: 'pause the old one too', operations: ['pauseAgent'], agent: 'Reporting Agent (old)' },
    ],
  },
  // Days added to the schedule waiting for approval: its time stays.
  {
    name: 'a weekday schedule, then saturdays too',
    turns: [
      {
        text: 'run the data collector on weekdays at 6:45',
        operations: ['scheduleAgent'],
        schedule: { cron: '45 6 * * 1-5', timezone: berlin },
      },
      {
        text: 'saturdays as well please',
        operations: ['scheduleAgent'],
        schedule: { cron: '45 6 * * 1-6', timezone: berlin },
      },
    ],
  },
  // A repeating schedule proposed, then one run instead, then a notice on the agent itself.
  {
    name: 'a daily schedule, then just once, then mail me',
    turns: [
      { text: 'schedule the data collector daily at 10', operations: ['scheduleAgent'] },
      {
        text: 'hmm, just once, on thursday at 10',
        operations: ['scheduleAgent'],
        schedule: { runAt: '2026-11-26T09:00:00.000Z', timezone: berlin },
      },
      {
        text: 'and mail me when it has run',
        operations: ['scheduleAgent', 'updateAgent'],
        targets: ['Data Collector', 'Data Collector'],
        spec: { contains: ['notify.email', 'ada@example.com'] },
      },
    ],
  },
  // A state kept, said before the change that is wanted.
  {
    name: 'a pause proposed, then kept paused and deleted instead',
    turns: [
      { text: 'pause the weekly report', operations: ['pauseAgent'] },
      {
        text: 'ok keep it paused, but just delete it',
        operations: ['deleteAgent'],
        agent: 'Weekly Report',
      },
    ],
  },
  // An account asked about in turns: the answer to "which service" may say all the rest.
  {
    name: 'an account to connect, its name with its kind and address, then its user',
    turns: [
      { text: 'we need to add an account', question: 'service' },
      {
        text: 'billing-hub: a password login at https://billing-hub.example.net/signin',
        question: 'username',
      },
      {
        text: 'the user is finance@example.com',
        operations: ['connectAccount'],
        connection: { service: 'billing-hub', kind: 'login', allowedHosts: ['billing-hub.example.net'] },
      },
    ],
  },
  // A working-hours rhythm: its step changed, then a day taken out; the hours and days stay.
  {
    name: 'every 20 minutes in office hours, then hourly, then not on mondays',
    turns: [
      {
        text: 'run the lead scraper every 20 minutes from 8 to 18 on weekdays',
        operations: ['scheduleAgent'],
      },
      {
        text: 'ok, make that hourly instead',
        operations: ['scheduleAgent'],
        schedule: { cron: '0 8-18 * * 1-5', timezone: berlin },
      },
      {
        text: 'but not on mondays',
        operations: ['scheduleAgent'],
        schedule: { cron: '0 8-18 * * 2-5', timezone: berlin },
      },
    ],
  },
  // One run on a weekday said once, then another day at the same time.
  {
    name: 'one run on wednesday, then saturday too',
    turns: [
      {
        text: 'run the monthly report wednesday at 4pm',
        operations: ['scheduleAgent'],
        schedule: { runAt: '2026-11-25T15:00:00.000Z', timezone: berlin },
      },
      {
        text: 'and also saturday, same time',
        operations: ['scheduleAgent', 'scheduleAgent'],
        schedules: [
          { runAt: '2026-11-25T15:00:00.000Z', timezone: berlin },
          { runAt: '2026-11-28T15:00:00.000Z', timezone: berlin },
        ],
      },
    ],
  },
  // An agent taken out of the plan after "no wait".
  {
    name: 'two pauses, then one kept running',
    turns: [
      { text: 'pause the data collector and the reporter', operations: ['pauseAgent', 'pauseAgent'] },
      {
        text: 'no wait, keep the reporter running',
        operations: ['pauseAgent'],
        agent: 'Data Collector',
      },
    ],
  },
  // A day left out of the schedule waiting is not read as a day added.
  {
    name: 'weekdays, then skip fridays',
    turns: [
      { text: 'run the data collector every weekday at 7:30', operations: ['scheduleAgent'] },
      {
        text: 'also skip fridays',
        operations: ['scheduleAgent'],
        schedule: { cron: '30 7 * * 1-4', timezone: berlin },
      },
    ],
  },
  // "Not every day, just weekdays" narrows the schedule waiting.
  {
    name: 'every day, then just weekdays',
    turns: [
      { text: 'run the data collector every day at 9', operations: ['scheduleAgent'] },
      {
        text: 'no, not every day, just weekdays',
        operations: ['scheduleAgent'],
        schedule: { cron: '0 9 * * 1-5', timezone: berlin },
      },
    ],
  },
  // "Not the X, the Y": the plan moved to the agent meant.
  {
    name: 'a run, then not that agent but another',
    turns: [
      { text: 'run the weekly report', operations: ['runAgent'] },
      { text: 'not the weekly report, the monthly one', operations: ['runAgent'], agent: 'Monthly Report' },
    ],
  },
  // "Approve" typed when nothing waits: said plainly.
  {
    name: 'an answer, then approve typed',
    turns: [
      { text: 'what failed today?', reply: /failed today/ },
      { text: 'approve', reply: /no plan waiting for approval/ },
    ],
  },
  // What the agent reads, said after the plan that builds or changes it.
  {
    name: 'a renamed agent, then its selector',
    turns: [
      { text: 'rename the job collector to Careers Board', operations: ['updateAgent'] },
      {
        text: 'and change the selector to .opening too',
        operations: ['updateAgent'],
        agent: 'Job Collector',
        spec: { contains: ['"selector":".opening"', '"name":"Careers Board"'], lacks: ['.lead'] },
      },
    ],
  },
  // Taken off its schedule instead of paused.
  {
    name: 'a pause proposed, then off the schedule instead',
    turns: [
      { text: 'pause the weekly report', operations: ['pauseAgent'] },
      {
        text: 'no, rather take it off its schedule',
        operations: ['unscheduleAgent'],
        agent: 'Weekly Report',
      },
    ],
  },
  // A fix answered after "why did it fail", with a run to try it.
  {
    name: 'a failure explained, then fixed and tried again',
    turns: [
      { text: 'why did the job collector fail?', reply: /\.lead/ },
      {
        text: 'the cards are .job-card now, change it and give it another go',
        operations: ['updateAgent', 'runAgent'],
        agent: 'Job Collector',
      },
    ],
  },
  // One run moved to another day stays one run, at its time.
  {
    name: 'a run tomorrow, moved to thursday',
    turns: [
      { text: 'run the data collector tomorrow at 8', operations: ['scheduleAgent'] },
      {
        text: 'hmm thursday instead',
        operations: ['scheduleAgent'],
        agent: 'Data Collector',
        schedule: { runAt: '2026-11-26T07:00:00.000Z', timezone: 'Europe/Berlin' },
      },
    ],
  },
  // A past result asked to be sent on: said what is possible, never "did not understand".
  {
    name: 'what an agent got, then sent on',
    turns: [
      { text: 'what did the price monitor get last time?', reply: /Price Monitor/ },
      {
        text: 'forward that to kim@example.org',
        reply: /cannot send a finished run's output.*kim@example\.org/s,
      },
    ],
  },
  // "Find them by itself" answers what marks each record.
  {
    name: 'a scraper whose records the agent is left to find',
    turns: [
      { text: 'scrape the events from https://example.org/events', question: 'records' },
      { text: 'no idea, you figure it out', operations: ['createAgent', 'runAgent'] },
    ],
  },
  // One run moved to the day said without "not".
  {
    name: 'a run on monday, then not monday but wednesday',
    turns: [
      { text: 'run the monthly report on monday at 10', operations: ['scheduleAgent'] },
      {
        text: 'not monday, wednesday',
        operations: ['scheduleAgent'],
        agent: 'Monthly Report',
        schedule: { runAt: '2026-11-25T09:00:00.000Z', timezone: 'Europe/Berlin' },
      },
    ],
  },
  // "Try again" after a pause is of the agent the conversation was about.
  {
    name: 'a failure explained, another agent paused, then tried again',
    turns: [
      { text: 'why did the weekly report fail', operations: ['updateAgent'] },
      {
        text: 'ok, pause the data collector and try again',
        operations: ['pauseAgent', 'runAgent'],
        targets: ['Data Collector', 'Weekly Report'],
      },
    ],
  },
];

/** Names as people type them: typos and word forms still find the one agent meant. */
export const nameCases: ConversationTurn[] = [
  { text: 'pause the lead scrapper', operations: ['pauseAgent'], agent: 'Lead Scraper' },
  { text: 'run the weekly reprot', operations: ['runAgent'], agent: 'Weekly Report' },
  { text: 'delete the monthy report', operations: ['deleteAgent'], agent: 'Monthly Report' },
  { text: 'resume the job colector', operations: ['resumeAgent'], agent: 'Job Collector' },
  { text: 'run the price monitr', operations: ['runAgent'], agent: 'example.com Price Monitor' },
  { text: 'pause the data collecting agent', operations: ['pauseAgent'], agent: 'Data Collector' },
  // An exact name wins over stems: the reporter is "Reporter", not "Reporting Agent".
  { text: 'pause the reporter', operations: ['pauseAgent'], agent: 'Reporter' },
];
