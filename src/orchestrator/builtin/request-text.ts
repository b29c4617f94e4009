// Reading a request: the addresses, e-mails, names and words in it. Pure functions over text.

const urlPattern = /\bhttps?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)]/gi;
const emailPattern = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;

export function urlsIn(text: string): string[] {
  return [...text.matchAll(urlPattern)].map((match) => match[0]);
}

export function emailsIn(text: string): string[] {
  return [...text.replace(urlPattern, ' ').matchAll(emailPattern)].map((match) => match[0]);
}

/** The text in lower case without its addresses and e-mails, so their words are not read as the request's. */
export function withoutAddresses(text: string): string {
  let lower = text.toLowerCase();
  for (const found of [...urlsIn(text), ...emailsIn(text)]) lower = lower.replace(found.toLowerCase(), ' ');
  return lower;
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a word or phrase first stands on its own in the text, or -1. */
export function phraseIndex(text: string, phrase: string): number {
  const match = new RegExp(`(^|[^a-z0-9])${escapeRegExp(phrase.toLowerCase())}(?=$|[^a-z0-9])`).exec(
    text.toLowerCase(),
  );
  return match ? match.index + (match[1]?.length ?? 0) : -1;
}

export function hasAny(text: string, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => phraseIndex(text, phrase) >= 0);
}

/** The phrase of the list that comes first in the text, with where it stands. */
export function firstOf(
  text: string,
  phrases: readonly string[],
): { phrase: string; index: number } | undefined {
  let best: { phrase: string; index: number } | undefined;
  for (const phrase of phrases) {
    const index = phraseIndex(text, phrase);
    if (index >= 0 && (!best || index < best.index)) best = { phrase, index };
  }
  return best;
}

/** A name the user gave: `called "X"`, `named X`, or a quoted string. */
export function givenName(text: string): string | undefined {
  const quoted =
    /\b(?:called|named|name it|call it)\s+["“']([^"”']{1,80})["”']/i.exec(text) ??
    /["“]([^"”]{2,80})["”]/.exec(text);
  if (quoted?.[1]) return quoted[1].trim();
  const bare = /\b(?:called|named|name it|call it)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})/.exec(text);
  return bare?.[1]?.trim();
}

/** A CSS selector written in the text: in backticks, or a word starting with . or #. */
export function selectorIn(text: string): string | undefined {
  const ticked = /`([^`]{1,200})`/.exec(text);
  if (ticked?.[1]) return ticked[1].trim();
  const bare = /(?:^|\s)([.#][A-Za-z_][\w-]*(?:[\s>+~]*[.#]?[A-Za-z_][\w-]*)*)/.exec(text);
  // ".job instead of .lead": the selector ends where the sentence goes on in words.
  const words = bare?.[1]?.trim().split(/\s+/) ?? [];
  const end = words.findIndex((word, index) => index > 0 && selectorEnders.has(word.toLowerCase()));
  return (end < 0 ? words : words.slice(0, end)).join(' ') || undefined;
}

/** Words that end a selector written bare in a sentence: no element is called so. */
const selectorEnders = new Set([
  'element',
  'elements',
  'class',
  'selector',
  'tag',
  'field',
  'instead',
  'of',
  'for',
  'and',
  'or',
  'with',
  'to',
  'in',
  'on',
  'from',
  'rather',
  'than',
  'as',
  'please',
  'now',
  'then',
  'too',
  'but',
  'not',
]);

/** The site's name for people: example.com for https://www.example.com/team. */
export function siteName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function titleCase(text: string): string {
  return text.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
}

/**
 * The run input a request gives: a JSON object written in it, and an address when the agent's
 * input has a `url`. Also the required fields still missing.
 */
export function runInputFrom(
  text: string,
  schema: { properties?: Record<string, unknown>; required?: string[] },
): { input: Record<string, unknown>; missing: string[] } {
  const input: Record<string, unknown> = {};
  const url = urlsIn(text)[0];
  if (url && schema.properties && 'url' in schema.properties) input.url = url;
  const json = /\{[\s\S]*\}/.exec(text)?.[0];
  if (json) {
    try {
      Object.assign(input, JSON.parse(json));
    } catch {
      // Not JSON after all; the words around it are the request.
    }
  }
  return { input, missing: (schema.required ?? []).filter((field) => !(field in input)) };
}

/**
 * "Duplicate the price monitor for example.org/pricing": an address written without its scheme,
 * given one (https). Only a host with a path: a bare host is also how agents and accounts are
 * named ("the example.com Price Monitor"), and an e-mail's domain is no address.
 */
export function withSchemes(text: string): string {
  // A word of its own (after a space, a bracket or the start), on a domain people use.
  return text.replace(
    /(?<=^|[\s([<])((?:www\.)?(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|app|co|uk|de|fr|eu|nl|ch|at|be|es|it|se|no|dk|fi|pl|us|ca|au|info|biz|ai|example|test|local|localhost)(?::\d+)?\/[^\s,;)"'`<>]*)/g,
    (address: string) => `https://${address}`,
  );
}
