// What the built-in planner understands of a person saying a portal agent went wrong, as data:
// that it reads too few pages of its listing, that the files moved behind a link or tab, that the
// sign-in page changed, that the rows are marked otherwise now. Patterns are matched against the
// message in lower case with its addresses taken out and its slips of the keyboard mended
// (portal-fix-reading.ts), so "it only gets the frist page" reads like "the first page".

/** Words whose slips are mended before matching: one letter wrong, missing, added or swapped. */
export const mendedWords = [
  'page',
  'pages',
  'first',
  'every',
  'next',
  'misses',
  'missed',
  'missing',
  'follow',
  'follows',
  'following',
  'through',
  'login',
  'signin',
  'moved',
  'under',
  'table',
  'stops',
  'stopped',
  'after',
  'other',
  'listing',
  'remaining',
  'pagination',
  'downloads',
  'changed',
];

/** The listing has pages the agent does not read: "it only gets the first page", "read all the pages". */
export const morePagesPatterns: RegExp[] = [
  /\bonly\b.{0,40}\b(?:first|1st|one|single|top|opening|initial)\s+page\b/,
  /\bonly\b.{0,30}\bpage\s+(?:1|one)\b/,
  /\b(?:miss|misses|missed|missing|skip|skips|skipped|skipping|ignore|ignores|ignored|ignoring|lacks|forgets|forgot|leaves out|left out|(?:doesn'?t|does not|didn'?t|did not|never|can'?t|cannot|won'?t|isn'?t|is not)\s+(?:\w+\s+){0,2}(?:get|gets|getting|see|sees|seeing|read|reads|reading|download|downloads|downloading|fetch|reach|open|visit|go|look|find|pick))\b.{0,60}\bpages?\b/,
  /\b(?:all|every|each|the rest of the|rest of the|any)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?pages?\b/,
  /\b(?:other|remaining|later|following|further|more|subsequent|older|next|extra|additional)\s+pages\b/,
  /\bnext\s+pages?\b/,
  /\b(?:there\s+(?:are|is)|it\s+has|has)\s+(?:more|several|many|\d+|two|three|four|five|ten)\s+pages\b/,
  /\b(?:stops?|stopped|stopping|quits?|gives up|ends)\b.{0,25}\b(?:after|at|on|with)\b.{0,20}\bpage\b/,
  /\b(?:follow|follows|following|click|clicks|clicking|use|walk|go through|page through)\b.{0,25}\b(?:next|older|more|›|»|>)\b.{0,15}\b(?:page|pages|link|links|button|buttons|arrow)\b/,
  /\bpaginat(?:e|es|ed|ing|ion)\b/,
  /\b(?:click|clicks|clicking|follow|follows|following|press|hit|tap)\s+(?:on\s+)?(?:the\s+)?(?:next|›|»|older)(?:\s+(?:one|button|link|arrow))?\s+(?:until|till|to the end|all the way|each time|every time|again)\b/,
  /\bon\s+page\s+(?:\d+|two|three|four|five|2nd|3rd)\b/,
];

/** Pages that are no part of the listing: "it misses the login page" is no pagination. */
export const notListingPages =
  /\b(?:log-?in|sign-?in|signin|logon|log on|sign on|home|start|landing)\s+pages?\b/;

/** The sign-in changed: "the login page changed", "the sign-in page is now https://…". */
export const signInMention = /\b(?:log-?in|log in|sign-?in|sign in|signin|logon|log on|sign on)\b/;
export const signInPageWords = /\b(?:page|screen|form|address|url|link|portal)\b/;
export const changedWords =
  /\b(?:chang\w*|moved|moves|move|new|now|different|redesign\w*|updated|relocated|lives|is at|went|redone|revamp\w*)\b/;
/** A password or token that changed asks to reconnect the account, not to move its page. */
export const secretWords = /\b(?:password|passcode|token|secret|key|2fa|otp|one-time code)\b/;

/** The files moved behind a link or tab: the name comes after one of these. */
export const movedToPatterns: RegExp[] = [
  /\b(?:moved|move|moving|relocated|put|are now|is now|now sit|sit now|now live|live now|now found|now shown|now listed|now kept|now)\s+(?:to|under|in|into|on|behind|below)\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+)?(?<name>.+)$/i,
  /\b(?:moved|move|moving|put|relocated)\s+(?:the\s+|all\s+the\s+|our\s+|my\s+|their\s+)?(?:[\w-]+\s+){1,2}?(?:to|under|into|behind)\s+(?:the\s+|a\s+|an\s+)?(?<name>.+)$/i,
  /\b(?:under|in|on|behind)\s+(?:the\s+|a\s+|an\s+)?(?<name>.+?)\s+(?:tab|section|menu|link|area|folder|heading|page|button)\b/i,
  /\b(?:click|open|go to|choose|select)\s+(?:the\s+)?(?<name>.+?)\s+(?:tab|link|menu|button|section)\s+first\b/i,
];
/** What the moved thing is: the files or their listing (not the sign-in page, not the agent's results). */
export const listingNouns =
  /\b(?:files?|documents?|docs|statements?|invoices?|receipts?|payslips?|reports?|downloads?|table|list|listing|rows?|records?|they|them|pdfs?|bills?)\b/;
/** Words after a name that say what kind of thing it is ("the Archive tab"): not part of its text. */
export const placeWords =
  /\s+(?:tab|section|menu|link|area|folder|heading|page|button|now|instead|there)\b.*$/i;

/** A new selector for what the agent reads: "the table is now .statements", "rows are tr.doc now". */
export const selectorSubjects =
  /\b(?<subject>table|tables|rows?|files?|documents?|links?|list|listing|records?|entries|items?|cards?|statements?|invoices?)\b[^.#`]{0,30}?\b(?:is|are|'s|sit|sits|live|lives)\s+(?:now\s+)?(?:in\s+|under\s+|marked\s+|inside\s+)?(?<selector>`[^`]{1,200}`|[a-z]*[.#][\w-]+(?:[\s>+~]+[a-z]*[.#]?[\w-]+)*)/i;
/** Subjects that are the container of the rows: the rows inside it are read. */
export const containerSubjects = new Set(['table', 'tables', 'list', 'listing']);

/** The next-page control the person names: "the link says Older", "use the › button". */
export const nextLinkPatterns: RegExp[] = [
  /\b(?:link|button|arrow|control)\s+(?:says|reads|is called|is named|is labell?ed|labell?ed|named|called|with the text|that says|saying|is)\s+["'“‘]?(?<label>[^"'”’.,;!?]{1,30}?)["'”’]?(?=$|[.,;!?]|\s+(?:now|instead|button|link))/i,
  /\b(?:use|click|press|follow|hit|tap)\s+(?:the\s+|on\s+the\s+)?["'“‘](?<label>[^"'”’]{1,30})["'”’]/i,
  /\b(?:use|click|press|follow|hit|tap)\s+(?:the\s+|on\s+the\s+)?(?<label>[^\w\s"'“‘]{1,3})(?:\s+(?:button|link|arrow))?/i,
  /\bthe\s+["'“‘]?(?<label>[^\s"'“‘]{1,20})["'”’]?\s+(?:button|link|arrow)\b/i,
];
/** Words that name no link text of their own: "the next link" is found without being named. */
export const plainLinkWords = new Set([
  'next',
  'page',
  'pages',
  'pagination',
  'download',
  'login',
  'sign-in',
  'other',
  'more',
  'last',
  'first',
  'same',
  'right',
  'new',
  'that',
  'this',
  'a',
  'the',
]);

/** How a listing shows its further pages, when the person says so. */
export const loadMoreWords = /\b(?:load|show|see|view)\s+more\b/i;
export const scrollWords =
  /\b(?:infinite scroll\w*|scroll\w*\s+down|as you scroll|when you scroll|scrolling)\b/i;
