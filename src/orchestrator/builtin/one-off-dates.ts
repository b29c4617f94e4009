// Days of the month said without their month: "run it once on the 30th", "on Monday the 30th".
// chrono-node reads "the 30th of November" but not "the 30th" alone, so the month is written in:
// the next 30th (that is a Monday, when a day of the week is named too). Only when the words say
// it is one day ("once", or a weekday with its date): "on the 30th at 10" alone stays monthly.

const weekDays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const dateWithoutMonth =
  /\b(?:(sun|mon|tue|wed|thu|fri|sat)[a-z]*,? )?(?:the )?(\d{1,2})(?:st|nd|rd|th)\b(?! (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/i;

/** The next date on day `date` of a month (on `weekDay` too, when given), from `today` (UTC parts). */
function nextDate(date: number, weekDay: number | undefined, today: Date): Date | undefined {
  for (let ahead = 0; ahead < 24; ahead++) {
    const candidate = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + ahead, date));
    if (candidate.getUTCDate() !== date) continue;
    if (candidate.getTime() < Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()))
      continue;
    if (weekDay === undefined || candidate.getUTCDay() === weekDay) return candidate;
  }
  return undefined;
}

/** The text with a day of the month that names one day given its month ("the 30th" → "30 november"). */
export function withMonthWritten(text: string, today: Date): string {
  const match = dateWithoutMonth.exec(text);
  if (!match) return text;
  const [, dayWord, dateText] = match;
  if (!dayWord && !/\bonce\b/i.test(text)) return text;
  const weekDay = dayWord ? weekDays.findIndex((day) => day.startsWith(dayWord.toLowerCase())) : undefined;
  const date = nextDate(Number(dateText), weekDay, today);
  if (!date) return text;
  const written = `${dayWord ? `${weekDays[date.getUTCDay()]} ` : ''}${date.getUTCDate()} ${monthNames[date.getUTCMonth()]}`;
  return text.replace(match[0], written);
}
