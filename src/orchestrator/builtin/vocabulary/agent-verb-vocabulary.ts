// How people ask to rename, copy, split or change an agent they have, and for a digest of what
// their agents found. Each pattern reads the agent's words (and the new name, when there is
// one) out of a request whose polite lead-in ("can you", "please") is already taken off.

/** Polite openings that carry no meaning of their own: "could you please rename …". */
export const leadIns =
  /^(?:(?:hey|hi|ok|okay|so|and|also|then|now|pls|plz|please|kindly)[\s,]+)*(?:(?:can|could|would|will) (?:you|u)(?: please| pls| plz)? |i (?:want|would like|'d like|wanna|need) (?:you )?to |let'?s |lets |i want to |go ahead and )?(?:please |pls |plz )?/i;

/** The new name, when the words after the agent give it: "to Lead Finder", "as 'Leads'". */
export const renamePatterns: RegExp[] = [
  // "rename the lead scraper to Lead Finder", "rename it as Leads"
  /^re-?name (?<rest>.+)$/i,
  // "call the lead scraper Lead Finder instead", "name it Leads"
  /^(?:call|name) (?<rest>.+)$/i,
  // "the lead scraper should be called Lead Finder"
  /^(?<agent>.+?) (?:should|shall|must|could|can|will) (?:now )?be (?:called|named|renamed(?: to| as)?|re-named(?: to)?) (?<name>.+)$/i,
  // "change the name of the lead scraper to Lead Finder"
  /^(?:change|update|set|switch) (?:the )?name of (?<agent>.+?) (?:to|as|into) (?<name>.+)$/i,
  // "change the lead scraper's name to Lead Finder"
  /^(?:change|update|set|switch) (?<agent>.+?)['’]s? name (?:to|as|into) (?<name>.+)$/i,
  // "give the lead scraper the name Lead Finder", "give it a new name: Leads"
  /^give (?<agent>.+?) (?:the|a|a new) name:? (?<name>.+)$/i,
];

/** Words between the agent and its new name in "rename X to Y". */
export const renameSeparators = /\s+(?:to|as|into)\s+|\s*(?:->|→|=>)\s*/gi;

/** Asking for a copy: the agent's words follow, then maybe "called Y" and "for <address>". */
export const duplicatePatterns: RegExp[] = [
  /^(?:duplicate|clone|copy) (?<rest>.+)$/i,
  /^(?:make|create|build|give me|set up|add) (?:me )?(?:a|an|another|one more|a second)? ?(?:copy|duplicate|clone|twin) (?:of )?(?<rest>.+)$/i,
  /^(?:make|create|build|set up|add) (?:me )?(?:another|a second|one more) (?<rest>.+?) (?:for|on|that watches|that scrapes|but for|pointing at) (?<url>https?:\/\/\S+)$/i,
];

/** The name a copy is given: "called Y", "named Y", "as Y". */
export const copyNamePattern =
  /\s+(?:called|named|as|with the name|and call it|and name it)\s+(?<name>.+?)$/i;

/** The address a copy works on instead: "for https://…", "but on https://…". */
export const copyAddressPattern =
  /\s*,?\s+(?:but |and |then )?(?:(?:have |make )?(?:it |the copy |the new one )?(?:point(?:ed|ing|s)?|aim(?:ed|ing)?|look(?:ing)?|work(?:ing)?) (?:it |the copy )?(?:at|to|on)|(?:have |make )?(?:it |the copy )?(?:use|uses|read|reads|fetch|fetches|scrape|scrapes|watch|watches)|(?:switch(?:ed)?|chang(?:e|ed)) (?:the )?(?:url|address|page|site|link) to|for|on|with|at|pointing at|pointed at|that (?:watches|scrapes|reads)|using)\s+(?<url>https?:\/\/\S+?)[.,;!?]?(?=\s|$)/i;

/**
 * Why the person asks, said after what they ask: "so I can try a different site", "because the
 * old one is live", "for testing". It changes nothing of the verb, and names no agent.
 */
export const purposeTail =
  /(?:\s*[,;-])?\s+(?:so (?:that )?(?:i|we|you|it)\b|so i can\b|(?:be)?cause\b|'cause\b|cos\b|since\b|as (?:i|we)\b|in order to\b|just to\b|to (?:test|try|play|experiment|check|see|compare)\b|for (?:testing|a test|tests|experiments?|experimenting|trying things|a trial|backup|a backup|safety|safe keeping)\b|(?:i|we) (?:want|need|wanna) to (?:test|try|experiment)\b).*$/i;

/** Words that may stand around a copy's agent and mean nothing more. */
export const copyFiller =
  /^(?:please|pls|plz|thanks|thx|agent|for me|too|as well|again|once more|instead|now)$/i;

/** Asking to split an agent: the agent's words are `agent`. */
export const splitPatterns: RegExp[] = [
  /^(?:split|divide|separate|break|cut|chop) (?:up )?(?<agent>.+?) (?:in|into) (?:two|2|halves|half|parts|pieces|smaller agents|two agents|2 agents|smaller ones|two parts)\b.*$/i,
  /^(?:split|divide|separate) (?:up )?(?<agent>.+?)(?: up| apart)?$/i,
  /^(?:break|pull) (?:up )?(?<agent>.+?) (?:up|apart|down)(?: into .+)?$/i,
  /^(?<agent>.+?) (?:does|is doing|do) (?:way |far |much )?too (?:much|many things)\b.*$/i,
  /^(?<agent>.+?) (?:is|has become|got|has gotten|became) (?:way |far |much )?too (?:big|long|large|complicated|complex)\b.*$/i,
  /^(?<agent>.+?) has (?:way |far )?too many steps\b.*$/i,
];

/**
 * Asking to change an agent rather than build one: "can you make X do …", "have X also …",
 * "X should also e-mail me", "I want X to …". `agent` starts with the agent's words, the rest is
 * the change.
 */
export const changePatterns: RegExp[] = [
  /^(?:make|have|get|let|tell) (?<agent>.+)$/i,
  /^(?<agent>.+?) (?:should|must|needs to|need to|has to|ought to) (?<change>(?:also |now |instead |from now on |start |additionally |as well ).+)$/i,
  /^(?<agent>.+?) (?:should|must|needs to|need to|has to|ought to) (?<change>(?:e-?mail|mail|send|notify|post|ping|alert|tell|watch|monitor|scrape|collect|extract|use|look at|check|fetch|point|go to|read) .+)$/i,
  /^i (?:want|would like|'d like|need) (?<agent>.+?) to (?<change>.+)$/i,
];

/** Words that ask for a digest or summary. */
export const digestWords = [
  'digest',
  'summary',
  'summaries',
  'summarise',
  'summarize',
  'summarising',
  'summarizing',
  'sum up',
  'recap',
  'roundup',
  'round-up',
  'overview',
  'briefing',
  'newsletter',
];

/** What the digest is over: the shared context, what the agents found. */
export const sharedContextPatterns: RegExp[] = [
  /\bshared context\b/i,
  /\bcontext\b/i,
  /\bshared memory\b/i,
  // "Our shared notes", "the team's shared knowledge": the shared context in other words.
  /\bshared\s+(?:notes|knowledge|memory|data|info|information|findings|workspace notes)\b/i,
  /\bwhat (?:my|our|the|all (?:my|our|the)) agents? (?:have )?(?:found|collected|gathered|scraped|saw|learned|learnt|wrote|noticed|discovered|did)\b/i,
  /\b(?:my|our|the) agents['’]? (?:findings|results|discoveries|output)\b/i,
  /\bwhat (?:they|everyone|everything) (?:found|collected)\b/i,
  /\beverything (?:my|our|the) agents\b/i,
  // "A summary of the leads": records the agents keep in the shared context (no page named).
  /\b(?:the|all|new|latest|our|my|collected|scraped)\s+(?:leads|jobs|job listings|articles|posts|headlines|records|results|findings|entries|prices|products|listings|people|contacts|data)\b/i,
];
