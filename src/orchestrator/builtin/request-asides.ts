// What a request says beside what it asks: "delete the weekly report, it's replaced by the
// reporting agent", "pause the reporter until I fix the password", "because it keeps failing".
// A reason names agents and trouble in passing; read as part of the request it would pick a
// second agent or turn a pause into a question about a failure. Only requests are trimmed, never
// questions ("what failed since the deploy" keeps its "since").
import * as chrono from 'chrono-node';

/** "Why", "what", "is it …": a question keeps every word, its "since" and "because" included. */
const question =
  /^\s*(?:why|what|whats|what's|which|who|how|when|where|did|does|do|is|are|was|were|has|have)\b|\?\s*$/i;

/** Who or what a reason is about: "since we …", "as it's …", "because the …". */
const subject = String.raw`(?:i|we|you|it|they|he|she|the|that|this|those|these|there|our|my|its|their)\b`;
/** A verb after a pronoun: "as it's broken", "as we no longer need it" ("copy X as the EU one" is a name). */
const pronounVerb = String.raw`(?:i|we|you|it|they)(?:'re|’re|'m|’m|'s|’s|'ve|’ve|'ll|’ll|\s+(?:am|are|is|was|were|have|has|had|do|don't|dont|no longer|will|can't|cant|never|keep|keeps|already))\b`;

const reasons: RegExp[] = [
  // "…, they're replaced by the reporting agent", "— it is obsolete now"
  /\s*(?:[,;:]|\s-+|\s—)\s*(?:they|it|these|those|that|this|both|each)(?:'re|’re|'s|’s|\s+(?:are|is|were|was|have been|has been|got|became|become))\b.*$/is,
  // "… because it keeps failing", "…, cos we moved", "(since we switched)"
  /\s*(?:[,(]\s*)?\b(?:because|cause|'cause|’cause|cos|coz|bc)\b.*$/is,
  new RegExp(String.raw`\s*(?:[,(]\s*)?\bsince\s+${subject}.*$`, 'is'),
  new RegExp(String.raw`\s*(?:[,(]\s*)?\bas\s+${pronounVerb}.*$`, 'is'),
  // "…, we're all on holiday till january", "…, I'll kick it off by hand": the speaker's own plans.
  /\s*(?:[,;:]|\s-+|\s—)\s*(?:i|we)(?:'re|’re|'m|’m|'ll|’ll|'ve|’ve|\s+(?:am|are|will|have|had|won't|dont|don't|no longer|can't|cant|need to|want to|plan to))\b.*$/is,
  // "…, and the old one while you're at it": a courtesy, not a request.
  /\s*(?:,\s*)?\bwhile (?:you'?re|you’re|you are) at it\b/is,
];

/** "Until I fix the password": a tail on a pause that says when, not what. */
const untilTail = /\s*(?:,\s*)?\b(?:until|till|til|'til|’til|untill)\s+(.+)$/is;
const pauseVerb = /\b(?:pause|stop|disable|suspend|halt|deactivate|turn\b.*\boff|switch\b.*\boff|hold)\b/i;

/** A pause's "until …" that is a time ("until monday"): kept for the planner to speak to. */
export function isTime(words: string): boolean {
  const [first] = chrono.parse(words);
  return first !== undefined && first.index === 0;
}

/** "Leave it paused and", "keep them as they are, but": a state kept, before the request itself. */
const leftAsItIs =
  /\b(?:leave|keep)\s+(?:it|them|that|this|that one|this one)\s+(?:paused|stopped|off|on|running|active|alone|be|as (?:it is|they are|is))\s*,?\s+(?:and|but)\s+(?:just\s+|only\s+)?(?=\S)/i;

/** "Leave it paused and just delete it": what stays as it is asks for nothing; the rest does. */
export function withoutKeptState(text: string): string {
  return text.replace(leftAsItIs, '');
}

/** The request without the reasons and conditions said beside it; questions come back as they are. */
export function withoutAsides(text: string): string {
  if (question.test(text)) return text;
  let result = withoutKeptState(text);
  for (const reason of reasons) {
    // "…, it's at https://…" gives the page: a tail with an address or an e-mail is no aside.
    result = result.replace(reason, (tail) => (/https?:\/\/|@/.test(tail) ? tail : ''));
  }
  const until = untilTail.exec(result);
  if (until?.[1] && pauseVerb.test(result.slice(0, until.index)) && !isTime(until[1]))
    result = result.slice(0, until.index);
  const trimmed = result.replace(/[\s,;:(—-]+$/, '');
  return trimmed === '' ? text : trimmed;
}
