// The shape of an agent, read from its spec alone: what kind of agent it is, which tools it uses,
// how it tells its person and the patterns it follows ("monitor + e-mail on change"). User memory
// learns these shapes across workspaces, so this reads a spec's structure and words but returns
// only names from closed sets: never an address, a name, a selector or any other value of the spec.

/** The kinds of agent people build; "other" when none fits. */
export const agentKinds = [
  'price_monitor',
  'page_monitor',
  'api_monitor',
  'digest',
  'report_writer',
  'scraper',
  'portal_download',
  'screenshot',
  'api_sync',
  'notifier',
  'other',
] as const;
export type AgentKind = (typeof agentKinds)[number];

/** How an agent tells its person. Slack is a webhook whose address is Slack's. */
export const notificationChannels = ['email', 'slack', 'webhook'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

export interface AgentShape {
  kind: AgentKind;
  /** The tools the steps call, each once, in step order. */
  tools: string[];
  /** The channels its notify steps use, each once. */
  channels: NotificationChannel[];
  /** Pattern keys, such as `price_monitor+email_on_change` or `scraper+saves_file`. */
  patterns: string[];
}

interface StepShape {
  tool: string;
  with: Record<string, unknown>;
  if?: string;
}

/** Words of the spec that say what it is for: its name, goal and instructions. */
function purposeOf(spec: Record<string, unknown>): string {
  return ['name', 'goal', 'instructions']
    .map((field) => (typeof spec[field] === 'string' ? (spec[field] as string) : ''))
    .join(' ')
    .toLowerCase();
}

function stepsOf(spec: Record<string, unknown>): StepShape[] {
  const steps = Array.isArray(spec.steps) ? spec.steps : [];
  return steps.flatMap((step) => {
    if (!step || typeof step !== 'object') return [];
    const entry = step as Record<string, unknown>;
    if (typeof entry.tool !== 'string') return [];
    const settings =
      entry.with && typeof entry.with === 'object' ? (entry.with as Record<string, unknown>) : {};
    return [{ tool: entry.tool, with: settings, if: typeof entry.if === 'string' ? entry.if : undefined }];
  });
}

const has = (steps: StepShape[], ...tools: string[]) => steps.some((step) => tools.includes(step.tool));
const mentions = (words: string, pattern: RegExp) => pattern.test(words);

/** Whether a webhook step posts to Slack: judged by the address's host, which is then forgotten. */
function channelOf(step: StepShape): NotificationChannel | undefined {
  if (step.tool === 'notify.email') return 'email';
  if (step.tool !== 'notify.webhook') return undefined;
  const url = typeof step.with.url === 'string' ? step.with.url : '';
  return /^https?:\/\/[^/]*slack\.com(?:[/:]|$)/i.test(url) ? 'slack' : 'webhook';
}

/** An agent that keeps what it saw and compares the next look with it: a watcher of changes. */
function watchesForChanges(steps: StepShape[], words: string): boolean {
  const remembers = has(steps, 'memory.read') && has(steps, 'memory.write');
  const conditionalNotice = steps.some((step) => step.tool.startsWith('notify.') && step.if !== undefined);
  return (
    (remembers && (conditionalNotice || has(steps, 'transform'))) ||
    (conditionalNotice && mentions(words, /\bchang|\bwatch|\bmonitor|\btrack|\balert/))
  );
}

/** A request that writes somewhere (POST, PUT, PATCH, DELETE) rather than reads. */
function writesToApi(steps: StepShape[]): boolean {
  return steps.some(
    (step) =>
      step.tool === 'http.request' &&
      typeof step.with.method === 'string' &&
      /^(post|put|patch|delete)$/i.test(step.with.method),
  );
}

function kindOf(steps: StepShape[], words: string): AgentKind {
  const fetchesPage = has(steps, 'http.request', 'browser.goto', 'browser.extract', 'browser.act');
  const readsHtml = has(steps, 'html.extract', 'browser.extract', 'browser.paginate');
  if (
    has(steps, 'browser.download') ||
    (has(steps, 'browser.login') && mentions(words, /download|statement|invoice/))
  )
    return 'portal_download';
  if (watchesForChanges(steps, words)) {
    if (mentions(words, /\bprices?\b|\bpricing\b|\bcosts?\b|\bdeals?\b|\bdiscount/)) return 'price_monitor';
    return readsHtml || !has(steps, 'http.request') || mentions(words, /\bpage|\bsite|\bwebsite/)
      ? 'page_monitor'
      : 'api_monitor';
  }
  if (has(steps, 'llm.generate')) {
    if (mentions(words, /digest|summar|brief|newsletter|round-?up|recap|highlights/)) return 'digest';
    if (has(steps, 'files.save') || mentions(words, /report|memo|proposal|document|letter/))
      return 'report_writer';
  }
  if (has(steps, 'browser.screenshot')) return 'screenshot';
  if (readsHtml && fetchesPage) return 'scraper';
  if (writesToApi(steps) || (mentions(words, /\bsync/) && has(steps, 'http.request'))) return 'api_sync';
  if (has(steps, 'llm.generate')) return mentions(words, /digest|summar/) ? 'digest' : 'report_writer';
  if (readsHtml) return 'scraper';
  if (has(steps, 'notify.email', 'notify.webhook')) return 'notifier';
  return 'other';
}

/** The agent's shape: its kind, tools, channels and patterns, read from the spec. */
export function agentShape(spec: Record<string, unknown>): AgentShape {
  const steps = stepsOf(spec);
  const words = purposeOf(spec);
  const kind = kindOf(steps, words);
  const tools = [...new Set(steps.map((step) => step.tool))];
  const notices = steps.filter((step) => channelOf(step) !== undefined);
  const channels = [...new Set(notices.map((step) => channelOf(step) as NotificationChannel))];
  const patterns = new Set<string>();
  for (const step of notices) {
    const channel = channelOf(step) as NotificationChannel;
    const onChange = step.if !== undefined && (kind.endsWith('_monitor') || /chang/i.test(step.if));
    patterns.add(`${kind}+${channel}${onChange ? '_on_change' : ''}`);
  }
  if (has(steps, 'files.save', 'browser.download', 'browser.screenshot')) patterns.add(`${kind}+saves_files`);
  if (has(steps, 'browser.login')) patterns.add(`${kind}+signs_in`);
  return { kind, tools, channels, patterns: [...patterns] };
}

const kindWords: Record<AgentKind, string> = {
  price_monitor: 'price monitor',
  page_monitor: 'page monitor',
  api_monitor: 'API monitor',
  digest: 'digest or summary',
  report_writer: 'report writer',
  scraper: 'scraper (collects records)',
  portal_download: 'portal download',
  screenshot: 'page screenshot',
  api_sync: 'API sync',
  notifier: 'notifier',
  other: 'other agent',
};

const channelWords: Record<NotificationChannel, string> = {
  email: 'e-mail',
  slack: 'Slack',
  webhook: 'a webhook',
};

export function isAgentKind(value: string): value is AgentKind {
  return (agentKinds as readonly string[]).includes(value);
}

export function isNotificationChannel(value: string): value is NotificationChannel {
  return (notificationChannels as readonly string[]).includes(value);
}

/** A kind in words: "price monitor". */
export function kindInWords(kind: AgentKind): string {
  return kindWords[kind];
}

/** A channel in words: "e-mail". */
export function channelInWords(channel: NotificationChannel): string {
  return channelWords[channel];
}

/** A pattern key in words: `price_monitor+email_on_change` is "price monitor + e-mail on change". */
export function patternInWords(pattern: string): string {
  const [kind, feature] = pattern.split('+');
  if (!kind || !feature || !isAgentKind(kind)) return pattern;
  const onChange = feature.endsWith('_on_change');
  const base = onChange ? feature.slice(0, -'_on_change'.length) : feature;
  if (isNotificationChannel(base))
    return `${kindWords[kind]} + ${channelWords[base]}${onChange ? ' on change' : ''}`;
  if (base === 'saves_files') return `${kindWords[kind]} + saves files`;
  if (base === 'signs_in') return `${kindWords[kind]} + signs in to an account`;
  return pattern;
}
