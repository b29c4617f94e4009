// An agent's own memory, on its panel: what it keeps for itself between runs (memory.write with
// scope agent), with the same search, view, edit and delete as the shared context.
import { useMemo } from 'react';
import { MemoryBrowser } from './MemoryBrowser.tsx';

export function AgentMemory({ agentId, agentName }: { agentId: string; agentName: string }) {
  const surface = useMemo(() => ({ kind: 'agent' as const, agentId }), [agentId]);
  return (
    <section aria-labelledby="agent-memory">
      <h2 id="agent-memory">Memory</h2>
      <MemoryBrowser
        surface={surface}
        paramPrefix="memory-"
        headingLevel={3}
        words={{
          what: 'memory',
          empty: `${agentName} remembers nothing yet: its steps that write to memory with scope “agent” add entries here.`,
        }}
      />
    </section>
  );
}
