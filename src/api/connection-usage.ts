// Which agents use each connected account: those whose current spec has a step that names it
// (auth.connection of an HTTP request, connection of a browser sign-in), resolved the way the
// vault resolves a reference when the step runs (an id, service/label, or a service's default).
// A person about to remove or replace an account needs to know what stops working.
import type { AgentSpec } from '../domain/agent-spec.ts';
import { connectionNamed, connectionReferenceOf } from '../orchestrator/connection-help.ts';
import type { ConnectionSnapshot, WorkspaceSnapshot } from '../orchestrator/planner.ts';
import { agentKeyset, listAgents } from '../store/agent-repository.ts';
import { type KeyValue, positionOf } from '../store/keyset.ts';
import type { WorkspaceScope } from '../store/store.ts';

export interface ConnectionUser {
  agentId: string;
  agentName: string;
}

interface AgentSteps {
  id: string;
  name: string;
  spec: AgentSpec;
}

/** Each connection's users, by connection id (a connection no agent names has none). */
export function connectionUsers(
  connections: readonly ConnectionSnapshot[],
  agents: readonly AgentSteps[],
): Map<string, ConnectionUser[]> {
  const users = new Map<string, ConnectionUser[]>();
  const snapshot: WorkspaceSnapshot = { agents: [], chains: [], connections: [...connections] };
  for (const agent of agents) {
    const named = new Set<string>();
    for (const step of agent.spec.steps) {
      const reference = connectionReferenceOf(step);
      const connection = reference ? connectionNamed(snapshot, reference) : undefined;
      if (connection) named.add(connection.id);
    }
    for (const connectionId of named) {
      const list = users.get(connectionId) ?? [];
      list.push({ agentId: agent.id, agentName: agent.name });
      users.set(connectionId, list);
    }
  }
  return users;
}

const agentPage = 500;

/** Every agent's current spec, page by page (a workspace may hold more than one page). */
export async function currentAgentSpecs(scope: WorkspaceScope): Promise<AgentSteps[]> {
  const all: AgentSteps[] = [];
  let after: KeyValue[] | undefined;
  for (;;) {
    const page = await listAgents(scope, { limit: agentPage, after });
    all.push(...page.map((agent) => ({ id: agent.id, name: agent.name, spec: agent.spec })));
    const last = page.at(-1);
    if (page.length < agentPage || !last) return all;
    after = positionOf(agentKeyset, last);
  }
}
