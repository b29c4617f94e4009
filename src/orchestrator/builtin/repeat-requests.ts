// "And the monthly one too", "same for the job collector", "the reporter as well", "also the
// reporter": the last request again, on another agent. With a plan waiting for approval, its
// operations are said again for the new agent and added to it (the new plan supersedes it);
// after an answer or an approved plan, the last request's words are planned with the agent swapped.
import type { PlanOperation } from '../../domain/plan.ts';
import type { ConversationContext } from '../conversation-state.ts';
import { operationAgents } from '../conversation-state.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { agentsMentioned, nameScore, nameWords } from './agent-names.ts';
import { firstOf, withoutAddresses } from './request-text.ts';
import { requestAgain } from './requests-again.ts';
import { actionWords } from './vocabulary/vocabulary.ts';

type PlanAgain = (request: PlannerRequest) => Promise<PlannerAnswer>;

/** Words that say the agent named is added to what was just asked. */
const addition =
  /\b(?:too|as well|also|same|ditto|likewise|similarly|plus|and|another|again|for|repeat)\b|^\s*(?:what about|how about|and|now|next)\b/i;
/** "At the same time", "on the same schedule", "the same way": the last request, unchanged. */
const sameAsBefore =
  /\b(?:(?:at|on|with|in)\s+)?(?:the\s+)?(?:same|identical)\s+(?:time|times|schedule|hour|day|way|thing)\b/gi;

/** Words that may stand around the agent's name in such a message, and nothing else. */
const filler = new Set(
  'and also too as well same for with the a an please pls plz do thing thingy same one ones agent bot ok okay now then what about how about that to with it same here likewise ditto plus one yes yeah yep oh same goes for again repeat next'.split(
    ' ',
  ),
);

/** The agents a message adds to the last request, when it says nothing else; otherwise none. */
export function addedAgents(text: string, agents: PlannerRequest['snapshot']['agents']): string[] {
  if (!addition.test(text)) return [];
  const lower = withoutAddresses(text)
    .replace(/[?!.]+$/, '')
    .replace(sameAsBefore, ' ');
  const named = agentsMentioned(lower, agents).map((match) => match.item.name);
  if (named.length === 0) return [];
  // Every other word is filler: "pause the reporter too" has a verb of its own and is planned as said.
  const words = nameWords(lower).filter((word) => !filler.has(word));
  const nameOnly = words.every((word) => named.some((name) => nameScore(word, name).shared > 0));
  if (!nameOnly) return [];
  const verb = firstOf(lower.replace(/\b(?:also|too|as well)\b/g, ' '), Object.values(actionWords).flat());
  return verb ? [] : named;
}

/** The last request again, on `names`; undefined when there is no request to repeat. */
export async function repeatForAgents(
  names: readonly string[],
  request: PlannerRequest,
  planAgain: PlanAgain,
): Promise<PlannerAnswer | undefined> {
  const conversation = request.conversation as ConversationContext;
  const pending = conversation.pendingPlan;
  const plain = { ...request, conversation: undefined };
  const again = pending ? fromPending(pending.operations, names) : [];
  // A plan that cannot be said again (a fix, a new agent) leaves the last request's words.
  const kept = again.length > 0 ? pending : undefined;
  const requests = again.length > 0 ? again : fromLastRequest(conversation.lastRequest, names);
  if (requests.length === 0) return undefined;
  const answers = await Promise.all(
    requests.map((said) => planAgain({ ...plain, text: said, lastAgentName: names[0] })),
  );
  const added = answers.flatMap((answer) =>
    answer.plan && answer.plan.questions.length === 0 ? answer.plan.operations : [],
  );
  const replies = answers.map((answer) => answer.reply.replace(/ Approve[^.]*\.$/, ''));
  const understood = requests.join(' and ');
  if (added.length === 0) {
    // "Already paused", "which one?": the answer for the new agent, as it is.
    return answers.length === 1 ? { ...(answers[0] as PlannerAnswer), understood } : undefined;
  }
  const operations: PlanOperation[] = [...(kept?.operations ?? []), ...added];
  const summaries = answers.map((answer) => answer.plan?.summary).filter(Boolean);
  return {
    reply: `${kept ? `Added to the plan waiting for approval: ${replies.join(' ')}` : replies.join(' ')} Approve the plan to go ahead.`,
    plan: {
      summary: [kept?.summary, ...summaries].filter(Boolean).join(' Then: '),
      questions: [],
      operations,
    },
    understood,
  };
}

/** The pending plan's requests on its last agent, said again for each agent named. */
function fromPending(operations: readonly PlanOperation[], names: readonly string[]): string[] {
  const own = operations.flatMap(operationAgents);
  const last = own.at(-1);
  if (!last || names.some((name) => own.includes(name))) return [];
  return names.flatMap((name) =>
    operations
      .map((operation) => requestAgain(operation, last, name))
      .filter((said): said is string => Boolean(said)),
  );
}

/** The last request's words with its agent replaced by each agent named. */
function fromLastRequest(last: ConversationContext['lastRequest'], names: readonly string[]): string[] {
  if (!last || names.includes(last.agent)) return [];
  const replaced = names.map((name) => swapAgent(last.text, last.agent, name));
  return replaced.every((text) => text !== last.text) ? replaced : [];
}

/**
 * The words that name `from` in `text` (with "the" and filler around them) replaced by `to`:
 * "when does the weekly reprot run?" → "when does the Monthly Report run?".
 */
export function swapAgent(text: string, from: string, to: string): string {
  const tokens = text.split(/(\s+)/);
  const nameish = (token: string) => {
    const words = nameWords(token);
    return words.length > 0 && words.every((word) => nameScore(word, from).shared > 0);
  };
  const fillerish = (token: string) => /^(?:the|my|our|one|agent|bot)$/i.test(token.replace(/[^\w]/g, ''));
  let start = -1;
  let end = -1;
  for (const [index, token] of tokens.entries()) {
    if (!/\S/.test(token)) continue;
    if (nameish(token)) {
      if (start < 0) start = index;
      end = index;
    } else if (start >= 0 && !fillerish(token)) break;
  }
  if (start < 0) return text;
  // "the weekly one", "the lead scraper agent": the word after the name goes too.
  while (/^(?:one|agent|bot)$/i.test(tokens[end + 2] ?? '')) end += 2;
  // "the" before the name goes with it; punctuation after it stays.
  while (start >= 2 && fillerish(tokens[start - 2] as string)) start -= 2;
  const tail = (tokens[end] as string).match(/[^\w]+$/)?.[0] ?? '';
  return [...tokens.slice(0, start), `the ${to}${tail}`, ...tokens.slice(end + 1)].join('');
}
