// Verbs and time words typed with a slip: "pasue the lead scraper", "scedule the reporter",
// "delte it", "tommorow at 7", "every wendesday". The rules find requests by these words, so a
// misspelled one would leave the request not understood (or a one-off run read as a schedule)
// although its agent's name is found (names have their own typo matching, in name-typos.ts).
// Only the words below are corrected, only one slip away, only in words of five letters or
// more, and never a word that is itself an English word the requests use ("remote", "scraper");
// a few common misspellings further away are listed as they are typed.
import { typoDistance } from './typo-distance.ts';

/** The verbs, and their forms, that a slip in a request is corrected to. */
const verbs = [
  'pause',
  'paused',
  'resume',
  'unpause',
  'delete',
  'remove',
  'schedule',
  'unschedule',
  'reschedule',
  'rename',
  'duplicate',
  'connect',
  'disconnect',
  'reconnect',
  'create',
  'unchain',
  'trigger',
  'execute',
  'monitor',
  'summarise',
  'summarize',
  'disable',
  'enable',
  'change',
  'update',
  // Time words: "tomorow", "thrusday", "evrey morning".
  'tomorrow',
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
  'weekday',
  'weekdays',
  'weekend',
  'weekends',
  'hourly',
  'weekly',
  'monthly',
];

const timeWords = new Set(verbs.slice(verbs.indexOf('tomorrow')));

/** Misspellings more than one slip from the word, as people type them. */
const misspellings: Record<string, string> = {
  tommorow: 'tomorrow',
  tommorrow: 'tomorrow',
  tomorow: 'tomorrow',
  tomoro: 'tomorrow',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmrow: 'tomorrow',
  wensday: 'wednesday',
  wendsday: 'wednesday',
  wedensday: 'wednesday',
  thursay: 'thursday',
  thrusday: 'thursday',
  tusday: 'tuesday',
  satuday: 'saturday',
  saterday: 'saturday',
  moday: 'monday',
  mondy: 'monday',
  fridy: 'friday',
  frday: 'friday',
  sundy: 'sunday',
  evry: 'every',
  evrey: 'every',
};

/** Real words one slip from a verb: left as they are. */
const words = new Set([
  'parse',
  'parsed',
  'parses',
  'passed',
  'passes',
  'charge',
  'charges',
  'charged',
  'presume',
  'presumed',
  'summaries',
  'summarised',
  'summarized',
  'duplicates',
  'duplicated',
  'unscheduled',
  'scheduler',
  'schedulers',
  'monitors',
  'monitored',
  'triggered',
  'executes',
  'connected',
  'reconnected',
  'renames',
  'deletes',
  'removes',
  'remove',
  'unable',
  'cause',
  'causes',
  'caused',
  'paste',
  'phase',
  'chance',
  'chances',
  'upstate',
  'remote',
  'removed',
  'scraper',
  'scrapes',
  'change',
  'changes',
  'creates',
  'crate',
  'pauses',
  'resumes',
  'enables',
  'updates',
  'connects',
  'monitors',
  'triggers',
  'renamed',
  'deleted',
  'created',
  'updated',
  'changed',
  'enabled',
  'disabled',
  'executed',
  'triggered',
  'connected',
  'resumed',
  'schedules',
  'scheduled',
  'weakly',
  'hourlies',
  'ever',
  'event',
  'events',
  'everything',
  'mining',
  'evenings',
  'mornings',
  'minute',
  'sundae',
  'sundaes',
  'sundry',
  'frida',
]);

function corrected(word: string, kept: ReadonlySet<string>): string {
  const lower = word.toLowerCase();
  // "Wensdays" is "wensday" and an s.
  const spelled = (word: string) => (Object.hasOwn(misspellings, word) ? misspellings[word] : undefined);
  const plural = lower.endsWith('s') ? spelled(lower.slice(0, -1)) : undefined;
  const respelled = spelled(lower) ?? (plural && `${plural}s`);
  if (respelled && !kept.has(lower)) return respelled;
  if (
    lower.length < 5 ||
    words.has(lower) ||
    kept.has(lower) ||
    verbs.includes(lower) ||
    !/^[a-z]+$/.test(lower)
  )
    return word;
  // A short time word only by a letter swapped or mistyped ("fridya"), never one left out or
  // added: "Frida" and "Sundar" are names. Long ones ("thurday", "wednsday") take either.
  const near = verbs.filter(
    (verb) =>
      Math.abs(verb.length - lower.length) <= (timeWords.has(verb) && verb.length < 7 ? 0 : 1) &&
      typoDistance(lower, verb) === 1,
  );
  // Two verbs equally near ("pasued": paused, or pause with a letter more?) take the closer length.
  const [best] = near.sort((a, b) => Math.abs(a.length - lower.length) - Math.abs(b.length - lower.length));
  return best ?? word;
}

/**
 * The request with its misspelled verbs corrected; addresses, e-mails, quotes and the words of
 * the workspace's agent names (`names`) are left alone.
 */
export function withVerbsCorrected(text: string, names: readonly string[] = []): string {
  const kept = new Set(names.flatMap((name) => name.toLowerCase().split(/[^a-z]+/)));
  // Addresses (with or without https://), e-mails, selectors and quoted text stay as written:
  // only a word standing alone between spaces or punctuation is a word.
  return text.replace(
    /https?:\/\/\S+|\S*[@./#_:\\]\S*|"[^"]*"|“[^”]*”|'[^'\s][^']*'|`[^`]*`|[A-Za-z]+/g,
    (token) => (/^[A-Za-z]+$/.test(token) ? corrected(token, kept) : token),
  );
}
