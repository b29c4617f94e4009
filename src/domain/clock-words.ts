// Times of day said in words, as digits: "half 8" and "half past 8" are 8:30 (British "half 8"
// is never 7:30), "quarter past 7" 7:15, "quarter to 9" 8:45, "8ish" and "around 8" 8. Both the
// schedule parser and the one-off reader see only digits, so every phrase is read the same way.
// An hour said as a word ("half ten", "quarter past eight", "at seven o'clock") is a digit first,
// but only where the words around it make it a time of day: "two agents" stays as it is.
import { numberWordsBetween } from './number-words.ts';

const hourWords = numberWordsBetween(1, 12);
const hourWord = `(${Object.keys(hourWords).join('|')})`;
/** Where an hour word is a time: after "half", "quarter past/to", or before "o'clock", am or pm. */
const hourWordTimes = [
  new RegExp(
    String.raw`(?<=\b(?:half|half\s+past|quarter\s+(?:past|after|to|before|till|til))\s+)${hourWord}\b`,
    'gi',
  ),
  new RegExp(
    String.raw`\b${hourWord}(?=\s*(?:o'?\s?clock|am\b|pm\b|a\.m\.|p\.m\.|in\s+the\s+(?:morning|afternoon|evening)))`,
    'gi',
  ),
  // "at eight", "at ten on mondays": "at" and then the end of the time ("at one point" is no time).
  new RegExp(
    String.raw`(?<=\bat\s+)${hourWord}(?=\s*(?:$|[,.;!?]|(?:on|every|each|daily|and|then|instead|tomorrow|today|tonight|sharp|please|pls|weekdays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\b))`,
    'gi',
  ),
];

/** Whether the text holds an hour word at all: the schedule reader asks this of many windows. */
const anyHourWord = new RegExp(String.raw`\b${hourWord}\b`, 'i');

function withHourDigits(text: string): string {
  if (!anyHourWord.test(text)) return text;
  let result = text;
  for (const pattern of hourWordTimes)
    result = result.replace(pattern, (word) => String(hourWords[word.toLowerCase()] ?? word));
  return result;
}

const hour = String.raw`(\d{1,2})(?![\d:])`;
const meridiem = String.raw`(\s*(?:am|pm|a\.m\.|p\.m\.))?`;

function clock(hourText: string, minute: number, suffix: string | undefined): string {
  return `${Number(hourText)}:${String(minute).padStart(2, '0')}${suffix ?? ''}`;
}

/** Hour `h` minus one on a 12- or 24-hour clock: "quarter to 1" is 12:45, "quarter to 0" 23:45. */
function hourBefore(hourText: string): string {
  const value = Number(hourText);
  if (value === 0) return '23';
  if (value === 1) return '12';
  return String(value - 1);
}

const rules: { pattern: RegExp; replace: (...groups: string[]) => string }[] = [
  {
    pattern: new RegExp(String.raw`\bhalf\s+(?:past\s+)?${hour}${meridiem}`, 'gi'),
    replace: (_match, hourText, suffix) => clock(hourText ?? '', 30, suffix),
  },
  {
    pattern: new RegExp(String.raw`\b(?:a\s+)?quarter\s+(?:past|after)\s+${hour}${meridiem}`, 'gi'),
    replace: (_match, hourText, suffix) => clock(hourText ?? '', 15, suffix),
  },
  {
    pattern: new RegExp(String.raw`\b(?:a\s+)?quarter\s+(?:to|before|till|til)\s+${hour}${meridiem}`, 'gi'),
    replace: (_match, hourText, suffix) => clock(hourBefore(hourText ?? ''), 45, suffix),
  },
  {
    // "8ish", "8-ish", "8am-ish", "around 8", "about 9pm": the hour itself.
    pattern:
      /\b(?:(?:around|about|roughly|approx(?:imately)?|ish)\s+)?(\d{1,2}(?::\d{2})?(?:\s*(?:am|pm))?)\s*-?ish\b/gi,
    replace: (_match, time) => `at ${time}`,
  },
  {
    pattern:
      /\b(?:at\s+)?(?:around|about|roughly|approx(?:imately)?)\s+(\d{1,2}(?::\d{2})?(?:\s*(?:am|pm))?)(?![\d:])(?!\s*(?:hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|times|runs?|[hms]\b))/gi,
    replace: (_match, time) => `at ${time}`,
  },
];

/** The text with each time of day said in words written as digits ("half 8" → "8:30"). */
export function withClockDigits(text: string): string {
  let result = withHourDigits(text);
  for (const rule of rules)
    result = result.replace(rule.pattern, (...groups) => rule.replace(...(groups as string[])));
  return result.replace(/\bat\s+at\b/gi, 'at');
}
