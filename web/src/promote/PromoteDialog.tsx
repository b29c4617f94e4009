// Promoting an agent to another workspace (staging to production): pick where, which version and
// what goes with it; the answer is a plan in that workspace, shown here with a link that switches
// to it for review and approval. Only workspaces where the person is admin or owner are offered.
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { useMe } from '../shell/session.ts';

type Carry = { schedule: boolean; hooks: boolean; chains: boolean };

const carryLabels: Record<keyof Carry, string> = {
  schedule: 'Its schedule',
  chains: 'Its chains (where the other agent is there too)',
  hooks: 'Its webhooks (listed to make again: their addresses are secrets)',
};

/** The workspaces an agent of this one can be promoted into: others where the person is admin+. */
export function usePromotionTargets() {
  const { workspace } = useWorkspace();
  const me = useMe();
  return (me.data?.workspaces ?? []).filter(
    (other) => other.id !== workspace.id && (other.role === 'admin' || other.role === 'owner'),
  );
}

export function PromoteDialog({
  agent,
  open,
  onClose,
}: {
  agent: Schemas['Agent'];
  open: boolean;
  onClose: () => void;
}) {
  const { ws } = useWorkspace();
  const targets = usePromotionTargets();
  const [target, setTarget] = useState('');
  const [version, setVersion] = useState(agent.version);
  const [carry, setCarry] = useState<Carry>({ schedule: false, hooks: false, chains: false });
  const [updateSameName, setUpdateSameName] = useState(false);
  const targetId = useId();
  const versionId = useId();
  const chosen = targets.find((item) => item.id === target) ?? targets[0];
  const promote = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/workspaces/{ws}/agents/{agentId}/promote', {
          params: { path: { ws, agentId: agent.id } },
          body: {
            targetWorkspace: chosen?.id ?? '',
            version,
            carry,
            onExisting: updateSameName ? 'update' : 'refuse',
          },
        }),
      ),
  });
  const result = promote.data;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Promote ${agent.name}`}
      description="Makes a plan in the other workspace; nothing changes there until it is approved."
    >
      {result ? (
        <section data-testid="promotion-plan" aria-label="The promotion plan">
          <p>{result.plan.summary}</p>
          <ol>
            {result.plan.operations.map((operation, index) => (
              // Operations have no id of their own; their order is the plan's.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders.
              <li key={index}>{String(operation.type)}</li>
            ))}
          </ol>
          <Link to={result.review.path} onClick={onClose} className="button primary">
            Review the plan in {result.review.workspace.name}
          </Link>
        </section>
      ) : targets.length === 0 ? (
        <p>You are admin or owner of no other workspace. Promoting needs that role in both.</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            promote.mutate();
          }}
        >
          <label htmlFor={targetId}>Promote to</label>
          <select id={targetId} value={chosen?.id} onChange={(event) => setTarget(event.target.value)}>
            {targets.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
          <label htmlFor={versionId}>Version</label>
          <select id={versionId} value={version} onChange={(event) => setVersion(Number(event.target.value))}>
            {Array.from({ length: agent.version }, (_, index) => agent.version - index).map((number) => (
              <option key={number} value={number}>
                {number === agent.version ? `${number} (current)` : number}
              </option>
            ))}
          </select>
          <fieldset>
            <legend>Carry along</legend>
            {(Object.keys(carryLabels) as (keyof Carry)[]).map((key) => (
              <label key={key}>
                <input
                  type="checkbox"
                  checked={carry[key]}
                  onChange={(event) => setCarry({ ...carry, [key]: event.target.checked })}
                />{' '}
                {carryLabels[key]}
              </label>
            ))}
            <label>
              <input
                type="checkbox"
                checked={updateSameName}
                onChange={(event) => setUpdateSameName(event.target.checked)}
              />{' '}
              Update an agent of the same name there, even if it was not promoted from here
            </label>
          </fieldset>
          <ErrorMessage error={promote.error} />
          <button type="submit" className="primary" disabled={promote.isPending}>
            {promote.isPending ? 'Planning…' : 'Make the plan'}
          </button>
        </form>
      )}
    </Dialog>
  );
}
