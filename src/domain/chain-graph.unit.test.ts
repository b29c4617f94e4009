import { describe, expect, it } from 'vitest';
import { cycleClosedBy } from './chain-graph.ts';

const edge = (fromAgentId: string, toAgentId: string) => ({ fromAgentId, toAgentId });

describe('chain loops', () => {
  it('finds the loop a new chain would close, in order', () => {
    const edges = [edge('collector', 'cleaner'), edge('cleaner', 'reporter')];
    expect(cycleClosedBy(edges, edge('reporter', 'collector'))).toEqual([
      'reporter',
      'collector',
      'cleaner',
      'reporter',
    ]);
  });

  it('refuses an agent chained to itself', () => {
    expect(cycleClosedBy([], edge('a', 'a'))).toEqual(['a', 'a']);
  });

  it('allows fan-out and fan-in that close no loop', () => {
    const edges = [edge('a', 'b'), edge('a', 'c'), edge('b', 'd')];
    expect(cycleClosedBy(edges, edge('c', 'd'))).toBeUndefined();
  });
});
