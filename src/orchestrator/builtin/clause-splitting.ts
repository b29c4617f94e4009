// Cutting one message into the requests it holds: "create X, run it hourly and send its results
// to Y" is three. A cut is made only where the next words start a request of their own (a verb
// the planner acts on), never inside an address, an e-mail, a quoted name or a selector, and never
// between "when X finishes," and what should happen then. "Monitor X and email me" stays whole:
// e-mailing is part of the monitor, not a request of its own. Measured against compromise's
// clauses in docs/decisions/0014-several-intents.md.
import { agentsMentioned, nameWords } from './agent-names.ts';
import { firstOf } from './request-text.ts';
import { scheduleIn } from './schedule-phrases.ts';
import { actionWords, chainEndings } from './vocabulary/vocabulary.ts';

/** What an agent is had to do in "have X run …", "make it email …": each starts a request. */
const agentDoings = [
  'run',
  'runs',
  'start',
  'go',
  'e-?mail',
  'mail',
  'send',
  'post',
  'notify',
  'alert',
  'ping',
  'message',
  'use',
  'check',
  'watch',
  'skip',
  'follow',
  'come after',
].join('|');

/** Words that start a request of their own after "and", "then", a comma or a full stop. */
const clauseVerbs = [
  'run',
  'rerun',
  'retry',
  // "…, fix it and try again": a run of the agent just changed.
  'try(?=(?:\\s+(?:it|that|this|them))?\\s+(?:again|once more)\\b)',
  'give it a (?:go|try|whirl|spin)',
  're-run',
  'kick off',
  'execute',
  'trigger',
  'test',
  'pause',
  'disable',
  'turn off',
  // "… and turn it back on", "and switch the collector on again": a resume, said with its object.
  'turn(?=(?:\\s+\\S+){0,4}?\\s+(?:back\\s+)?(?:on|off)\\b)',
  'enable',
  're-enable',
  'reenable',
  'put',
  'resume',
  'unpause',
  'reactivate',
  'delete',
  'remove',
  'trash',
  'get rid of',
  'schedule',
  'unschedule',
  'send',
  'pass',
  'forward',
  'feed',
  'hand',
  'chain',
  'unchain',
  'unhook',
  'detach',
  'create',
  'build',
  'set up',
  // "… then make an agent pulling charges …", "and make me one for the blog": a new agent.
  'make(?=\\s+(?:me\\s+)?(?:an?|another|one|a\\s+new)\\s+(?:new\\s+)?(?:agent|bot|monitor|scraper|watcher|tracker)\\b)',
  'monitor',
  'watch',
  'track',
  'scrape',
  'collect',
  'connect',
  // "… and reconnect crm", "then re-auth the sheets account": an account connected again.
  're-?(?:conn?ect|auth|authori[sz]e|authenticate|link)\\w*',
  'add',
  'change',
  'update',
  'switch',
  'rename',
  // "… and give it a test run": a run, said as something given to the agent.
  'give(?=(?:\\s+\\S+){1,4}\\s+an?\\s+(?:(?:quick|short|little)\\s+)?(?:test|try|spin|go|run|whirl)\\b)',
  'move',
  'shift',
  // "… and have the reporter run after it", "and have weekly report run fridays 3pm", "and make it
  // email sam@…": what an agent should do, said as having it do so ("make sure …" is no request).
  `(?:have|make|let|get)(?!\\s+sure\\b)(?=(?:\\s+\\S+){1,4}?\\s+(?:to\\s+)?(?:${agentDoings})\\b)`,
];

/** Words people put between the joint and the verb: "and then also run …". */
const lead = '(?:(?:then|also|please|after that|afterwards|finally|next)\\s+)*';
const verbs = [...clauseVerbs].sort((a, b) => b.length - a.length).join('|');
/**
 * A question after a request: "delete X. also what's wrong with Y?" asks for both. Only with
 * "also": "the password changed. how do i update it?" is one question with its reason.
 */
const questionStart = "(?:what|what's|whats|why|how|which|who|did|does|is|are|has)";
/** "… and also tell me why X failed": a question said as a request, needing no question mark. */
const askedToTell = '(?:tell|show|explain|let)\\s+(?:me|us)\\b';
/**
 * "… and tell me why the reporter failed", "and show me how much it cost": a question even
 * without "also". Only with a question word that asks about the past or the plan ("when … next");
 * "watch X and tell me what changed" or "tell me if the price drops" is the agent's own notice.
 */
const askedQuestion =
  '(?:tell|show|explain|remind)\\s+(?:me|us)\\s+(?:why\\b|how\\s+(?:much|often|long|come)\\b|whether\\s+\\S+\\s+(?:ran|failed|worked|succeeded)\\b|when\\s+(?:\\S+\\s+){0,5}?(?:runs?|will\\s+run|is\\s+due)\\s+next\\b|what\\s+(?:(?:\\S+\\s+){0,4}?)(?:did|went|happened|failed|costs?|cost)\\b)';
/**
 * "…, and when it finishes start the reporter": a chain said after another request. Only a run's
 * end opens one ("and when the price changes email me" is the monitor's own notice).
 */
const endings = Object.keys(chainEndings)
  .map((ending) => ending.replace(/'/g, "[\u2019']"))
  .join('|');
const chainCondition = `(?:when|whenever|once|after|as soon as|every time)\\s+(?:\\S+\\s+){0,5}?(?:${endings}|done|finished|complete)\\b`;
const joint = new RegExp(
  `(?:\\s*[,;]\\s*(?:and\\s+)?|\\s+and\\s+|\\s+then\\s+|[.!?]\\s+(?:and\\s+)?)(?=${lead}(?:${verbs}|${chainCondition})\\b)|(?:[.!;,]\\s+(?:and\\s+)?also\\s+)(?=${questionStart}\\b[^.!]*\\?\\s*$)|(?:[.!;,]?\\s+(?:and\\s+)?also\\s+)(?=${askedToTell})|(?:\\s*[,;]\\s*(?:and\\s+)?|\\s+and\\s+|[.!]\\s+)(?=${askedQuestion})`,
  'g',
);

const opening = new RegExp(`^\\s*(?:(?:and|plus)\\s+)?${lead}(?:${verbs}|${chainCondition})\\b`);

const questionOpening = new RegExp(`^\\s*(?:(?:and|also|plus)\\s+)*${askedQuestion}`, 'i');

/** Whether `part` asks about the workspace ("tell me why X failed", "… cost?"), rather than for a change. */
export function asksAboutWorkspace(part: string): boolean {
  return /\?\s*$/.test(part) || questionOpening.test(masked(part));
}

/** Whether `text` starts a request of its own ("and send the results to X", "then run it"). */
export function opensRequest(text: string): boolean {
  return opening.test(masked(text));
}

/** A leading "when X finishes," or "if X fails," belongs with what follows it. */
const condition = /^\s*(?:when|whenever|if|once|after|as soon as|every time)\b/i;

/** Addresses, e-mails, quoted names and selectors, masked so no cut or word falls inside them. */
const protectedSpans = [
  /\bhttps?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)]/gi,
  /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g,
  /`[^`]*`/g,
  /"[^"]*"/g,
  /“[^”]*”/g,
];

/** The text with each protected span replaced by as many underscores: same length, no words. */
export function masked(text: string): string {
  let result = text;
  for (const pattern of protectedSpans) result = result.replace(pattern, (span) => '_'.repeat(span.length));
  return result.toLowerCase();
}

function cutAt(text: string, joints: { index: number; length: number }[]): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const cut of joints) {
    parts.push(text.slice(from, cut.index));
    from = cut.index + cut.length;
  }
  parts.push(text.slice(from));
  // "then" or "also" after a cut joins the parts; in the first part "also" may be the request's own.
  return parts
    .map((part, index) => (index === 0 ? part.trim() : part.trim().replace(/^(?:(?:then|also)\s+)+/i, '')))
    .filter(Boolean);
}

/**
 * "Reconnect it" alone: an account connected again whose account is only a pronoun. What "it" is
 * was said in the part before ("the billing-api key expired, reconnect it"), so the two stay one
 * request; cut apart, the reconnect would not know its account.
 */
const pronounReconnect =
  /^(?:please\s+)?re-?(?:conn?ect|auth|authori[sz]e|authenticate|link)\w*\s+(?:it|them|this|that)(?:\s+(?:again|please|now))*\s*[.!]?$/i;

/** "The portal password changed, update it": a secret renewed, named by a pronoun. */
const pronounRenewal =
  /^(?:please\s+)?(?:update|fix|change|reset|renew|rotate|replace|re-?enter)\s+(?:it|them|this|that)(?:\s+(?:again|please|now|for me))*\s*[.!]?$/i;
const secretWords = /\b(?:password|passcode|token|api key|key|credentials?|login|secret)\b/i;

/** Parts that only name again, by a pronoun, what the part before said: joined back to it. */
function joinPronounReconnects(text: string, joints: { index: number; length: number }[]) {
  return joints.filter((cut, position) => {
    const next = joints[position + 1];
    const after = text
      .slice(cut.index + cut.length, next ? next.index : undefined)
      .trim()
      .replace(/^(?:(?:then|also)\s+)+/i, '');
    const before = text.slice(joints[position - 1] ? (joints[position - 1]?.index ?? 0) : 0, cut.index);
    return !pronounReconnect.test(after) && !(pronounRenewal.test(after) && secretWords.test(before));
  });
}

/** The requests a message holds, in order; one element when it holds one. */
export function splitClauses(text: string): string[] {
  const hidden = masked(text);
  const joints: { index: number; length: number }[] = [];
  let start = 0;
  let conditionMet = false;
  for (const match of hidden.matchAll(joint)) {
    const before = hidden.slice(start, match.index);
    if (before.trim() === '') continue;
    // "when the collector finishes, send …" is one request: its first joint is not a cut.
    if (!conditionMet && condition.test(before) && !/[.!?;]/.test(match[0])) {
      conditionMet = true;
      continue;
    }
    conditionMet = false;
    joints.push({ index: match.index, length: match[0].length });
    start = match.index + match[0].length;
  }
  return cutAt(text, joinPronounReconnects(text, joints));
}

const listIntents = ['delete', 'pause', 'resume', 'run'] as const;
/** Verbs of one agent beside the intents: "unschedule A and B" is two requests as well. */
const listVerbs = ['unschedule'];
/** Words that make "A and B" the two sides of a chain, or a schedule, not a list to act on. */
const notAList =
  /\b(?:chain|unchain|link|links|linked|connection|between|after|when|whenever|if|once|then|to|into|from|every|each|at|schedule|except|but not|apart from|other than|besides|excluding)\b/;

/** Words that may stand beside an agent's name in a list: "B now", "B too". */
const listTail = new Set([
  'pls',
  'plz',
  'now',
  'too',
  'also',
  'please',
  'for',
  'both',
  'as',
  'well',
  'right',
  'away',
  'today',
  'again',
]);

/** Between the items of a list: "A, B and C", "A & B", "A + B", "A/B". */
const listSeparator = /\s*,\s*(?:and\s+)?|\s+and\s+|\s*[&+]\s*|\s*\/\s*/g;

/** An item of a list that is an agent's name and nothing more: "the data collector", "B too". */
function onlyAnAgent(item: string, agents: readonly { name: string }[]): boolean {
  const [match] = agentsMentioned(item, agents);
  if (!match) return false;
  const named = new Set(nameWords(match.item.name));
  return nameWords(item).every((word) => named.has(word) || listTail.has(word));
}

/** When a one-off run is: "in half an hour", "tomorrow at 9", "at 3pm", "tonight". */
const oneOffTail =
  /^(?:now|right away|today|tonight|tomorrow\b.*|later(?:\s+today)?|in\s+(?:\d+|an?|one|two|three|four|five|ten|half)\b.*|at\s+\d.*|on\s+\w+day\b.*|next\s+\w+.*|this\s+(?:morning|afternoon|evening|\w+day)\b.*)$/i;

/** "The monthly report in half an hour": an agent's name, then when it should run. */
function timedAgent(item: string, agents: readonly { name: string }[]): boolean {
  const rest = afterLeadingName(masked(item), agents)?.trim();
  if (!rest) return false;
  return oneOffTail.test(rest) || scheduleIn(rest)?.kind === 'found';
}

/**
 * "Delete A and B" as "delete A" and "delete B": one verb, a list of agents, one request per
 * agent. Only when every item of the list names an agent; otherwise the request stays whole.
 */
export function objectList(clause: string, agents: readonly { name: string }[]): string[] {
  const hidden = masked(clause);
  // "Run A and then B" is a list in the order said; "then" elsewhere ("when A finishes then B") is not.
  // Times of day said with an agent ("B tomorrow at 7") are when it runs, not words of a schedule.
  const untimed = hidden.replace(/\bat\s+\d{1,2}(?::\d{2})?\s*(?:am|pm)?\b/g, ' ');
  if (notAList.test(untimed.replace(/(?:,|\band)\s+then\b/g, ' and'))) return [clause];
  const action = firstOf(hidden, [
    ...listIntents.flatMap((intent) => [...actionWords[intent]]),
    ...listVerbs,
  ]);
  if (!action) return [clause];
  const joints = [...hidden.matchAll(listSeparator)]
    .filter((match) => match.index > action.index)
    .map((match) => ({ index: match.index, length: match[0].length }));
  if (joints.length === 0) return [clause];
  const items = cutAt(clause, joints);
  // "Run A now and B tomorrow at 7": each its own time. "Run A and B at 7" is both at 7: the
  // time of the last item is every item's when the first says none.
  const firstTimed = timedAgent((items[0] as string).slice(action.index + action.phrase.length), agents);
  if (
    !agentsMentioned(items[0] as string, agents).length ||
    !items.slice(1).every((item) => onlyAnAgent(item, agents) || (firstTimed && timedAgent(item, agents)))
  )
    return [clause];
  const verb = clause.slice(0, action.index + action.phrase.length);
  return withFirstDay([items[0] as string, ...items.slice(1).map((item) => `${verb} ${item}`)]);
}

/** An agent's whole name as a pattern: its words with anything but letters and digits between. */
function namePattern(name: string): string {
  return nameWords(name)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^a-z0-9]+');
}

/** Agents, longest name first: "Reporting Agent (old)" is tried before "Reporting Agent". */
function byLongestName<T extends { name: string }>(agents: readonly T[]): T[] {
  return [...agents].sort((a, b) => nameWords(b.name).length - nameWords(a.name).length);
}

/**
 * The words after an agent's name at the start of `text` ("the weekly report for fridays"): its
 * whole name, else the words people shorten it to ("the price monitor hourly" for "example.com
 * Price Monitor"), when they name that one agent only.
 */
export function afterLeadingName(text: string, agents: readonly { name: string }[]): string | undefined {
  for (const agent of byLongestName(agents)) {
    const found = new RegExp(`^\\s*(?:the\\s+)?${namePattern(agent.name)}(?![a-z0-9])(.*)$`, 'is').exec(text);
    if (found) return found[1] ?? '';
  }
  const words = text
    .trim()
    .replace(/^the\s+/i, '')
    .split(/\s+/);
  for (let count = Math.min(4, words.length); count >= 2; count--) {
    const lead = words.slice(0, count).join(' ');
    const named = agentsMentioned(lead, agents);
    if (named.length !== 1 || !named[0]) continue;
    const own = new Set(nameWords(named[0].item.name));
    if (nameWords(lead).every((word) => own.has(word))) return words.slice(count).join(' ');
  }
  return undefined;
}

/** Where the first agent's whole name starts in `text`, and where it ends. */
function firstWholeName(text: string, agents: readonly { name: string }[]) {
  let best: { index: number; end: number } | undefined;
  for (const agent of byLongestName(agents)) {
    const found = new RegExp(`(?<![a-z0-9])(?:the\\s+)?${namePattern(agent.name)}(?![a-z0-9])`, 'i').exec(
      text,
    );
    if (found && (!best || found.index < best.index))
      best = { index: found.index, end: found.index + found[0].length };
  }
  return best;
}

/** Words that say something of their own after a name: not "too" or "now" alone. */
function saysMore(rest: string): boolean {
  return nameWords(rest).some((word) => !listTail.has(word));
}

/**
 * "Schedule the monthly report for the 1st at 6am and the weekly report for fridays at 5pm" as
 * two schedules: one verb, then agents each with their own words. A cut is made only where an
 * agent's whole name starts the next words, and only when every part says more than the name
 * (a bare list is objectList's; "chain A to B and C" keeps C with the chain).
 */
/**
 * Where the first agent is named, by its whole name or by the words people shorten it to ("move
 * the price monitor …" names "example.com Price Monitor" before "the lead scraper" is named whole).
 */
function firstNamed(text: string, agents: readonly { name: string }[]) {
  const whole = firstWholeName(text, agents);
  for (const word of text.matchAll(/(?<![a-z0-9])(?:the\s+)?[a-z0-9]/g)) {
    if (whole && word.index >= whole.index) break;
    const rest = afterLeadingName(text.slice(word.index), agents);
    if (rest !== undefined) return { index: word.index, end: text.length - rest.length };
  }
  return whole;
}

export function sharedVerbList(clause: string, agents: readonly { name: string }[]): string[] {
  const hidden = masked(clause);
  if (condition.test(hidden)) return [clause];
  const first = firstNamed(hidden, agents);
  if (!first || first.index === 0) return [clause];
  const verb = clause.slice(0, first.index);
  if (!new RegExp(`\\b(?:${verbs})\\b`, 'i').test(verb)) return [clause];
  const separator = /\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/g;
  const joints = [...hidden.matchAll(separator)]
    .filter((match) => match.index > first.index)
    .filter((match) => afterLeadingName(hidden.slice(match.index + match[0].length), agents) !== undefined)
    .map((match) => ({ index: match.index, length: match[0].length }));
  if (joints.length === 0) return [clause];
  const items = cutAt(clause, joints);
  const later = items.slice(1);
  if (!saysMore(hidden.slice(first.end, joints[0]?.index))) return [clause];
  if (!later.every((item) => saysMore(afterLeadingName(masked(item), agents) ?? ''))) return [clause];
  return withFirstDay([items[0] as string, ...later.map((item) => `${verb.trim()} ${item}`)]);
}

/**
 * "Run the data collector at 2pm today and the reporter at 3": the reporter's 3 is today too. A
 * later item with a time of day and no day of its own takes the first item's one day.
 */
function withFirstDay(items: string[]): string[] {
  const [first = '', ...later] = items;
  const day = oneDay.exec(first)?.[0];
  if (!day) return items;
  return [
    first,
    ...later.map((item) => (clockTime.test(item) && !dayOrRhythm.test(item) ? `${item} ${day}` : item)),
  ];
}

/** One day a time is on: "today", "tomorrow", "this friday", "next tuesday". */
const oneDay =
  /\b(?:today|tonight|tomorrow|(?:this|next|coming)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;
/** A time of day on a clock: "at 3", "3pm", "15:30". */
const clockTime = /\bat\s+\d{1,2}\b|\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b/i;
/** Words that give a time its own day or make it repeat. */
const dayOrRhythm =
  /\b(?:today|tonight|tomorrow|every|each|daily|hourly|weekly|monthly|weekdays?|weekends?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|morning|evening|night)\b/i;

/** Verbs that make one agent per page: "watch A and B for changes" is two monitors. */
const perPageVerbs = /\b(?:watch|monitor|track|keep an eye on|check|scrape|summari[sz]e)\b/i;
const addressPattern = /\bhttps?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)]/gi;

/**
 * "Watch https://a… and https://b… for changes": pages listed after one verb, one agent each,
 * each with the words around the list. Only when nothing but "and" or a comma stands between
 * the addresses, and none of them is where results are posted (a webhook).
 */
export function addressList(clause: string): string[] {
  const addresses = [...clause.matchAll(addressPattern)];
  if (addresses.length < 2 || !perPageVerbs.test(clause.slice(0, addresses[0]?.index ?? 0))) return [clause];
  if (addresses.some((address) => /hook/i.test(address[0]))) return [clause];
  for (let index = 1; index < addresses.length; index++) {
    const previous = addresses[index - 1] as RegExpMatchArray;
    const between = clause.slice((previous.index ?? 0) + previous[0].length, addresses[index]?.index);
    if (!/^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$/i.test(between)) return [clause];
  }
  const first = addresses[0] as RegExpMatchArray;
  const last = addresses.at(-1) as RegExpMatchArray;
  const head = clause.slice(0, first.index);
  const tail = clause.slice((last.index ?? 0) + last[0].length);
  return addresses.map((address) => `${head}${address[0]}${tail}`);
}

/** Words that join one agent to another in a chain, said again before each: "after A and after B". */
const chainPrepositions = /\b(after|before|into|to|from|behind)\s+/gi;

/**
 * "Chain the reporter after the weekly report and after the monthly report too": one request
 * with its preposition said again before a second agent, one request each. Cut only where the
 * same preposition follows "and" (or a comma) and an agent's name follows it.
 */
export function repeatedPrepositionList(clause: string, agents: readonly { name: string }[]): string[] {
  const hidden = masked(clause);
  const said = [...hidden.matchAll(chainPrepositions)].filter(
    (match) => afterLeadingName(hidden.slice(match.index + match[0].length), agents) !== undefined,
  );
  const first = said[0];
  if (!first) return [clause];
  const word = (first[1] as string).toLowerCase();
  const again = new RegExp(`\\s*(?:,\\s*(?:and\\s+)?|\\s+and\\s+)(?:also\\s+)?(?=${word}\\s)`, 'gi');
  const joints = [...hidden.matchAll(again)]
    .filter((match) => match.index > first.index)
    .filter((match) => {
      const rest = hidden.slice(match.index + match[0].length + word.length);
      return afterLeadingName(rest, agents) !== undefined;
    })
    .map((match) => ({ index: match.index, length: match[0].length }));
  if (joints.length === 0) return [clause];
  const head = clause.slice(0, first.index);
  const items = cutAt(clause, joints);
  return [
    items[0] as string,
    ...items.slice(1).map((item) => `${head}${item.replace(/\s+(?:too|as well|also)\s*[.!]?$/i, '')}`),
  ];
}

/** "Lead scraper: …", "price monitor -> …": up to four words naming an agent, then an arrow or colon. */
const nameLead = /^\s*((?:[\w.()'-]+\s+){0,3}[\w.()'-]+)\s*(?::|->|→|=>)\s*\S/;

/** Whether `text` starts with an agent's name (or the words people shorten it to) and an arrow. */
function ledByName(text: string, agents: readonly { name: string }[]): boolean {
  const lead = nameLead.exec(text)?.[1];
  return lead !== undefined && agentsMentioned(lead, agents).length === 1;
}

/**
 * "Lead scraper -> every 4 hours, price monitor -> every 30 minutes": a list of agents each led
 * by its name and an arrow or colon, one request each. Cut only where the next words are another
 * agent's name with its own arrow or colon, so a comma inside one item's words stays.
 */
export function nameLedList(clause: string, agents: readonly { name: string }[]): string[] {
  const hidden = masked(clause);
  if (!ledByName(hidden, agents)) return [clause];
  const separator = /\s*[,;]\s*(?:and\s+)?|\s+and\s+/g;
  const joints = [...hidden.matchAll(separator)]
    .filter((match) => ledByName(hidden.slice(match.index + match[0].length), agents))
    .map((match) => ({ index: match.index, length: match[0].length }));
  if (joints.length === 0) return [clause];
  const items = cutAt(clause, joints);
  // "Rename lead scraper -> Lead Finder, and weekly report -> Weekly Summary" starts with its verb
  // and the later items say none: the verb is every item's (sharedVerbList), not a list of names.
  const verbFirst = afterLeadingName(hidden, agents) === undefined;
  if (verbFirst && items.slice(1).every((item) => afterLeadingName(masked(item), agents) !== undefined))
    return [clause];
  return items;
}

/**
 * "The lead scraper should run at 8 on weekdays, the price monitor every 30 min": agents each led
 * by its name and followed by when it runs, one schedule each. The first keeps its own words; the
 * later ones, which say only a name and a time, are schedules ("schedule the price monitor …").
 */
/** Words before an agent's name that ask for nothing of their own: "I need the monthly report …". */
const wishLeadIn =
  /^(?:(?:i|we)\s+(?:need|want|would like|'d like)|let'?s\s+have|(?:please|pls)\s+have|(?:can|could)\s+(?:we|you)\s+have)\s+/i;

export function scheduleLedList(clause: string, agents: readonly { name: string }[]): string[] {
  const hidden = masked(clause).replace(wishLeadIn, (lead) => ' '.repeat(lead.length));
  if (afterLeadingName(hidden.trimStart(), agents) === undefined) return [clause];
  const separator = /\s*[,;]\s*(?:and\s+)?|\s+and\s+/g;
  const joints = [...hidden.matchAll(separator)]
    .filter((match) => afterLeadingName(hidden.slice(match.index + match[0].length), agents) !== undefined)
    .map((match) => ({ index: match.index, length: match[0].length }));
  if (joints.length === 0) return [clause];
  const items = cutAt(clause, joints);
  const timed = (item: string) =>
    scheduleIn(afterLeadingName(masked(item).replace(wishLeadIn, ''), agents) ?? '')?.kind === 'found';
  if (!items.every(timed)) return [clause];
  return [items[0] as string, ...items.slice(1).map((item) => `schedule ${item}`)];
}
