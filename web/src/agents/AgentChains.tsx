// What starts this agent and what it starts: chains in and out, drawn from → to with when they
// apply and their mapping; for builders, a new chain from this agent, and changing, turning off
// or deleting any chain shown.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { ConfirmAction } from '../automations/ConfirmAction.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { useChains } from './agent-queries.ts';
import { conditionWords, EditChainForm, NewChainForm } from './ChainForm.tsx';
import '../automations/automations.css';

export function AgentChains({ agentId }: { agentId: string }) {
  const { ws, canBuild } = useWorkspace();
  const chains = useChains(ws);
  const [adding, setAdding] = useState(false);
  const items = (chains.data?.items ?? []).filter(
    (chain) => chain.toAgentId === agentId || chain.fromAgentId === agentId,
  );
  return (
    <section aria-labelledby="agent-chains" className="automation-section">
      <h2 id="agent-chains">Chains</h2>
      <ErrorMessage error={chains.error} onRetry={() => void chains.refetch()} />
      {chains.data && items.length === 0 ? (
        <p className="muted">No chains: no other agent starts this one, and it starts none.</p>
      ) : null}
      {items.length > 0 ? (
        <ul className="automation-list chains">
          {items.map((chain) => (
            <ChainItem key={chain.id} chain={chain} />
          ))}
        </ul>
      ) : null}
      {canBuild ? (
        adding ? (
          <NewChainForm fromAgentId={agentId} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            Start another agent after this one
          </button>
        )
      ) : null}
    </section>
  );
}

/** "Scraper → Writer, when it succeeds", each end a link to its agent. */
export function ChainDrawing({ chain }: { chain: Schemas['Chain'] }) {
  const { ws } = useWorkspace();
  return (
    <span className="chain-drawing">
      <Link to={`/w/${ws}/agents/${chain.fromAgentId}`}>{chain.fromAgentName}</Link>
      <span aria-hidden="true"> → </span>
      <span className="visually-hidden"> then starts </span>
      <Link to={`/w/${ws}/agents/${chain.toAgentId}`}>{chain.toAgentName}</Link>
      <span className="muted">
        , {conditionWords[chain.on]}
        {chain.enabled ? '' : ' (turned off)'}
      </span>
    </span>
  );
}

function ChainItem({ chain }: { chain: Schemas['Chain'] }) {
  const { ws, canBuild } = useWorkspace();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const path = { params: { path: { ws, chainId: chain.id } } };
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.chains(ws) });
  const toggle = useMutation({
    mutationFn: () =>
      unwrap(
        client.PATCH('/api/workspaces/{ws}/chains/{chainId}', { ...path, body: { enabled: !chain.enabled } }),
      ),
    onSettled: refresh,
  });
  const name = `${chain.fromAgentName} to ${chain.toAgentName}`;
  return (
    <li>
      <ChainDrawing chain={chain} />
      <p className="chain-mapping">
        {chain.mapping ? (
          <>
            Input mapped by <code>{chain.mapping}</code>
          </>
        ) : (
          <span className="muted">The output is passed on as the input.</span>
        )}
      </p>
      {canBuild && !editing ? (
        <div className="form-actions">
          <button type="button" onClick={() => setEditing(true)} aria-label={`Edit the chain from ${name}`}>
            Edit
          </button>
          <button
            type="button"
            onClick={() => toggle.mutate()}
            disabled={toggle.isPending}
            aria-label={`${chain.enabled ? 'Turn off' : 'Turn on'} the chain from ${name}`}
          >
            {chain.enabled ? 'Turn off' : 'Turn on'}
          </button>
          <ConfirmAction
            label="Delete"
            accessibleLabel={`Delete the chain from ${name}`}
            title="Delete this chain?"
            consequence={`${chain.toAgentName} will no longer start after ${chain.fromAgentName}. Runs already made stay.`}
            confirmLabel="Delete the chain"
            action={async () => {
              await unwrap(client.DELETE('/api/workspaces/{ws}/chains/{chainId}', path));
              await refresh();
            }}
          />
        </div>
      ) : null}
      <ErrorMessage error={toggle.error} />
      {editing ? <EditChainForm chain={chain} onDone={() => setEditing(false)} /> : null}
    </li>
  );
}
