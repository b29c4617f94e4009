// How people ask why an agent does not work, besides "why did X fail": "what's wrong with X",
// "X's problem", "X is broken", "X keeps failing", "why isn't X working", "fix X". Each asks for
// the failure explained (and its fix), not for an action on X nor for the list of agents.
import { questionPatterns } from './vocabulary.ts';

export const troublePatterns: readonly RegExp[] = [
  ...questionPatterns.whyFailed,
  /\bwhat(?:'s|s| is| was)? (?:wrong|up|going on|the (?:problem|issue|matter|deal)) (?:with|w\/|to)\b/,
  /\bwhat(?:'s|s| is)? (?:wrong|the (?:problem|issue|matter))\b.*\?*$/,
  /'s (?:problem|issue|trouble|error)s?\b/,
  /\b(?:its|their) (?:problem|issue|trouble|error)s?\b/,
  /\b(?:problems?|issues?|trouble) (?:with|of)\b/,
  /\b(?:keeps?|kept|keep on|still|always) (?:failing|breaking|crashing|erroring|dying|timing out)\b/,
  /\b(?:is|are|was|got|seems?|looks?|'s) (?:broken|busted|borked|failing|crashing|dead|erroring)\b/,
  /\b(?:isn't|isnt|is not|aren't|arent|doesn't|doesnt|does not|won't|wont|will not|not|stopped|never) (?:working|work|running properly|succeeding|succeed)\b/,
  /\bwhy\b.*(?:\bnot\b|n't\b|\bnever\b|\b(?:wont|dont|doesnt|isnt|cant|didnt|arent)\b).*\b(?:work|working|run|running|succeed|succeeding)\b/,
  /\b(?:fail|failed|failing|broke|broken|errored)\b.*\bagain\b/,
  // "Hmm it failed before, why?", "it broke yesterday, how come": a failure, then asking why.
  /\b(?:failed|failing|broke|broken|errored|crashed)\b.*\b(?:why|how come|what happened)\b/,
  /\b(?:fix|debug|troubleshoot|diagnose|repair)\b/,
  /\bwhat (?:error|errors)\b/,
];

/** Whether the request asks what is wrong with an agent (in lower case). */
export function asksWhatIsWrong(lower: string): boolean {
  const text = lower.replace(/’/g, "'");
  return troublePatterns.some((pattern) => pattern.test(text));
}
