// Chains form a directed graph of agents. A new chain that would close a loop is refused at
// creation, with the loop named, because a loop of chains would run forever.

export interface ChainEdge {
  fromAgentId: string;
  toAgentId: string;
}

/**
 * The agents of the loop that adding `edge` would close, from its start back to it
 * (`[a, b, a]`), or undefined when it closes none.
 */
export function cycleClosedBy(edges: readonly ChainEdge[], edge: ChainEdge): string[] | undefined {
  if (edge.fromAgentId === edge.toAgentId) return [edge.fromAgentId, edge.fromAgentId];
  const next = new Map<string, string[]>();
  for (const existing of edges) {
    next.set(existing.fromAgentId, [...(next.get(existing.fromAgentId) ?? []), existing.toAgentId]);
  }
  // A path from the new edge's target back to its source closes the loop.
  const cameFrom = new Map<string, string>();
  const queue = [edge.toAgentId];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const agent = queue.shift() as string;
    if (agent === edge.fromAgentId) {
      const path = [agent];
      for (let step = cameFrom.get(agent); step !== undefined; step = cameFrom.get(step)) path.unshift(step);
      return [edge.fromAgentId, ...path];
    }
    for (const target of next.get(agent) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      cameFrom.set(target, agent);
      queue.push(target);
    }
  }
  return undefined;
}
