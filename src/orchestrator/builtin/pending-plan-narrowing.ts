// A follow-up that only narrows the plan waiting for approval: "only when it fails", "just if it
// succeeds", "either way" change when the chain proposed starts its second agent. The answer is
// that plan with its last chain changed, never a new request (which would lose the plan).
import type { PlannedChange, PlanOperation } from '../../domain/plan.ts';
import { operationAgents } from '../conversation-state.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { agentsMentioned } from './agent-names.ts';
import { chainConditionWords } from './vocabulary/vocabulary.ts';

type ChainCondition = Extract<PlanOperation, { type: 'chainAgents' }>['on'];

/** Words that open a narrowing: "only …", "just …", "but only …", "on failure", "if it fails". */
const narrowing =
  /^(?:(?:but|and|actually|no|nope|wait|oh|ok|okay|rather|hmm)\b[\s,.!]*)*(?:only|just|on|if|when|whenever|in case|make (?:it|that)|change (?:it|that) to|rather|instead|after|either way|always|regardless|whatever happens|no matter)\b/i;

/** The words of each ending a chain can start on, in the order they are tried. */
const endings: [ChainCondition, RegExp][] = [
  [
    'always',
    /\b(?:always|either way|whatever happens|no matter (?:what|how)|regardless|any (?:outcome|result|ending)|every time|(?:fails|failure) or (?:succeeds|success)|(?:succeeds|success) or (?:fails|failure))\b/i,
  ],
  [
    'failure',
    /\b(?:fail|fails|failed|failing|failure|errors?|errored|errs|breaks|broke|crash(?:es|ed)?|goes wrong|doesn'?t work|does not work|unsuccessful)\b/i,
  ],
  [
    'success',
    /\b(?:succeeds?|succeeded|success(?:ful(?:ly)?)?|works|worked|goes (?:well|fine|ok)|passes|passed)\b/i,
  ],
];

/** The ending a narrowing message asks a chain to start on, if it asks one. */
export function chainEndingAsked(text: string): ChainCondition | undefined {
  if (!narrowing.test(text.trim())) return undefined;
  return endings.find(([, words]) => words.test(text))?.[0];
}

/** The pending plan with its last chain's ending changed, or undefined when the message asks none. */
export function narrowPendingPlan(
  text: string,
  pending: PlannedChange,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const on = chainEndingAsked(text);
  if (!on) return undefined;
  const index = pending.operations.findLastIndex((operation) => operation.type === 'chainAgents');
  const chain = pending.operations[index];
  if (chain?.type !== 'chainAgents') return undefined;
  // "Only when the reporter fails" names an agent the chain is not about: another request.
  const own = new Set(operationAgents(chain));
  const named = agentsMentioned(text, request.snapshot.agents);
  if (named.some((match) => !own.has(match.item.name))) return undefined;
  if (chain.on === on)
    return {
      reply: `The plan waiting for approval already starts "${chain.to.agentName}" when "${chain.from.agentName}" ${chainConditionWords[on]}. Approve the plan to go ahead.`,
      plan: { summary: pending.summary, questions: [], operations: pending.operations },
    };
  const operations = pending.operations.map((operation, at) => (at === index ? { ...chain, on } : operation));
  const said = `"${chain.to.agentName}" starts each time "${chain.from.agentName}" ${chainConditionWords[on]}`;
  const summary = pending.summary.includes(`on ${chain.on}`)
    ? pending.summary.replace(`on ${chain.on}`, `on ${on}`)
    : `${pending.summary.replace(/\.$/, '')}; on ${on}.`;
  return {
    reply: `I changed the plan waiting for approval: ${said}. ${summary} Approve the plan to go ahead.`,
    plan: { summary, questions: [], operations },
  };
}
