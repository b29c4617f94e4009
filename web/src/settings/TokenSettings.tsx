// API tokens: for scripts and other tools to act in this workspace with a role. Listed by name,
// role and dates; created with a role and an expiry (the secret shows once, to copy); revoked
// after a confirmation.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime, relativeTime } from '../shared/format.ts';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { CreateTokenForm } from './CreateTokenForm.tsx';
import { type ApiToken, settingsActions, useApiTokens } from './settings-queries.ts';

export function TokenSettings() {
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const tokens = useApiTokens(workspace.id);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const items = tokens.data?.items ?? [];
  return (
    <div className="settings-section">
      <h2>API tokens</h2>
      <p className="muted">
        A token lets a script or another tool use Orca's API in this workspace with the role you give it. Keep
        it like a password: whoever has it can do what its role allows.
      </p>
      <CreateTokenForm />
      <h3>Tokens in use</h3>
      {tokens.isPending ? <p className="loading">Loading tokens…</p> : null}
      <ErrorMessage error={tokens.error} onRetry={() => void tokens.refetch()} />
      {tokens.isSuccess && items.length === 0 ? (
        <p className="muted">No API tokens yet. Create one above when a script or a CI job needs the API.</p>
      ) : null}
      {items.length > 0 ? (
        <table className="settings-table" aria-label="API tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((token) => (
              <tr key={token.id}>
                <td data-label="Name">
                  {token.name} <code className="muted">{token.prefix}</code>
                </td>
                <td data-label="Role">{token.role}</td>
                <td data-label="Created">
                  <time dateTime={token.createdAt} title={dateTime(token.createdAt)}>
                    {relativeTime(token.createdAt)}
                  </time>
                </td>
                <td data-label="Expires">{expiry(token.expiresAt)}</td>
                <td data-label="Last used">{token.lastUsedAt ? relativeTime(token.lastUsedAt) : 'Never'}</td>
                <td>
                  <button type="button" className="danger" onClick={() => setRevoking(token)}>
                    Revoke<span className="visually-hidden"> {token.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={`Revoke the token “${revoking?.name ?? ''}”?`}
        description="Anything that uses it stops working at once. This cannot be undone; you can create a new token."
        confirmLabel="Revoke token"
        pendingLabel="Revoking…"
        onConfirm={async () => {
          if (!revoking) return;
          await settingsActions.revokeToken(workspace.id, revoking.id);
          await queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens(workspace.id) });
        }}
      />
    </div>
  );
}

function expiry(expiresAt: string | null) {
  if (!expiresAt) return 'Never';
  const label = `${dateTime(expiresAt)} (${relativeTime(expiresAt)})`;
  return new Date(expiresAt).getTime() <= Date.now() ? `Expired ${relativeTime(expiresAt)}` : label;
}
