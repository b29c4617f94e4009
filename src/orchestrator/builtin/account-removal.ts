// "Delete the crm connection", "disconnect the supplier portal", "remove our crm account": a
// connected account taken away. The chat plans no removal: an account's secret is write-only, so
// an undo could not put it back, and the agents that sign in with it would fail at their next
// run. The answer says which account that is, which agents use it, and where to remove it.
import type { ConnectionSnapshot, PlannerAnswer, PlannerRequest } from '../planner.ts';
import { accountsNamed, accountsOf } from './reconnect-planning.ts';

const removeVerb =
  /\b(?:delete|remove|disconnect|drop|revoke|unlink|forget|get rid of|throw away|take away|deauthori[sz]e)\b/;
const accountWord =
  /\b(?:connection|connections|account|accounts|login|logins|credentials?|integration|integrations|api key|api keys|token|tokens|oauth)\b/;

function describe(connection: ConnectionSnapshot): string {
  const name = connection.label ? `${connection.service}/${connection.label}` : connection.service;
  const allowed = connection.allowedHosts ?? [];
  const hosts = allowed.length > 0 ? `, for ${allowed.join(', ')}` : '';
  return `"${name}" (${connection.kind.replace('_', ' ')}${hosts})`;
}

/**
 * The answer to a request to remove a connected account; undefined when the request is not one
 * (no removing verb, or no account named nor called an account, or an agent named: "remove the
 * crm step from the reporter" changes an agent).
 */
export function answerAccountRemoval(
  text: string,
  request: PlannerRequest,
  agentsNamed: number,
): PlannerAnswer | undefined {
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  if (agentsNamed > 0 || !removeVerb.test(lower)) return undefined;
  const connections = request.snapshot.connections ?? [];
  const named = accountsNamed(text, connections);
  const disconnects = /\bdisconnect\b/.test(lower);
  if (named.length === 0 && !accountWord.test(lower)) return undefined;
  const where =
    'Remove it on the Accounts page (open Accounts, choose it, then Remove) or with DELETE /api/workspaces/{workspace}/connections/{connection}.';
  const why =
    "I don't remove accounts from this chat: an account's secret is write-only, so an undo could not bring it back.";
  if (named.length === 0) {
    // "Remove my account" with no account named may mean the person's own Orca account: not this.
    if (!disconnects && !/\b(?:connection|integration|credentials?)s?\b/.test(lower)) return undefined;
    const listed = connections.map(describe);
    return {
      reply:
        listed.length > 0
          ? `Which account? This workspace's connected accounts: ${listed.join(', ')}. ${where} ${why}`
          : 'This workspace has no connected accounts to remove.',
    };
  }
  const users = (connection: ConnectionSnapshot) =>
    request.snapshot.agents.filter((agent) => accountsOf(agent, request.snapshot).includes(connection));
  const lines = named.map((connection) => {
    const using = users(connection).map((agent) => `"${agent.name}"`);
    const effect =
      using.length > 0
        ? ` ${using.join(', ')} ${using.length === 1 ? 'signs' : 'sign'} in with it and would fail at ${using.length === 1 ? 'its' : 'their'} next run.`
        : ' No agent uses it.';
    return `The account ${describe(connection)}.${effect}`;
  });
  return { reply: `${lines.join('\n')}\n${where} ${why}` };
}
