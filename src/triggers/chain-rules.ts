// What a chain must respect whoever makes it (the API or an Orchestrator plan): a mapping that
// parses, and no loop, since a loop of chains would start runs forever.
import jsonata from 'jsonata';
import { cycleClosedBy } from '../domain/chain-graph.ts';
import { ruleViolated } from '../domain/errors.ts';
import { listAgents } from '../store/agent-repository.ts';
import { listChains, lockChains } from '../store/chain-repository.ts';
import type { WorkspaceScope } from '../store/store.ts';

/** A mapping that does not parse is refused when it is saved, not when a run needs it. */
export function checkMapping(mapping: string | null | undefined) {
  if (!mapping) return;
  try {
    jsonata(mapping);
  } catch (error) {
    const reason = (error as { message?: string }).message ?? String(error);
    throw ruleViolated(`The mapping "${mapping}" is not valid JSONata: ${reason}.`, [
      { path: 'mapping', message: reason },
    ]);
  }
}

/** Every agent's name by id, to name agents in messages. */
export async function agentNames(scope: WorkspaceScope): Promise<Map<string, string>> {
  const agents = await listAgents(scope, { limit: 10_000 });
  return new Map(agents.map((agent) => [agent.id, agent.name]));
}

/** Refuses a chain that would close a loop, naming the agents around it. */
export async function refuseLoops(scope: WorkspaceScope, fromAgentId: string, toAgentId: string) {
  await lockChains(scope);
  const loop = cycleClosedBy(await listChains(scope), { fromAgentId, toAgentId });
  if (!loop) return;
  const names = await agentNames(scope);
  const path = loop.map((agentId) => `"${names.get(agentId) ?? agentId}"`).join(' → ');
  throw ruleViolated(
    `This chain would make a loop: ${path}. Chained runs would never stop; remove a chain of the loop first, or chain to another agent.`,
    [{ path: 'toAgentId', message: `loop: ${path}` }],
  );
}
