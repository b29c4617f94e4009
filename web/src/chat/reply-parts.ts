// A reply's text cut into what it shows: plain text, web links, links to pages of the app
// (`/w/...`), and `code`. The reply stays text: nothing in it is ever read as HTML.
// Run data (what a page said, an agent's output) reaches replies quoted “like this” or as
// `code`; neither is ever linked, so a scraped "http://evil…" cannot become a link Orca seems to
// offer. Only addresses Orca or the person wrote are.

export type ReplyPart =
  | { kind: 'text'; text: string }
  | { kind: 'link'; href: string }
  | { kind: 'page'; path: string }
  | { kind: 'code'; text: string };

const pattern = /(https?:\/\/[^\s<>"`]+)|((?<=^|[\s(])\/w\/[^\s<>"`]+)|`([^`\n]+)`|(“[^”\n]*”)/g;
// Sentence punctuation right after an address ends the sentence, not the address.
const trailing = /[.,;:!?)'’”]+$/;

export function replyParts(text: string): ReplyPart[] {
  const parts: ReplyPart[] = [];
  let last = 0;
  const pushText = (value: string) => {
    if (!value) return;
    const previous = parts.at(-1);
    if (previous?.kind === 'text') previous.text += value;
    else parts.push({ kind: 'text', text: value });
  };
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    pushText(text.slice(last, index));
    if (match[4] !== undefined) {
      pushText(match[4]);
      last = index + match[0].length;
      continue;
    }
    if (match[3] !== undefined) {
      parts.push({ kind: 'code', text: match[3] });
      last = index + match[0].length;
      continue;
    }
    const address = match[0];
    const end = trailing.exec(address);
    const kept = end ? address.slice(0, end.index) : address;
    parts.push(match[1] ? { kind: 'link', href: kept } : { kind: 'page', path: kept });
    last = index + kept.length;
  }
  pushText(text.slice(last));
  return parts;
}

/** Paragraphs are separated by blank lines; single line breaks stay inside a paragraph. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '');
}
