// PostgreSQL's JSON and text cannot hold NUL characters (a binary file read as text has them,
// and so can scraped pages). Rather than failing a step at its checkpoint with a database error,
// values are made storable: each NUL becomes U+FFFD, the replacement character.

/** JSON-escaped NULs, not counting a backslash that is itself escaped (`\\u0000` is text). */
const escapedNul = /(?<!\\)((?:\\\\)*)\\u0000/g;

export function storable<T>(value: T): T {
  const json = JSON.stringify(value ?? null);
  if (!json.includes('\\u0000')) return value;
  return JSON.parse(json.replace(escapedNul, '$1\\ufffd')) as T;
}
