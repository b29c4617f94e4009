// Making or changing a chain: which agent starts next, when (the first run succeeded, failed, or
// either), and the mapping that turns the first run into the next one's input. The server checks
// the mapping; a refusal is said in place and what was typed stays to be fixed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { useAgents } from './agent-queries.ts';

type Condition = Schemas['Chain']['on'];

export const conditionWords: Record<Condition, string> = {
  success: 'when it succeeds',
  failure: 'when it fails',
  always: 'whenever it ends',
};

function ConditionField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Condition;
  onChange: (value: Condition) => void;
}) {
  return (
    <label htmlFor={id}>
      When
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as Condition)}>
        <option value="success">When the first run succeeds</option>
        <option value="failure">When the first run fails</option>
        <option value="always">Whenever the first run ends</option>
      </select>
    </label>
  );
}

function MappingField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label htmlFor={id}>
      Mapping (optional)
      <textarea
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        rows={3}
        spellCheck={false}
        placeholder='{"url": output.link}'
        aria-describedby={`${id}-hint`}
        maxLength={4000}
      />
      <span className="hint" id={`${id}-hint`}>
        A JSONata expression over the first run’s output, input and run, giving the next run’s input. Leave it
        empty to pass the output as it is.
      </span>
    </label>
  );
}

const refreshChains = (queryClient: ReturnType<typeof useQueryClient>, ws: string) =>
  queryClient.invalidateQueries({ queryKey: queryKeys.chains(ws) });

export function NewChainForm({ fromAgentId, onDone }: { fromAgentId: string; onDone: () => void }) {
  const { ws } = useWorkspace();
  const id = useId();
  const queryClient = useQueryClient();
  const agents = useAgents(ws);
  const targets = (agents.data?.items ?? []).filter((agent) => agent.id !== fromAgentId);
  const [toAgentId, setTarget] = useState('');
  const [on, setOn] = useState<Condition>('success');
  const [mapping, setMapping] = useState('');
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/workspaces/{ws}/chains', {
          params: { path: { ws } },
          body: { fromAgentId, toAgentId, on, ...(mapping.trim() ? { mapping } : {}) },
        }),
      ),
    onSuccess: async () => {
      await refreshChains(queryClient, ws);
      onDone();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (toAgentId) create.mutate();
  }
  if (agents.data && targets.length === 0)
    return <p className="muted">There is no other agent to start yet: make one first, then chain it here.</p>;
  return (
    <form className="automation-form" onSubmit={submit} aria-label="New chain">
      <label htmlFor={`${id}-target`}>
        Then start
        <select
          id={`${id}-target`}
          value={toAgentId}
          onChange={(event) => setTarget(event.target.value)}
          required
        >
          <option value="">Choose an agent…</option>
          {targets.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
      </label>
      <ConditionField id={`${id}-on`} value={on} onChange={setOn} />
      <MappingField id={`${id}-mapping`} value={mapping} onChange={setMapping} />
      <ErrorMessage error={create.error} />
      <div className="form-actions">
        <button type="submit" disabled={!toAgentId || create.isPending}>
          {create.isPending ? 'Chaining…' : 'Chain them'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function EditChainForm({ chain, onDone }: { chain: Schemas['Chain']; onDone: () => void }) {
  const { ws } = useWorkspace();
  const id = useId();
  const queryClient = useQueryClient();
  const [on, setOn] = useState<Condition>(chain.on);
  const [mapping, setMapping] = useState(chain.mapping ?? '');
  const change = useMutation({
    mutationFn: () =>
      unwrap(
        client.PATCH('/api/workspaces/{ws}/chains/{chainId}', {
          params: { path: { ws, chainId: chain.id } },
          body: { on, mapping: mapping.trim() ? mapping : null },
        }),
      ),
    onSuccess: async () => {
      await refreshChains(queryClient, ws);
      onDone();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate();
  }
  return (
    <form
      className="automation-form"
      onSubmit={submit}
      aria-label={`Chain from ${chain.fromAgentName} to ${chain.toAgentName}`}
    >
      <ConditionField id={`${id}-on`} value={on} onChange={setOn} />
      <MappingField id={`${id}-mapping`} value={mapping} onChange={setMapping} />
      <ErrorMessage error={change.error} />
      <div className="form-actions">
        <button type="submit" disabled={change.isPending}>
          {change.isPending ? 'Saving…' : 'Save the chain'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
