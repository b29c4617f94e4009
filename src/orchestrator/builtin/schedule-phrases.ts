// Finding the schedule in a request: "schedule the data collector to run every morning at 8am in
// Europe/London" holds the words "every morning at 8am" and the time zone Europe/London. The
// words are found by the schedule parser itself (the widest run of words it accepts around a
// word that can begin a schedule), with agent names, addresses and quoted text left out.
import { withCountedTimes } from '../../domain/schedule-limits.ts';
import { cronFromWords, ScheduleWordsError, scheduleWordsLimit } from '../../domain/schedule-words.ts';
import { nameWords } from './agent-names.ts';
import {
  scheduleEdgeWords,
  scheduleStartWords,
  timezoneAbbreviations,
  timezoneWords,
} from './vocabulary/vocabulary.ts';

export type ScheduleReading =
  /** Words the parser accepts, and a time zone if the request named one. */
  | { kind: 'found'; words: string; timezone?: string }
  /** Words that look like a schedule but do not parse: the parser's message says which. */
  | {
      kind: 'unclear';
      words: string;
      message: string;
      timezone?: string;
      /** The nearest schedules, in words, when what was asked is something a schedule cannot say. */
      options?: string[];
    };

/** Longest run of words tried as one schedule. */
const longestSchedule = 14;
const masked = '\u0000';

const ianaZone = /\b(?:in|using|on)\s+(?:the\s+)?([a-z]+(?:\/[a-z0-9_+-]+)+)(?:\s+time(?:\s+zone)?)?\b/i;

/** The time zone the request names, and the text without it. */
export function takeTimezone(text: string): { text: string; timezone?: string } {
  const iana = ianaZone.exec(text);
  if (iana?.[1]) return { text: text.replace(iana[0], ` ${masked} `), timezone: iana[1] };
  for (const [words, zone] of Object.entries(timezoneWords)) {
    const found = new RegExp(`\\b(?:in\\s+|on\\s+)?${words}(?:\\s+time(?:\\s+zone)?)?\\b`, 'i').exec(text);
    if (found) return { text: text.replace(found[0], ` ${masked} `), timezone: zone };
  }
  // "9am EST on mondays": taken out without a mask, so the days after it stay with the time.
  const abbreviation = new RegExp(
    `(?:(?<=\\d|\\d\\s|[ap]m|[ap]m\\s)|\\bin\\s+)(${Object.keys(timezoneAbbreviations).join('|')})\\b(?:\\s+time(?:\\s+zone)?)?`,
    'i',
  ).exec(text);
  const zone = timezoneAbbreviations[abbreviation?.[1]?.toLowerCase() ?? ''];
  if (abbreviation && zone) return { text: text.replace(abbreviation[0], ' '), timezone: zone };
  return { text };
}

/** Addresses, e-mails, code and quoted names are never schedule words. */
export function withoutLiterals(text: string): string {
  return text
    .replace(/\bhttps?:\/\/\S+/gi, ` ${masked} `)
    .replace(/\S+@\S+\.\S+/g, ` ${masked} `)
    .replace(/`[^`]*`|\{[^}]*\}|["“][^"”]*["”]/g, ` ${masked} `);
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[,.;!?()]+|[,.;!?()]+$/g, ''))
    .filter((word) => word.length > 0);
}

/**
 * Masks where the request names each agent: the longest stretch of words that are all words of
 * its name ("the weekly report", not the "weekly" of "weekly on Mondays").
 */
function maskNames(tokens: string[], names: readonly string[]): string[] {
  const result = [...tokens];
  for (const name of names) {
    const own = new Set(nameWords(name));
    let best = { start: -1, length: 0 };
    for (let start = 0; start < result.length; start++) {
      let length = 0;
      while (start + length < result.length && own.has(nameWords(result[start + length] ?? '')[0] ?? '')) {
        length++;
      }
      if (length > best.length) best = { start, length };
    }
    // Every place it is named: "have Weekly Report e-mail me when Weekly Report is done".
    for (let start = 0; best.length > 0 && start + best.length <= result.length; start++) {
      const stretch = result.slice(start, start + best.length);
      if (stretch.every((token) => own.has(nameWords(token)[0] ?? ''))) {
        for (let index = start; index < start + best.length; index++) result[index] = masked;
      }
    }
  }
  return result;
}

/**
 * A word a schedule can begin with: a schedule word, a clock time ("6am", "18:30", "half 9",
 * "8ish", "noon") or a day of the month ("1st"): "schedule the monthly report for 1st of month
 * 6am" has no other.
 */
function startsSchedule(token: string): boolean {
  return (
    scheduleStartWords.includes(token) ||
    /^\d{1,2}(?::\d{2})?(?:am|pm)?-?ish$|^\d{1,2}(?::\d{2})?(?:am|pm)$|^\d{1,2}:\d{2}$|^\d{1,2}(?:st|nd|rd|th)$|^(?:half|quarter|noon|midday|midnight)$/.test(
      token,
    )
  );
}

function parses(tokens: string[]): boolean {
  try {
    cronFromWords(tokens.join(' '));
    return true;
  } catch {
    return false;
  }
}

const clock = /^(?:\d{1,2}(?::\d{2})?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|noon|midday|midnight)$/;
const bareHour = /^\d{1,2}$/;

/**
 * "Schedule it for 7am", "for 7 instead", "move it to 8am and 6pm": a time after "for" or "to"
 * is when it runs, said as the parser reads it ("at 7am"). A bare number counts only at the end
 * or before words that end a time ("for 7 instead", "for 7 every day", "to 8 and 18"), so "for 7
 * days" stays a duration; "to" after a time ("from 9 to 17") is a range and stays. A second
 * time's own "at" ("at 8am and at 6pm") goes, so the times read as one list.
 */
const minutesBefore = new Set(['quarter', 'half', 'five', 'ten', 'twenty', 'twenty-five', 'minutes', 'mins']);

function clockAfterFor(tokens: string[]): string[] {
  const isTime = (token: string | undefined) =>
    token !== undefined && (clock.test(token) || (bareHour.test(token) && Number(token) <= 23));
  return tokens.flatMap((token, index) => {
    const before = tokens[index - 1];
    const next = tokens[index + 1] ?? '';
    const after = tokens[index + 2];
    if (token === 'at' && before === 'and' && isTime(tokens[index - 2]) && isTime(next)) return [];
    if (token !== 'for' && token !== 'to') return [token];
    // "From 9 to 17", "quarter to 9", "ten to 9": a range, or a time told before the hour.
    if (token === 'to' && (isTime(before) || minutesBefore.has(before ?? ''))) return [token];
    if (clock.test(next)) return ['at'];
    const hour = Number(next);
    // "For 8, 12 and 5pm": a bare hour that starts a list of times is a time too.
    const ends =
      after === undefined ||
      isTime(after) ||
      ['instead', 'every', 'each', 'daily', 'on', 'please', 'then', 'and', masked].includes(after);
    return [bareHour.test(next) && hour <= 23 && ends ? 'at' : token];
  });
}

/** The words without the filler at either end, as they are shown back. */
function trimmed(tokens: string[]): string {
  let start = 0;
  let end = tokens.length;
  while (start < end && scheduleEdgeWords.leading.includes(tokens[start] ?? '')) start++;
  while (end > start && scheduleEdgeWords.trailing.includes(tokens[end - 1] ?? '')) end--;
  return tokens.slice(start, end).join(' ');
}

/**
 * The schedule a request holds, if any. `agentNames` are the agents it mentions, whose names are
 * not read as schedule words.
 */
/** "After each run", "every time it runs": when a notice goes out, not when the agent runs. */
const perRun =
  /\b(?:after|at the end of|following)\s+(?:each|every)\s+(?:single\s+)?run\b(?=\s*(?:$|[,.;!?]|and\b|then\b|too\b|please\b))|\b(?:each|every)\s+time\s+(?:it|they)\s+(?:runs?|finish(?:es)?|is done|are done)\b(?=\s*(?:$|[,.;!?]|and\b|then\b|too\b|please\b))/gi;

/** The text without its per-run phrases: "after each run" asks for no run and no schedule. */
export function withoutPerRun(text: string): string {
  return text.replace(perRun, ' ');
}

export function scheduleIn(text: string, agentNames: readonly string[] = []): ScheduleReading | undefined {
  const zone = takeTimezone(withoutLiterals(text).replace(perRun, ` ${masked} `));
  // "Twice a day, 8 and 17" is "at 8 and 17": the listed times are the schedule.
  const tokens = clockAfterFor(maskNames(words(withCountedTimes(zone.text.toLowerCase())), agentNames));
  // Checked on the whole text first: "every other week on Friday" holds "on Friday", which
  // parses, and would otherwise be planned as if it were what was asked.
  const limit = scheduleWordsLimit(tokens.filter((token) => token !== masked).join(' '));
  if (limit) {
    return {
      kind: 'unclear',
      words: limit.unknownWords.join(' '),
      message: limit.message,
      timezone: zone.timezone,
      options: limit.options,
    };
  }
  const starts = tokens.flatMap((token, index) => (startsSchedule(token) ? [index] : []));
  let best: { start: number; end: number } | undefined;
  for (const at of starts) {
    for (let start = at; start >= 0 && at - start < longestSchedule && tokens[start] !== masked; start--) {
      for (let end = at + 1; end <= tokens.length && end - start <= longestSchedule; end++) {
        if (tokens[end - 1] === masked) break;
        const wider = !best || end - start > best.end - best.start;
        if (wider && parses(tokens.slice(start, end))) best = { start, end };
      }
    }
  }
  if (best) {
    const found = trimmed(tokens.slice(best.start, best.end));
    return { kind: 'found', words: withTimeApart(found, tokens, best) ?? found, timezone: zone.timezone };
  }
  const [first] = starts;
  if (first === undefined) return undefined;
  // From the first schedule word to the next name or address: what the person meant as the time.
  const stop = tokens.indexOf(masked, first);
  const meant = trimmed(tokens.slice(first, stop < 0 ? undefined : stop));
  try {
    cronFromWords(meant);
  } catch (error) {
    if (error instanceof ScheduleWordsError) {
      return { kind: 'unclear', words: meant, message: error.message, timezone: zone.timezone };
    }
    throw error;
  }
  return undefined;
}

/**
 * "A daily digest of the shared notes at 8", "every weekday … 8 in the morning": days found with
 * no time of day, and the time said apart from them. The days and that time together, when the
 * schedule reader takes them; undefined otherwise.
 */
function withTimeApart(found: string, tokens: string[], best: { start: number; end: number }) {
  if (/\d|\b(?:noon|midday|midnight|hour|hours|hourly|minutes?|mins?)\b/.test(found)) return undefined;
  for (let start = 0; start < tokens.length; start++) {
    if (start >= best.start && start < best.end) continue;
    const token = tokens[start] ?? '';
    const opens = token === 'at' || clock.test(token) || bareHour.test(token);
    // "The meeting is at 3": a time of something else, not of the runs.
    if (
      !opens ||
      /^(?:is|was|are|be|starts?|begins?|ends?|closes?|opens?|meeting|call)$/.test(tokens[start - 1] ?? '')
    )
      continue;
    for (let end = Math.min(tokens.length, start + 4); end > start; end--) {
      if (start < best.end && end > best.start) continue;
      const time = tokens.slice(start, end);
      if (time.includes(masked) || (bareHour.test(token) && !/^(?:in|o'clock|oclock)$/.test(time[1] ?? '')))
        continue;
      // "At 5 different addresses": a time ends the words, or stands before words of time.
      const next = tokens[end] ?? '';
      if (
        next &&
        !/^(?:am|pm|please|pls|then|and|every|each|daily|on|in|sharp|o'?clock|cet|utc|today|tomorrow|for|if|by|with|so|to|when|until|as|via|thanks|thx|ok)$/.test(
          next,
        ) &&
        next !== masked
      )
        continue;
      const both = `${found} ${time[0] === 'at' ? '' : 'at '}${time.join(' ')}`;
      if (parses(both.split(' ').filter(Boolean)) && /\d|noon|midday|midnight/.test(both))
        return both.replace(/\s+/g, ' ');
    }
  }
  return undefined;
}

/**
 * The schedule a message asks for; "twice a day" names no times, so the first times the schedule
 * reader offers are proposed (and said to be proposed) rather than the change being dropped.
 */
export function proposedSchedule(
  text: string,
): { kind: 'found'; words: string; timezone?: string; proposed: boolean } | undefined {
  const read = scheduleIn(text);
  if (read?.kind === 'found')
    return { kind: 'found', words: read.words, timezone: read.timezone, proposed: false };
  if (read?.kind !== 'unclear') return undefined;
  for (const option of read.options ?? []) {
    for (const candidate of /^at\b/i.test(option) ? [`every day ${option}`] : [option]) {
      const found = scheduleIn(candidate);
      if (found?.kind === 'found')
        return {
          kind: 'found',
          words: found.words,
          timezone: read.timezone ?? found.timezone,
          proposed: true,
        };
    }
  }
  return undefined;
}
