// What the built-in planner understands, as data: the words that signal each intent and kind of
// agent, and the fields people ask to extract. Teaching it a phrasing means adding words here.
import type { ChainConditionName } from '../../../domain/plan.ts';
import { withVerbForms } from './verb-forms.ts';

/** Questions about the workspace, answered without a plan. Checked first. */
export const questionPatterns = {
  listAgents: [
    /\b(what|which)\b.*\bagents?\b/,
    /\b(list|show)\b.*\bagents?\b/,
    /\bhow many agents\b/,
    /\bagents do i have\b/,
  ],
  whyFailed: [
    /\bwhy\b.*\b(fail|failed|failing|fails|broke|broken|error)/,
    /\bwhat went wrong\b/,
    /\bwhat happened\b/,
  ],
  nextRun: [
    /\bwhen\b.*\bnext\b/,
    /\bnext (run|runs|time)\b/,
    /\bwhen (does|do|will|is|are)\b.*\b(run|runs|running|scheduled|fire|fires|start|starts)\b/,
    /\b(what'?s|what is|what are|show( me)?)\b.*\bschedules?\b/,
    /\bhow often\b.*\b(run|runs)\b/,
  ],
} as const;

/**
 * Actions on an agent that exists. The earliest one in the text wins. Verbs are listed with all
 * their forms ("paused", "deleting"): a request is read the same however its verb is inflected.
 */
/** Words that say an agent's page is now somewhere else, with no verb asking for a change. */
const pageMovedWords = [
  'moved to',
  'has moved',
  'now lives at',
  'lives at',
  'is now at',
  'now at',
  'relocated to',
  // "Its page is now https://…", "the url changed to https://…".
  'is now',
  'are now',
  'changed to',
];

/**
 * Words beside a new address that make it the page an agent works on: "use https://… instead",
 * "so it watches https://…", "point it at …", "the page moved to …".
 */
export const addressChangeWords = [
  'instead',
  'new url',
  'new address',
  'new page',
  ...pageMovedWords,
  ...withVerbForms([
    'use',
    'switch',
    'change',
    'point',
    'replace',
    'update',
    'watch',
    'check',
    'monitor',
    'fetch',
    'scrape',
    'read',
    'look at',
    'go to',
    'move',
  ]),
];

export const actionWords = {
  delete: withVerbForms(['delete', 'remove', 'get rid of', 'drop', 'trash', 'discard', 'destroy', 'erase']),
  pause: [
    ...withVerbForms([
      'pause',
      'stop',
      'disable',
      'suspend',
      'turn off',
      'switch off',
      'shut down',
      'shut off',
      'power off',
      'power down',
      'halt',
      'deactivate',
    ]),
    'on hold',
  ],
  resume: [
    ...withVerbForms([
      'resume',
      'unpause',
      're-enable',
      'reenable',
      'enable',
      'turn on',
      'turn back on',
      'switch on',
      'switch back on',
      'power on',
      'power back on',
      'power up',
      'wake up',
      'wake back up',
      'reactivate',
      'restart',
      'start again',
    ]),
    'back on',
  ],
  run: withVerbForms([
    'run',
    'rerun',
    're-run',
    'retry',
    'test',
    'try',
    'execute',
    'trigger',
    'kick off',
    'launch',
  ]),
  update: [
    'also',
    'instead',
    'make it',
    // "For changes" and "when it changed" are what a monitor watches for, not a request to change.
    ...withVerbForms(['change']).filter((form) => form !== 'changes' && form !== 'changed'),
    ...withVerbForms([
      'update',
      'modify',
      'tweak',
      'adjust',
      'amend',
      'alter',
      'switch',
      'edit',
      'use',
      'point',
      'add',
      'replace',
      'notify me',
      'send',
    ]),
    // "The monthly report's page moved to https://…": its address changes.
    ...pageMovedWords,
  ],
} as const;

export type ActionIntent = keyof typeof actionWords;

/** "On" ends the request or its clause: "switch it to run on mondays" is a schedule. */
const onOffEnd = '(?=\\s*(?:$|[,.;!?]|(?:again|now|please|and|then|too|for me|for now|asap)\\b))';

/**
 * "Give the data collector a test run", "do a quick run of X": a run asked for as a noun, with
 * the agent between the verb and "a … run".
 */
export const runAsNoun =
  /\b(?:give|gave|giving|do|doing|have|take)\b(?:\s+\S+){0,5}?\s+an?\s+(?:(?:test|trial|quick|dry|fresh|new|manual|practice|one-off)\s+)?(?:run|spin|go|whirl)\b/i;

/**
 * "Switch the collector back on", "turn it off": the object sits between the verb and "on" or
 * "off", so no phrase above holds them, and "switch" alone would read as a change; a run asked
 * for as a noun is read the same way.
 */
export const onOffIntents: { pattern: RegExp; intent: ActionIntent }[] = [
  {
    pattern: new RegExp(`\\b(?:turn|switch|flip)(?:\\s+\\S+){0,4}?\\s+(?:back\\s+)?on${onOffEnd}`, 'i'),
    intent: 'resume',
  },
  {
    pattern: new RegExp(`\\b(?:turn|switch|flip)(?:\\s+\\S+){0,4}?\\s+off${onOffEnd}`, 'i'),
    intent: 'pause',
  },
  { pattern: runAsNoun, intent: 'run' },
];

/** The kinds of agent the built-in planner builds from a page, and the words that ask for each. */
export const agentKinds = {
  monitor: [
    ...withVerbForms(['monitor', 'watch', 'track', 'keep an eye', 'alert me', 'notify me when']),
    'changes',
    'changed',
    'tell me when',
    'let me know when',
  ],
  scrape: [
    ...withVerbForms(['scrape', 'collect', 'extract', 'gather', 'pull', 'harvest', 'crawl', 'grab']),
    'list of',
    'get all',
    'fetch all',
  ],
};

/** A portal agent is asked for in words of its own (portal-vocabulary.ts). */
export type AgentKind = keyof typeof agentKinds | 'portal';

/** Words that ask for a new agent when no existing agent is named. */
export const createWords = [
  'create',
  'build',
  'make a',
  'make an',
  'make me a',
  'set up',
  'setup',
  'new agent',
  'i need',
  'i want',
  'an agent',
];

/**
 * "Send me …", "in my inbox": the person's own e-mail, but only when the request names no other
 * channel ("send me a slack message at https://hooks.slack.com/…" is Slack).
 */
export const toMeWords = [
  'send me',
  'send it to me',
  'send them to me',
  'send those to me',
  'deliver it to me',
  'in my inbox',
  'to my inbox',
  'into my inbox',
  'my mailbox',
];

/** What records are called, to name agents and files after them. */
export const recordNouns = [
  { noun: 'leads', words: ['lead', 'leads', 'prospect', 'prospects', 'contact', 'contacts'] },
  { noun: 'products', words: ['product', 'products', 'item', 'items', 'listing', 'listings'] },
  {
    noun: 'jobs',
    words: ['job', 'jobs', 'opening', 'openings', 'vacancy', 'vacancies', 'position', 'positions'],
  },
  { noun: 'prices', words: ['price', 'prices', 'pricing'] },
  { noun: 'articles', words: ['article', 'articles', 'post', 'posts', 'news', 'headline', 'headlines'] },
  { noun: 'people', words: ['people', 'person', 'team', 'staff', 'member', 'members'] },
] as const;

/** Fields people ask to extract by name, with where they usually are in a record. */
export const knownFields: Record<
  string,
  { words: string[]; field: { selector: string; attribute?: string } }
> = {
  linkedin: { words: ['linkedin'], field: { selector: 'a[href*="linkedin.com"]', attribute: 'href' } },
  email: {
    words: ['email', 'e-mail', 'emails', 'email address'],
    field: { selector: 'a[href^="mailto:"]', attribute: 'href' },
  },
  phone: {
    words: ['phone', 'phones', 'telephone', 'phone number'],
    field: { selector: 'a[href^="tel:"]', attribute: 'href' },
  },
  link: { words: ['link', 'links', 'url', 'urls', 'website'], field: { selector: 'a', attribute: 'href' } },
  image: {
    words: ['image', 'images', 'photo', 'photos', 'picture'],
    field: { selector: 'img', attribute: 'src' },
  },
  price: { words: ['price', 'prices', 'cost'], field: { selector: '.price, [itemprop="price"]' } },
  title: {
    words: ['title', 'titles', 'heading', 'name', 'names'],
    field: { selector: 'h1, h2, h3, h4, .title, .name' },
  },
};

/** Answers to "what marks each record?" that need no CSS. */
export const recordLayouts: Record<
  string,
  { words: string[]; records: { selector: string; fields: Record<string, unknown> } }
> = {
  'table rows': {
    words: ['table', 'rows', 'table rows'],
    records: { selector: 'table tr:has(td)', fields: { cells: { selector: 'td', multiple: true } } },
  },
  links: {
    words: ['links', 'every link', 'all links'],
    records: { selector: 'a[href]', fields: { text: { trim: true }, url: { attribute: 'href' } } },
  },
  'list items': {
    words: ['list', 'list items', 'bullets'],
    records: { selector: 'li', fields: { text: { trim: true } } },
  },
};

export const yesWords = [
  'yes',
  'yep',
  'sure',
  'ok',
  'okay',
  'go ahead',
  'do it',
  'confirm',
  'correct',
  'right',
];
export const noWords = ['no', 'nope', 'cancel', 'never mind', 'nevermind', 'stop', "don't", 'do not'];

/** Words that ask to run an agent on a schedule (a schedule said in words asks too). */
export const scheduleWords = ['schedule', 'reschedule', 'scheduled', 'automatically', 'regularly'];

/**
 * "Move the price monitor to 9am only", "shift X to every 3 hours": moving an agent to a time is a
 * schedule change, when what follows "to" (or "for") is a time the schedule parser reads.
 */
export const moveToTime =
  /^\s*(?:(?:please|pls|can you|could you|ok|okay|so)\s+)*(?:move|moving|shift|push|bring|change|switch|set|put|make)\b.+?\b(?:to|for|over to)\s+(?<time>.+)$/i;

/** Requests to take an agent off its schedule. Checked before the actions above. */
export const unschedulePatterns = [
  /\bunschedule\b/,
  /\b(stop|no longer|don'?t|do not|never)\b.*\b(on a|on its|on the|by|from its|from the)? ?schedul(?:e|ed|ing)\b/,
  // "Stop running X automatically, I'll start it by hand": what runs by itself is the schedule.
  /\b(stop|no longer|don'?t|do not|never)\b.*\brun(?:n?ing|s)?\b.*\b(automatically|on (?:its|their) own|by (?:itself|themselves))\b/,
  /\b(remove|delete|cancel|clear|drop|turn off|disable|get rid of)\b.*\bschedules?\b/,
  // "Drop the lead scraper from its current time", "take X off its monday slot": its schedule,
  // never the agent.
  /\b(?:remove|drop|take|pull|move|get)\b.*\b(?:from|off(?:\s+of)?)\s+(?:its|the|their|his|her)\s+(?:(?:current|usual|regular|normal|present|old|existing)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?(?:slots?|times?|timeslots?|time slots?|hours?|run ?times?|rota|timetable)\b(?!.*\b(?:to|until|till|instead|and (?:put|run|move|schedule|set))\b)/,
  // "Take it off the schedule", "pull the reporter off its schedule".
  /\b(take|taking|pull|get|knock)\b.*\boff\s+(?:of\s+)?(?:the|its|their|a)?\s*schedules?\b/,
];

/**
 * How a run's end is said, and which ends start the chained agent: "finishes" means it did its
 * job (its results are what gets sent); "ends" means however it ended.
 */
export const chainEndings: Record<string, ChainConditionName> = {
  finishes: 'success',
  finished: 'success',
  'is finished': 'success',
  'has finished': 'success',
  'is done': 'success',
  completes: 'success',
  'has completed': 'success',
  'is complete': 'success',
  succeeds: 'success',
  'has succeeded': 'success',
  'is successful': 'success',
  works: 'success',
  'has run': 'success',
  'runs successfully': 'success',
  runs: 'success',
  fails: 'failure',
  'has failed': 'failure',
  failed: 'failure',
  errors: 'failure',
  breaks: 'failure',
  crashes: 'failure',
  "doesn't work": 'failure',
  'does not work': 'failure',
  ends: 'always',
  'has ended': 'always',
  'is over': 'always',
  stops: 'always',
};

/** How each chain condition reads after the first agent's name. */
export const chainConditionWords: Record<ChainConditionName, string> = {
  success: 'succeeds',
  failure: 'fails',
  always: 'ends, whether it succeeds or fails',
};

/** Words that make a chain start the next agent however the first run ended. */
export const chainAlwaysWords = [
  'either way',
  'no matter',
  'whatever happens',
  'always',
  'success or failure',
  'succeeds or fails',
  'whether it',
];

/** Conjunctions that introduce the first agent's end: "when", "after", "if". */
export const chainWhenWords = ['when', 'whenever', 'after', 'once', 'as soon as', 'if'];
/** Verbs that hand results on: "send its results to …". */
export const chainHandOverWords = ['send', 'pass', 'give', 'hand', 'feed', 'forward', 'push'];
/** Verbs that start the next agent: "run …", "start …". */
export const chainStartWords = ['run', 'start', 'trigger', 'kick off', 'launch', 'execute'];
/** What the first agent's results are called. */
export const chainResultWords = ['results', 'result', 'output', 'outputs', 'data', 'findings'];
/** Verbs that join two agents directly, besides "chain X to Y": "connect X to Y". */
export const chainJoinWords = ['connect', 'link', 'pipe', 'hook up'];
/** Verbs that stop handing results on: "stop sending …", "unchain …". */
export const chainStopWords = ['stop', 'no longer', "don't", 'do not', 'never'];
/** Verbs that end a chain named as a thing: "remove the chain …", "cancel the X → Y chain". */
export const chainRemoveWords = [
  'remove',
  'delete',
  'break',
  'drop',
  'cut',
  'cancel',
  'kill',
  'end',
  'disable',
  'turn off',
  'get rid of',
];
/** Verbs that part two agents named on either side: "disconnect X from Y", "unlink X and Y". */
export const chainDetachWords = ['disconnect', 'detach', 'unlink', 'decouple', 'unhook', 'unpipe'];
/** What the first agent does to the second, said after "stop": "stop X feeding Y". */
export const chainFeedingWords = [
  'feeding',
  'sending to',
  'sending its results to',
  'sending results to',
  'passing to',
  'passing its results to',
  'handing to',
  'handing over to',
  'forwarding to',
  'triggering',
  'starting',
  'kicking off',
  'running',
];

/** What stands for the agent the conversation was about. */
export const pronouns = ['it', 'its', 'this', 'that', 'this one', 'that one', 'this agent', 'that agent'];

/** Time zones people name in words; IANA names ("Europe/Paris") are read as they are. */
export const timezoneWords: Record<string, string> = {
  'london time': 'Europe/London',
  'uk time': 'Europe/London',
  'british time': 'Europe/London',
  'paris time': 'Europe/Paris',
  'berlin time': 'Europe/Berlin',
  'central european time': 'Europe/Paris',
  'new york time': 'America/New_York',
  'eastern time': 'America/New_York',
  'central time': 'America/Chicago',
  'mountain time': 'America/Denver',
  'pacific time': 'America/Los_Angeles',
  'tokyo time': 'Asia/Tokyo',
  'sydney time': 'Australia/Sydney',
  'india time': 'Asia/Kolkata',
  utc: 'UTC',
  gmt: 'UTC',
};

/**
 * Time zone abbreviations ("9am EST"): read only after a time or "in", since "et" or "pt" alone
 * may be other words. Summer and winter forms name the same zone, which keeps its own clock
 * changes (EST in July is New York's summer time, which is what was meant).
 */
export const timezoneAbbreviations: Record<string, string> = {
  est: 'America/New_York',
  edt: 'America/New_York',
  et: 'America/New_York',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  ct: 'America/Chicago',
  mst: 'America/Denver',
  mdt: 'America/Denver',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  pt: 'America/Los_Angeles',
  cet: 'Europe/Paris',
  cest: 'Europe/Paris',
  bst: 'Europe/London',
  ist: 'Asia/Kolkata',
  jst: 'Asia/Tokyo',
  aest: 'Australia/Sydney',
};

/** Words that can begin a schedule said in words; the words around them are read with them. */
export const scheduleStartWords = [
  'every',
  'each',
  'hourly',
  'daily',
  'nightly',
  'weekly',
  'monthly',
  'weekday',
  'weekdays',
  'weekend',
  'weekends',
  'at',
  'first',
  'last',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mondays',
  'tuesdays',
  'wednesdays',
  'thursdays',
  'fridays',
  'saturdays',
  'sundays',
];

/** Words that carry nothing at either end of a schedule shown back ("to run every day" → "every day"). */
export const scheduleEdgeWords = {
  leading: [
    'run',
    'runs',
    'it',
    'this',
    'agent',
    'schedule',
    'scheduled',
    'please',
    'the',
    'and',
    'to',
    'a',
    'an',
  ],
  trailing: [
    'run',
    'it',
    'please',
    'the',
    'and',
    'to',
    'a',
    'an',
    'at',
    'on',
    'in',
    'of',
    'starting',
    'from',
    'now',
  ],
};

/** Words that ask for missed firings to run once when Orca is back. */
export const catchUpWords = ['catch up', 'make up for', 'run missed', 'if missed', 'when missed'];
