// The web addresses that start this agent. An address (and a signing secret) is shown once, when
// a hook is made or given a new one, and never again: afterwards only its first characters, its
// settings and its recent calls. Builders make, change and delete hooks; viewers read them.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { client, unwrap } from '../api/client.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { useAgentHooks } from './agent-queries.ts';
import { HookFields, HookItem, hookLabel } from './HookItem.tsx';
import { ShownOnce, type ShownOnceSecrets } from './ShownOnce.tsx';
import '../automations/automations.css';

export function AgentHooks({ agentId }: { agentId: string }) {
  const { ws, canBuild } = useWorkspace();
  const hooks = useAgentHooks(ws, agentId);
  const [adding, setAdding] = useState(false);
  const [secrets, setSecrets] = useState<ShownOnceSecrets>();
  const items = hooks.data?.items ?? [];
  return (
    <section aria-labelledby="agent-hooks" className="automation-section">
      <h2 id="agent-hooks">Hooks</h2>
      <ErrorMessage error={hooks.error} onRetry={() => void hooks.refetch()} />
      {hooks.data && items.length === 0 ? (
        <p className="muted">
          No hooks: nothing outside Orca starts it. A hook is a web address that starts a run when called.
        </p>
      ) : null}
      {secrets ? <ShownOnce secrets={secrets} onClose={() => setSecrets(undefined)} /> : null}
      {items.length > 0 ? (
        <ul className="automation-list hooks">
          {items.map((hook) => (
            <HookItem key={hook.id} hook={hook} onSecrets={setSecrets} />
          ))}
        </ul>
      ) : null}
      {canBuild ? (
        adding ? (
          <NewHookForm
            agentId={agentId}
            onCreated={(created) => {
              setSecrets(created);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            Make a hook
          </button>
        )
      ) : null}
    </section>
  );
}

function NewHookForm({
  agentId,
  onCreated,
  onCancel,
}: {
  agentId: string;
  onCreated: (secrets: ShownOnceSecrets) => void;
  onCancel: () => void;
}) {
  const { ws } = useWorkspace();
  const id = useId();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [rate, setRate] = useState('60');
  const [signed, setSigned] = useState(false);
  const [mapping, setMapping] = useState('');
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/workspaces/{ws}/agents/{agentId}/hooks', {
          params: { path: { ws, agentId } },
          body: {
            name,
            ratePerMinute: Number(rate),
            signed,
            respond: 'accepted',
            waitTimeoutMs: 30_000,
            ...(mapping.trim() ? { mapping } : {}),
          },
        }),
      ),
    onSuccess: async (created) => {
      onCreated({
        hookName: hookLabel(created),
        url: created.url,
        signingSecret: created.signingSecret,
        signatureScheme: created.signatureScheme,
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.agentHooks(ws, agentId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.workspaceHooks(ws) });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }
  return (
    <form className="automation-form" onSubmit={submit} aria-label="New hook">
      <HookFields
        id={id}
        name={name}
        setName={setName}
        rate={rate}
        setRate={setRate}
        signed={signed}
        setSigned={setSigned}
        mapping={mapping}
        setMapping={setMapping}
      />
      <ErrorMessage error={create.error} />
      <div className="form-actions">
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Making…' : 'Make the hook'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
