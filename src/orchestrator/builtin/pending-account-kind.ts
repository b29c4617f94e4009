// "It's a bot token, not oauth", "use a login instead": the kind of the account a plan waiting for
// approval connects, said after the plan was made. The account is planned again with that kind
// (its hosts and questions as a new request would have them) in the plan's place.
import type { PlannedChange } from '../../domain/plan.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { kindIn } from './connect-planning.ts';

type PlanAgain = (request: PlannerRequest) => Promise<PlannerAnswer>;

const kindPhrases = { api_key: 'an API key (a token)', login: 'a login', oauth2: 'OAuth 2' } as const;
const kindWords = { api_key: 'api key', login: 'login', oauth2: 'oauth' } as const;

/** The pending plan with its account's kind changed; undefined when the text says no kind. */
export async function changeAccountKind(
  text: string,
  pending: PlannedChange,
  request: PlannerRequest,
  planAgain: PlanAgain,
): Promise<PlannerAnswer | undefined> {
  const index = pending.operations.findIndex((operation) => operation.type === 'connectAccount');
  const account = pending.operations[index];
  if (account?.type !== 'connectAccount') return undefined;
  // The kind said first wins: "a bot token, not oauth" is a token.
  const kind = kindIn(text.replace(/\bnot\s+(?:an?\s+)?(?:oauth2?|login|api key|token)\b/gi, ' '), undefined);
  // Only a message about the kind: "it's a token" or "api key, not oauth", no other request.
  if (!kind || text.split(/\s+/).length > 10) return undefined;
  if (kind === account.kind)
    return {
      reply: `The plan waiting for approval already connects "${account.service}" with ${kindPhrases[kind]}. Approve it to go ahead.`,
      plan: { summary: pending.summary, questions: [], operations: pending.operations },
    };
  const hosts = (account.settings.allowedHosts as string[] | undefined) ?? [];
  const again = await planAgain({
    ...request,
    conversation: undefined,
    text: `connect the ${account.service} ${kindWords[kind]}${hosts.length > 0 ? ` for ${hosts.join(', ')}` : ''}`,
  });
  const replacement = again.plan?.operations.find((operation) => operation.type === 'connectAccount');
  if (!replacement) return again;
  const operations = [...pending.operations];
  operations[index] = replacement;
  return {
    reply: `I changed the plan waiting for approval: "${account.service}" is connected with ${kindPhrases[kind]} instead. ${again.reply.replace(/^I will /, 'It will ')}`,
    plan: { summary: pending.summary, questions: [], operations },
  };
}
