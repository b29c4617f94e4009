// "Reconnect the crm", "re-auth crm", "hook up the crm again, the token expired": an account the
// workspace already has is connected again. The plan is a connectAccount of that account (its
// service, label and kind as they are), which the apply step turns into a new secret or a new
// authorization for the same connection, so the agents that use it keep working with it.
import type { PlanOperation } from '../../domain/plan.ts';
import { connectionNamed, connectionReferenceOf } from '../connection-help.ts';
import type { ConnectionSnapshot, PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { agentsMentioned } from './agent-names.ts';
import { withoutAddresses } from './request-text.ts';
import { reconnectPatterns } from './vocabulary/connect-vocabulary.ts';

const kindWords: Record<ConnectionSnapshot['kind'], string> = {
  api_key: 'API key',
  login: 'login',
  oauth2: 'OAuth',
};

/** Whether the request asks to connect an account again (in lower case, addresses left out). */
export function asksToReconnect(text: string): boolean {
  const lower = withoutAddresses(text).toLowerCase().replace(/’/g, "'");
  return reconnectPatterns.some((pattern) => pattern.test(lower));
}

/** The accounts whose service the request names, as a word ("crm", "supplier portal", "supplier-portal"). */
export function accountsNamed(
  text: string,
  connections: readonly ConnectionSnapshot[],
): ConnectionSnapshot[] {
  const lower = ` ${text.toLowerCase().replace(/[^a-z0-9/]+/g, ' ')} `;
  return connections.filter((connection) => {
    const service = connection.service.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
    const name = connection.label ? `${service}/${connection.label.toLowerCase()}` : service;
    return lower.includes(` ${name} `) || lower.includes(` ${service} `);
  });
}

/** The accounts an agent's steps sign in or authenticate with. */
export function accountsOf(
  agent: WorkspaceSnapshot['agents'][number],
  snapshot: WorkspaceSnapshot,
): ConnectionSnapshot[] {
  const found = agent.spec.steps
    .map((step) => connectionReferenceOf(step))
    .filter((reference): reference is string => reference !== undefined)
    .map((reference) => connectionNamed(snapshot, reference))
    .filter((connection): connection is ConnectionSnapshot => connection !== undefined);
  return [...new Set(found)];
}

/** The account to connect again: the one named, else the one of the agent named (or meant by "it"). */
function accountToReconnect(text: string, request: PlannerRequest): ConnectionSnapshot | undefined {
  const { snapshot } = request;
  const connections = snapshot.connections ?? [];
  const named = accountsNamed(text, connections);
  if (named.length === 1) return named[0];
  if (named.length > 1) return undefined;
  const mentioned = agentsMentioned(text, snapshot.agents).map((match) => match.item);
  const meant = /\b(?:it|its|that|this)\b/i.test(text)
    ? snapshot.agents.find((agent) => agent.name === request.lastAgentName)
    : undefined;
  const agent = mentioned.length === 1 ? mentioned[0] : mentioned.length === 0 ? meant : undefined;
  const used = agent ? accountsOf(agent, snapshot) : [];
  return used.length === 1 ? used[0] : undefined;
}

/** What the admin does once the plan is approved, in words (the result names the exact call). */
function afterApproval(kind: ConnectionSnapshot['kind']): string {
  return kind === 'oauth2'
    ? 'an admin signs in at the provider again to authorize it'
    : `an admin adds the new ${kind === 'login' ? 'password' : 'API key'} to it, outside this chat`;
}

/** The plan that connects an existing account again; undefined when the request asks no such thing. */
/**
 * A question ("was the login refused?") or another order first ("pause the reporter, its token
 * expired") is not a request to reconnect: the token is the reason, the other rules plan the rest.
 */
const notAReconnect =
  /\?\s*$|^(?:(?:please|pls|ok|okay|and|then)[,\s]+)*(?:pause|resume|unpause|delete|remove|run|rerun|stop|start|create|make|build|schedule|unschedule|chain|unchain|rename|duplicate|copy|update|change|edit|why|what|how|when|which|is|are|did|does)\b/i;

export function planReconnect(text: string, request: PlannerRequest): PlannerAnswer | undefined {
  if (!asksToReconnect(text)) return undefined;
  const direct =
    /^(?:(?:please|pls|ok|okay|can you|could you)[,\s]+)*re-?(?:conn?ect|auth|authori[sz]e|authenticate|link|login|log in|sign in)/i.test(
      text.trim(),
    );
  if (!direct && notAReconnect.test(text.trim())) return undefined;
  const connection = accountToReconnect(text, request);
  if (!connection) return undefined;
  const name = connection.label ? `${connection.service}/${connection.label}` : connection.service;
  const operation: PlanOperation = {
    type: 'connectAccount',
    service: connection.service,
    kind: connection.kind,
    label: connection.label,
    settings: { allowedHosts: connection.allowedHosts ?? [] },
  };
  const users = request.snapshot.agents.filter((agent) =>
    accountsOf(agent, request.snapshot).includes(connection),
  );
  const usedBy =
    users.length > 0
      ? ` ${users.map((agent) => `"${agent.name}"`).join(', ')} use${users.length === 1 ? 's' : ''} it and will go on using it.`
      : '';
  return {
    reply: `I will connect the ${kindWords[connection.kind]} account "${name}" again (it is ${connection.status} now): once you approve, ${afterApproval(connection.kind)}; the approval's result names the exact address.${usedBy} Approve the plan to go ahead.`,
    plan: {
      summary: `Reconnect the ${kindWords[connection.kind]} account "${name}".`,
      questions: [],
      operations: [operation],
    },
    referents: users.map((agent) => agent.name),
  };
}
