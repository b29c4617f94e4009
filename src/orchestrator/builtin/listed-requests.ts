// Requests written as a list: "couple things: 1) rename X 2) connect Y 3) test it", or one per
// line with "-", "*" or "•" in front. Each item is a request of its own; the words before the
// first item ("hey! couple things:") ask for nothing. Only a list of two or more items counting
// up from 1 (or bullets at the starts of lines) is one, so "run it at 1) noon" is not cut.

/**
 * "1)", "(1)", "#1" before an item anywhere; "1." and "1-" only at the start of a line (after a
 * sentence, "at 1." is a time). A number stays a number elsewhere.
 */
const numberMark =
  /(?:^|[\s:;,!?])(?:\(\s*(\d{1,2})\s*\)|#(\d{1,2})\b|(\d{1,2})\s*\))\s+|(?:^|\n)\s*(\d{1,2})\s*[.:-](?!\d)\s+/g;
/** "- ", "* ", "• " at the start of a line. */
const bulletMark = /(?:^|\n)\s*[-*•]\s+/g;

/** How a list's items are read: as requests of their own, or as agents a request acts on. */
export interface ListReading {
  /** Whether the words start a request of their own ("pause the reporter", "the reporter should run …"). */
  opensRequest: (item: string) => boolean;
  /** Whether the words name an agent and little else ("the lead scraper", "reporter too"). */
  namesAgent: (item: string) => boolean;
}

/**
 * The requests of a list written in the message; the message itself when it holds none. Each item
 * that starts a request is one; an item that only names an agent joins the request before it
 * ("- pause the reporter - the lead scraper too"), or the request said before the list ("pause
 * these: - the lead scraper - the reporter" is one pause of both). An item that is neither
 * ("give me: - title - link") leaves the message as it was, data and all.
 */
export function listedRequests(text: string, reading: ListReading): string[] {
  const numbered = numberedItems(text);
  const bullets = [...text.matchAll(bulletMark)];
  const items = numbered.length > 1 ? numbered : bullets.length > 1 ? cut(text, bullets) : [];
  if (items.length < 2) return [text];
  const first = numbered.length > 1 ? firstMark(text, numberMark) : bullets[0]?.index;
  const before = text
    .slice(0, first ?? 0)
    .replace(/^[^a-z]*(?:(?:hey|hi|hello|ok|okay|so|pls|please)\b[^a-z]*)*/i, '')
    .trim();
  const requests: string[] = [];
  const targets: string[] = [];
  for (const item of items) {
    if (reading.opensRequest(item)) requests.push(item);
    else if (!reading.namesAgent(item)) return [text];
    else if (requests.length > 0) requests[requests.length - 1] = `${requests.at(-1)} and ${item}`;
    else targets.push(item);
  }
  if (targets.length > 0) {
    // "Pause these:" before agents named alone: that request, of each of them.
    const asked = before.replace(/\s*\b(?:these|the following|them|this|all of these)?\s*[:,-]*\s*$/i, '');
    if (!reading.opensRequest(asked)) return [text];
    return [`${asked} ${targets.join(' and ')}`, ...requests];
  }
  // "Pause the lead scraper. Reasons: - …": a request before the list keeps the list as its words.
  if (reading.opensRequest(before)) return [text];
  return requests;
}

function firstMark(text: string, pattern: RegExp): number | undefined {
  for (const mark of text.matchAll(pattern)) {
    const number = Number(mark[1] ?? mark[2] ?? mark[3] ?? mark[4]);
    if (number === 1) return mark.index;
  }
  return undefined;
}

function numberedItems(text: string): string[] {
  const marks = [...text.matchAll(numberMark)];
  // The marks that count up from 1, in order: 1, 2, 3 …
  const counted: RegExpMatchArray[] = [];
  for (const mark of marks) {
    const number = Number(mark[1] ?? mark[2] ?? mark[3] ?? mark[4]);
    if (number === counted.length + 1) counted.push(mark);
  }
  if (counted.length < 2) return [text];
  return cut(text, counted);
}

function cut(text: string, marks: RegExpMatchArray[]): string[] {
  return marks
    .map((mark, index) => {
      const start = (mark.index ?? 0) + mark[0].length;
      const end = marks[index + 1]?.index ?? text.length;
      return text
        .slice(start, end)
        .trim()
        .replace(/[,;]\s*(?:and\s*)?$/i, '')
        .replace(/\s+and$/i, '')
        .trim();
    })
    .filter((item) => item.length > 0);
}
