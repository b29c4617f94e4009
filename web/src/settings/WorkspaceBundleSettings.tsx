// Moving the whole workspace: download it as one file (no secrets), or bring a file in. A file
// brought in is first checked without keeping anything (a dry run), so the admin sees what will
// be created, or every problem of the file, before confirming.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, client, type Schemas, unwrap } from '../api/client.ts';
import { CopyButton } from '../shared/CopyButton.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';

type ImportAnswer = Schemas['WorkspaceImport'];

const kindWords: Record<ImportAnswer['toConnect'][number]['kind'], string> = {
  api_key: 'API key',
  login: 'sign-in',
  oauth2: 'OAuth sign-in',
};

function plural(count: number, one: string, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** What an import creates, in one sentence. */
function createdWords({ created }: ImportAnswer) {
  const parts = [
    `${plural(created.agents, 'agent')} (${plural(created.versions, 'version')})`,
    plural(created.workrooms, 'workroom'),
    plural(created.schedules, 'schedule'),
    plural(created.chains, 'chain'),
    plural(created.hooks, 'hook'),
    plural(created.contextEntries, 'context entry', 'context entries'),
  ];
  if (created.oneOffRuns > 0) parts.push(plural(created.oneOffRuns, 'one-off run'));
  if (created.exportProfile) parts.push('the export profile');
  return parts.join(', ');
}

/** Each problem of a refused file (422) or each clash (409), on its own line. */
function ProblemList({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return <ErrorMessage error={error} />;
  const problems = error.details as { path?: string; name?: string; message?: string }[];
  return (
    <div className="error" role="alert">
      <p>{error.message}</p>
      <ul data-testid="bundle-problems">
        {problems.map((problem) => (
          <li key={`${problem.path ?? problem.name}: ${problem.message}`}>
            <code>{problem.path ?? problem.name}</code> {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AccountsToConnect({ answer, ws }: { answer: ImportAnswer; ws: string }) {
  if (answer.toConnect.length === 0) return null;
  return (
    <>
      <p>Accounts to connect again (files never carry passwords, keys or sign-ins):</p>
      <ul data-testid="accounts-to-connect">
        {answer.toConnect.map((account) => (
          <li key={`${account.service} ${account.label}`}>
            {account.service}
            {account.label ? ` (${account.label})` : ''}: {kindWords[account.kind]}
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/w/${ws}/accounts/new`}>Connect an account</Link>: agents that use one fail until it is
        connected.
      </p>
    </>
  );
}

export function WorkspaceBundleSettings() {
  const { ws, workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [content, setContent] = useState<unknown>(undefined);
  const [preview, setPreview] = useState<ImportAnswer | null>(null);
  const [result, setResult] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const send = (dryRun: boolean, body: unknown) =>
    unwrap(
      client.POST('/api/workspaces/{ws}/import', {
        params: { path: { ws: workspace.id }, query: { dryRun: dryRun ? 'true' : 'false' } },
        body,
      }),
    );

  async function choose(file: File | undefined) {
    setPreview(null);
    setResult(null);
    setError(null);
    setContent(undefined);
    if (!file) return;
    setBusy(true);
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new Error(
          `${file.name} is not a workspace file (it is not JSON). Choose a file that Export wrote.`,
        );
      }
      setPreview(await send(true, parsed));
      setContent(parsed);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      setResult(await send(false, content));
      setPreview(null);
      setContent(undefined);
      await queryClient.invalidateQueries();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="settings-section">
      <h2>Export this workspace</h2>
      <p className="muted">
        One file with the agents and all their versions, workrooms, schedules, chains, hooks, shared context,
        agent memory and the export profile. It holds no secrets: connected accounts are listed to connect
        again, hooks get new addresses. Runs and files are not included.
      </p>
      <a className="button-link" href={`/api/workspaces/${encodeURIComponent(workspace.id)}/export`} download>
        Download the workspace file
      </a>

      <h2>Import a bundle</h2>
      <p className="muted">
        Creates everything a workspace file holds in this workspace, all or nothing. Best into a new, empty
        workspace: agents, workrooms or context entries with the same names are refused.
      </p>
      <label htmlFor={inputId}>Workspace file (.orca.json)</label>
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        disabled={busy}
        onChange={(event) => void choose(event.target.files?.[0])}
      />
      {busy ? <p className="loading">Checking…</p> : null}
      {error ? <ProblemList error={error} /> : null}
      {preview ? (
        <div className="notice" data-testid="bundle-preview">
          <p>
            <strong>This will create {createdWords(preview)}.</strong>
          </p>
          <AccountsToConnect answer={preview} ws={ws} />
          {preview.warnings
            .filter((warning) => !warning.startsWith('Hooks have new addresses'))
            .map((warning) => (
              <p key={warning}>{warning}</p>
            ))}
          <div className="settings-row">
            <button type="button" className="primary" disabled={busy} onClick={() => void confirm()}>
              Import
            </button>
            <button type="button" disabled={busy} onClick={() => void choose(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {result ? (
        <div className="notice shown-once" data-testid="bundle-imported">
          <p>
            <strong>Imported: {createdWords(result)}.</strong> <Link to={`/w/${ws}`}>See the agents</Link>
          </p>
          {result.hooks.length > 0 ? (
            <>
              <p>
                <strong>Copy the new hook addresses now</strong> and give them to the services that call them:
                they are shown only this once.
              </p>
              {result.hooks.map((hook, index) => (
                <div key={hook.url ?? index}>
                  <p>
                    {hook.agent}
                    {hook.name ? `, ${hook.name}` : ''}
                  </p>
                  <code id={`imported-hook-${index}`}>{hook.url}</code>
                  <CopyButton
                    value={hook.url ?? ''}
                    label="Copy address"
                    targetId={`imported-hook-${index}`}
                  />
                  {hook.signingSecret ? (
                    <>
                      <code id={`imported-hook-secret-${index}`}>{hook.signingSecret}</code>
                      <CopyButton
                        value={hook.signingSecret}
                        label="Copy signing secret"
                        targetId={`imported-hook-secret-${index}`}
                      />
                    </>
                  ) : null}
                </div>
              ))}
            </>
          ) : null}
          <AccountsToConnect answer={result} ws={ws} />
        </div>
      ) : null}
    </div>
  );
}
