// One hook of the agent: its name, whether calls must be signed, its rate limit, when it was last
// called and its recent calls; for builders, its settings, turning it off and on, a new address or
// signing secret (shown once), and deleting it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { ConfirmAction } from '../automations/ConfirmAction.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime, relativeTime } from '../shared/format.ts';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { HookCalls } from './HookCalls.tsx';
import type { ShownOnceSecrets } from './ShownOnce.tsx';

type HookChange = Schemas['HookChange'];

export function hookLabel(hook: { name: string; tokenPrefix: string }): string {
  return hook.name || `Hook ${hook.tokenPrefix}`;
}

export function HookItem({
  hook,
  onSecrets,
}: {
  hook: Schemas['Hook'];
  onSecrets: (secrets: ShownOnceSecrets) => void;
}) {
  const { ws, canBuild } = useWorkspace();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const name = hookLabel(hook);
  const path = { params: { path: { ws, agentId: hook.agentId, hookId: hook.id } } };
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.agentHooks(ws, hook.agentId) });
    await queryClient.invalidateQueries({ queryKey: queryKeys.workspaceHooks(ws) });
  };
  const changeHook = async (body: HookChange) => {
    const changed = await unwrap(
      client.PATCH('/api/workspaces/{ws}/agents/{agentId}/hooks/{hookId}', { ...path, body }),
    );
    if (changed.url || changed.signingSecret)
      onSecrets({
        hookName: hookLabel(changed),
        url: changed.url,
        signingSecret: changed.signingSecret,
        signatureScheme: changed.signatureScheme,
      });
    await refresh();
  };
  const toggle = useMutation({ mutationFn: () => changeHook({ enabled: !hook.enabled }) });
  return (
    <li className="hook-item">
      <p>
        <strong>{name}</strong>{' '}
        <span className="muted">
          {hook.name ? `(address ${hook.tokenPrefix})` : ''}
          {hook.enabled ? '' : ' turned off'}
        </span>
      </p>
      <p className="muted">
        {hook.signed ? 'Calls must be signed' : 'Unsigned calls accepted'}; at most {hook.ratePerMinute} calls
        a minute; made {dateTime(hook.createdAt)}
        {hook.lastUsedAt ? `, last started a run ${relativeTime(hook.lastUsedAt)}` : ', never started a run'}.
      </p>
      {canBuild && !editing ? (
        <div className="form-actions">
          <button type="button" onClick={() => setEditing(true)} aria-label={`Settings of ${name}`}>
            Settings
          </button>
          <button
            type="button"
            onClick={() => toggle.mutate()}
            disabled={toggle.isPending}
            aria-label={`${hook.enabled ? 'Turn off' : 'Turn on'} ${name}`}
          >
            {hook.enabled ? 'Turn off' : 'Turn on'}
          </button>
          <ConfirmAction
            label="New address"
            accessibleLabel={`New address for ${name}`}
            title={`Give ${name} a new address?`}
            consequence="The old address stops working at once: whoever calls it must be given the new one, which is shown once."
            confirmLabel="Make a new address"
            danger={false}
            action={() => changeHook({ rotateToken: true })}
          />
          {hook.signed ? (
            <ConfirmAction
              label="New signing secret"
              accessibleLabel={`New signing secret for ${name}`}
              title={`Give ${name} a new signing secret?`}
              consequence="Calls signed with the old secret are refused at once. The new secret is shown once."
              confirmLabel="Make a new signing secret"
              danger={false}
              action={() => changeHook({ rotateSigningSecret: true })}
            />
          ) : null}
          <ConfirmAction
            label="Delete"
            accessibleLabel={`Delete ${name}`}
            title={`Delete ${name}?`}
            consequence="Its address stops working at once. Runs it started stay."
            confirmLabel="Delete the hook"
            action={async () => {
              await unwrap(client.DELETE('/api/workspaces/{ws}/agents/{agentId}/hooks/{hookId}', path));
              await refresh();
            }}
          />
        </div>
      ) : null}
      <ErrorMessage error={toggle.error} />
      {editing ? <HookSettingsForm hook={hook} save={changeHook} onDone={() => setEditing(false)} /> : null}
      <HookCalls agentId={hook.agentId} hookId={hook.id} hookName={name} />
    </li>
  );
}

function HookSettingsForm({
  hook,
  save,
  onDone,
}: {
  hook: Schemas['Hook'];
  save: (body: HookChange) => Promise<void>;
  onDone: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(hook.name);
  const [rate, setRate] = useState(String(hook.ratePerMinute));
  const [signed, setSigned] = useState(hook.signed);
  const [mapping, setMapping] = useState(hook.mapping ?? '');
  const change = useMutation({
    mutationFn: () =>
      save({
        name,
        ratePerMinute: Number(rate),
        mapping: mapping.trim() ? mapping : null,
        ...(signed !== hook.signed ? { signed } : {}),
      }),
    onSuccess: onDone,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate();
  }
  return (
    <form className="automation-form" onSubmit={submit} aria-label={`Settings of ${hookLabel(hook)}`}>
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
      {hook.signed && !signed ? (
        <p className="hint">Its signing secret will be removed: unsigned calls will be accepted.</p>
      ) : null}
      <ErrorMessage error={change.error} />
      <div className="form-actions">
        <button type="submit" disabled={change.isPending}>
          {change.isPending ? 'Saving…' : 'Save the hook'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The fields a hook is made and changed with. */
export function HookFields({
  id,
  name,
  setName,
  rate,
  setRate,
  signed,
  setSigned,
  mapping,
  setMapping,
}: {
  id: string;
  name: string;
  setName: (value: string) => void;
  rate: string;
  setRate: (value: string) => void;
  signed: boolean;
  setSigned: (value: boolean) => void;
  mapping: string;
  setMapping: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={`${id}-name`}>
        Name
        <input
          id={`${id}-name`}
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={80}
          placeholder="New orders from the shop"
        />
      </label>
      <label htmlFor={`${id}-rate`}>
        Calls a minute at most
        <input
          id={`${id}-rate`}
          type="number"
          min={1}
          max={100000}
          step={1}
          value={rate}
          onChange={(event) => setRate(event.target.value)}
          required
        />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={signed} onChange={(event) => setSigned(event.target.checked)} />
        Calls must be signed (a signing secret is made and shown once)
      </label>
      <label htmlFor={`${id}-mapping`}>
        Mapping (optional)
        <textarea
          id={`${id}-mapping`}
          value={mapping}
          onChange={(event) => setMapping(event.target.value)}
          rows={2}
          spellCheck={false}
          maxLength={4000}
          placeholder='{"order": body.id}'
          aria-describedby={`${id}-mapping-hint`}
        />
        <span className="hint" id={`${id}-mapping-hint`}>
          A JSONata expression over the call’s body, headers and query, giving the run’s input. Leave it empty
          to use the JSON body as the input.
        </span>
      </label>
    </>
  );
}
