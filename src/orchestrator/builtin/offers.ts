// Short answers to what the Orchestrator itself just said: "yes", "sure", "ok fix it", "do it"
// accept the plan waiting for approval or what the last reply offered to do; "connect sheets then"
// takes up an offer to connect an account; "it's an api key", "oauth" or "username and password"
// say how the offered account signs in. What was offered is kept as a request in words
// (`offer` in the conversation's state), planned again as if the person had said it.
import type { ConversationContext } from '../conversation-state.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { nameWords } from './agent-names.ts';
import { hasAny } from './request-text.ts';
import { connectionKindWords } from './vocabulary/connect-vocabulary.ts';

type PlanAgain = (request: PlannerRequest) => Promise<PlannerAnswer>;

/** Words that only say yes to what was offered. */
const yesWords = new Set(
  "ok okay k kk yes yeah yea yep yup ya sure please pls plz go ahead do it that this fix apply the proceed sounds good lets let let's us great perfect thanks thank you fine alright all right cool just then now make so retry approve accept accepted agreed agree absolutely definitely of course right away sgtm lgtm for thing course yess yup please ahead".split(
    ' ',
  ),
);

/** Verbs that ask for the same as the offer's: "set up sheets" takes up "connect the sheets account". */
const sameVerbs = new Set(['connect', 'add', 'link', 'set', 'setup', 'hook', 'up', 'it', 'account']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .split(/[^a-z']+/)
    .filter(Boolean);
}

/** "Yes", "ok fix it", "sure, go ahead": a message that says yes and nothing else. */
export function saysYes(text: string): boolean {
  // "Make that 8:30" holds a time: a change, not a yes.
  if (/\d/.test(text)) return false;
  const said = words(text);
  return said.length > 0 && said.length <= 8 && said.every((word) => yesWords.has(word));
}

/** "And run it now" for a plan that already tests its new agent once: that plan, as it is. */
function testsWhatIsTested(text: string, pending: ConversationContext['pendingPlan']): boolean {
  const once =
    /^(?:(?:and|also|then|ok|okay|please|pls)[\s,]+)*(?:run|test|try)\s+(?:it|this|that)(?:\s+(?:now|once|first|too|as well|right away|please|pls))*[\s.!]*$/i;
  return (
    once.test(text.trim()) &&
    (pending?.operations.some((operation) => operation.type === 'createAgent') ?? false) &&
    (pending?.operations.some((operation) => operation.type === 'runAgent') ?? false)
  );
}

/** How an account signs in, when the message says it: "it's an api key", "oauth". */
function kindAnswer(text: string): boolean {
  return Object.values(connectionKindWords).some((list) => hasAny(text, list)) && words(text).length <= 8;
}

/** The answer to a short reply to the Orchestrator's own offer; undefined when it is none. */
export async function takeOffer(
  request: PlannerRequest,
  planAgain: PlanAgain,
): Promise<PlannerAnswer | undefined> {
  const conversation = request.conversation as ConversationContext;
  const text = request.text.trim();
  const pending = conversation.pendingPlan;
  const plain = { ...request, conversation: undefined };
  if ((saysYes(text) || testsWhatIsTested(text, pending)) && pending && pending.operations.length > 0) {
    return {
      reply: `The plan waiting for approval does that: ${pending.summary} Approve it to go ahead.`,
      plan: { summary: pending.summary, questions: [], operations: pending.operations },
    };
  }
  const offer = conversation.offer;
  // "Approve", "go ahead" with nothing waiting: said plainly, never read as a new request.
  if (
    !offer &&
    (!pending || pending.operations.length === 0) &&
    saysYes(text) &&
    /\b(?:approve|proceed|go ahead|do it|confirm|accept)\b/i.test(text)
  )
    return {
      reply:
        'There is no plan waiting for approval in this conversation. Tell me what to do ("run the lead scraper", "pause the weekly report"), and approve the plan I propose with its Approve button.',
    };
  if (!offer) return undefined;
  if (saysYes(text)) return { ...(await planAgain({ ...plain, text: offer })), understood: offer };
  // "Connect sheets then": the offer in fewer words.
  const offered = new Set(nameWords(offer));
  const own = nameWords(text).filter((word) => !yesWords.has(word) && !sameVerbs.has(word));
  if (words(text).length > 0 && own.every((word) => offered.has(word))) {
    return { ...(await planAgain({ ...plain, text: offer })), understood: offer };
  }
  // "It's an api key": how the offered account signs in.
  const offeredKind = /^(connect the \S+ account with )(?:an api key|a login)\b/i.exec(offer);
  if (offeredKind?.[1] && kindAnswer(text)) {
    // The offer's own kind of account gives way to the one the person says.
    const kind = text
      .replace(/^(?:it'?s|it is|its|we use|uses?|with|by|via|through)\s+/i, '')
      .replace(/[.!]+$/, '');
    const said = `${offeredKind[1]}${kind}${offer.slice(offeredKind[0].length)}`;
    return { ...(await planAgain({ ...plain, text: said })), understood: said };
  }
  return undefined;
}
