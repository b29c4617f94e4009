// The secret Orca signs outgoing webhooks with (Orca-Signature header): whether there is one and
// since when, never its value, except once right after a rotation, to copy to the receivers.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { CopyButton } from '../shared/CopyButton.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime, relativeTime } from '../shared/format.ts';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { settingsActions, useWebhookSecretStatus } from './settings-queries.ts';

export function WebhookSecretSettings() {
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const status = useWebhookSecretStatus(workspace.id);
  const [confirming, setConfirming] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const data = status.data;
  return (
    <div className="settings-section">
      <h2>Webhook signing secret</h2>
      <p className="muted">
        When an agent sends a webhook, Orca signs it with this secret in the <code>Orca-Signature</code>{' '}
        header, so the receiver can check that the call came from this workspace.
      </p>
      {status.isPending ? <p className="loading">Loading…</p> : null}
      <ErrorMessage error={status.error} onRetry={() => void status.refetch()} />
      {data ? (
        <>
          <p data-testid="webhook-secret-status">
            {data.set && data.since
              ? `A secret is set, since ${dateTime(data.since)} (${relativeTime(data.since)}).`
              : 'No secret yet: one is made when an agent first sends a webhook, or when you create one here.'}
          </p>
          <details>
            <summary>How receivers check the signature</summary>
            <p className="settings-scheme">
              <code>{data.header}</code>: <code>{data.scheme}</code>
            </p>
          </details>
        </>
      ) : null}
      {shown ? (
        <div className="notice shown-once" data-testid="rotated-secret">
          <p>
            <strong>Copy the new secret now</strong> and give it to your receivers: it is shown only this
            once. Webhooks are signed with it from now on; the old secret no longer matches.
          </p>
          <code id="rotated-secret-value">{shown}</code>
          <div className="settings-row">
            <CopyButton value={shown} label="Copy secret" targetId="rotated-secret-value" />
            <button type="button" onClick={() => setShown(null)}>
              I have copied it
            </button>
          </div>
        </div>
      ) : null}
      {data ? (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {data.set ? 'Rotate secret…' : 'Create secret…'}
        </button>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={data?.set ? 'Replace the webhook signing secret?' : 'Create a webhook signing secret?'}
        description={
          data?.set
            ? 'Receivers that check signatures reject webhooks until they have the new secret. The new secret is shown once, to copy.'
            : 'The secret is shown once, to copy to your receivers.'
        }
        confirmLabel={data?.set ? 'Rotate secret' : 'Create secret'}
        pendingLabel="Working…"
        onConfirm={async () => {
          const rotated = await settingsActions.rotateWebhookSecret(workspace.id);
          setShown(rotated.secret);
          await queryClient.invalidateQueries({ queryKey: queryKeys.webhookSecret(workspace.id) });
        }}
      />
    </div>
  );
}
