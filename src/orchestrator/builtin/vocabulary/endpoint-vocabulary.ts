// How people ask for an agent on an address that is not a page to read with a selector: a JSON
// API, an RSS or Atom feed, or a check that a site is up. The address itself often says which.

/** What an address is, by how it is written: an `api.` host, `/api/`, `/v1/`, `.json`; a feed. */
export const apiAddress = [
  /^https?:\/\/api[.-]/i,
  /\/api(?:\/|$|\?)/i,
  /\/v\d+(?:\.\d+)?(?:\/|$|\?)/i,
  /\.json(?:$|\?)/i,
  /\/graphql(?:\/|$|\?)/i,
  /\/rest\//i,
  /[?&]format=json\b/i,
];
export const feedAddress = [
  /\/(?:feed|feeds|rss|atom)(?:\/|$|\?|\.)/i,
  /\.(?:rss|atom|xml)(?:$|\?)/i,
  /[?&](?:feed|format)=(?:rss|atom)\b/i,
  /^https?:\/\/feeds?\./i,
  // A host named for its feeds: "hnrss.org", "rss.example.com", "myfeeds.net".
  /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z0-9-]*(?:rss|feeds)[a-z0-9-]*\.[a-z]/i,
];

/** Words that call an address an API (a word, not a part of "rapid" or "the rest of"). */
export const apiWords = [/\bapis?\b/, /\bend ?points?\b/, /\bjson\b/, /\brest\s+(?:api|call|service)\b/];
/** A feed as a noun: "feed its results to" hands results on, "the blog's feed" is a feed. */
export const feedWords = [
  /\brss\b/,
  /\batom\b/,
  /\b(?:news|blog|xml|podcast|rss|atom|the|a|its|their|this|that|my|our)\s+feeds?\b/,
  /\bfeeds?\s+(?:at|from|on|of|url|address|items?|entries)\b/,
];

/** An uptime check: a site being up or down, answering, or its health; never "set up". */
export const uptimeWords = [
  /\buptime\b/,
  /\bdowntime\b/,
  /\boutages?\b/,
  /\bhealth ?(?:checks?|endpoint|status)\b/,
  /\b(?:is|are|it's|its|stays?|still|be|being|goes|going|went|gone|comes?|back)\s+(?:up|down|online|offline|reachable|unreachable|alive|responding|available|unavailable)\b/,
  /\bup or down\b/,
  /\bup\/down\b/,
  /\b(?:not|stops?|stopped|isn't|is not)\s+(?:responding|answering|reachable|loading)\b/,
  /\bping\b/,
  /\bstatus (?:code|check)s?\b/,
  /\b(?:returns?|answers?|gives?)\s+(?:an? )?(?:error|5\d\d|4\d\d|non-?2\d\d)\b/,
];

/** Words that ask to hear only when something changed, not after every run. */
export const changeWords = [
  /\bchang(?:e|es|ed|ing)\b/,
  /\bdiffer/,
  /\bdifferent\b/,
  /\bnew\b/,
  /\bupdates?\b/,
  /\bwatch/,
  /\bmonitor/,
  /\btrack/,
];
