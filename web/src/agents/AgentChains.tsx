// What starts this agent and what it starts: chains in and out, by agent name, with links.
import { Link } from 'react-router';
import type { Schemas } from '../api/client.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { useChains } from './agent-queries.ts';

const whenWords: Record<Schemas['Chain']['on'], string> = {
  success: 'when it succeeds',
  failure: 'when it fails',
  always: 'whenever it ends',
};

export function AgentChains({ agentId }: { agentId: string }) {
  const { ws } = useWorkspace();
  const chains = useChains(ws);
  const items = chains.data?.items ?? [];
  const incoming = items.filter((chain) => chain.toAgentId === agentId);
  const outgoing = items.filter((chain) => chain.fromAgentId === agentId);
  const off = (chain: Schemas['Chain']) => (chain.enabled ? '' : ' (turned off)');
  return (
    <section aria-labelledby="agent-chains">
      <h2 id="agent-chains">Chains</h2>
      <ErrorMessage error={chains.error} onRetry={() => void chains.refetch()} />
      {chains.data && incoming.length === 0 && outgoing.length === 0 ? (
        <p className="muted">No chains: no other agent starts this one, and it starts none.</p>
      ) : null}
      {incoming.length > 0 ? (
        <>
          <h3>Started by</h3>
          <ul>
            {incoming.map((chain) => (
              <li key={chain.id}>
                <Link to={`/w/${ws}/agents/${chain.fromAgentId}`}>{chain.fromAgentName}</Link>,{' '}
                {whenWords[chain.on]}
                {chain.mapping ? ', with its output reshaped' : ''}
                {off(chain)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {outgoing.length > 0 ? (
        <>
          <h3>Starts</h3>
          <ul>
            {outgoing.map((chain) => (
              <li key={chain.id}>
                <Link to={`/w/${ws}/agents/${chain.toAgentId}`}>{chain.toAgentName}</Link>,{' '}
                {whenWords[chain.on]}
                {chain.mapping ? ', with its output reshaped' : ''}
                {off(chain)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
