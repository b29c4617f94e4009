// Requests written as a list: "couple things: 1) rename X 2) connect Y 3) test it", or one per
// line with "-", "*" or "•" in front. Each item is a request of its own; the words before the
// first item ("hey! couple things:") ask for nothing. Only a list of two or more items counting
// up from 1 (or bullets at the starts of lines) is one, so "run it at 1) noon" is not cut.

/** "1)", "1.", "(1)", "#1", "1-" before an item; a number stays a number elsewhere. */
const numberMark = /(?:^|[\s:;,!?])(?:\(\s*(\d{1,2})\s*\)|#(\d{1,2})\b|(\d{1,2})\s*[).:-](?!\d))\s+/g;
/** "- ", "* ", "• " at the start of a line. */
const bulletMark = /(?:^|\n)\s*[-*•]\s+/g;

/** The items of a list written in the message; the message itself when it holds none. */
export function listedRequests(text: string): string[] {
  const numbered = numberedItems(text);
  if (numbered.length > 1) return numbered;
  const bullets = [...text.matchAll(bulletMark)];
  if (bullets.length < 2) return [text];
  return cut(text, bullets);
}

function numberedItems(text: string): string[] {
  const marks = [...text.matchAll(numberMark)];
  // The marks that count up from 1, in order: 1, 2, 3 …
  const counted: RegExpMatchArray[] = [];
  for (const mark of marks) {
    const number = Number(mark[1] ?? mark[2] ?? mark[3]);
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
