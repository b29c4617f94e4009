// What the built-in planner understands, as data: the words that signal each intent and kind of
// agent, and the fields people ask to extract. Teaching it a phrasing means adding words here.

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
} as const;

/** Actions on an agent that exists. The earliest one in the text wins. */
export const actionWords = {
  delete: ['delete', 'remove', 'get rid of', 'drop', 'trash', 'discard', 'destroy', 'erase'],
  pause: ['pause', 'stop', 'disable', 'suspend', 'turn off', 'halt', 'deactivate', 'on hold'],
  resume: [
    'resume',
    'unpause',
    're-enable',
    'reenable',
    'enable',
    'turn on',
    'back on',
    'reactivate',
    'restart',
    'start again',
  ],
  run: ['run', 'test', 'try', 'execute', 'trigger', 'kick off', 'launch'],
  update: [
    'also',
    'change',
    'update',
    'modify',
    'switch',
    'instead',
    'edit',
    'use',
    'point',
    'add',
    'replace',
    'make it',
    'notify me',
    'send',
  ],
} as const;

export type ActionIntent = keyof typeof actionWords;

/** The kinds of agent the built-in planner builds, and the words that ask for each. */
export const agentKinds = {
  monitor: [
    'monitor',
    'watch',
    'track',
    'keep an eye',
    'changes',
    'changed',
    'alert me',
    'notify me when',
    'tell me when',
    'let me know when',
  ],
  scrape: [
    'scrape',
    'collect',
    'extract',
    'gather',
    'pull',
    'harvest',
    'crawl',
    'list of',
    'grab',
    'get all',
    'fetch all',
  ],
  portal: ['log in', 'log into', 'login', 'sign in', 'portal', 'download'],
} as const;

export type AgentKind = keyof typeof agentKinds;

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
  'can you',
  'an agent',
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
