// Every version of the agent, the differences between two chosen ones, and Restore (which makes
// the chosen version's spec a new current version, so nothing is lost).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime } from '../shared/format.ts';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { useAgentVersion, useAgentVersions } from './agent-queries.ts';
import { VersionDiffView } from './VersionDiffView.tsx';

export function VersionHistory({ agent }: { agent: Schemas['Agent'] }) {
  const { ws, canBuild } = useWorkspace();
  const queryClient = useQueryClient();
  const versions = useAgentVersions(ws, agent.id);
  const items = versions.data?.items ?? [];
  // Until the user picks, the newest version compared with the one before it (following new versions).
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const from = picked.from ?? items[1]?.version;
  const to = picked.to ?? items[0]?.version;
  const setFrom = (version: number) => setPicked((current) => ({ ...current, from: version, to }));
  const setTo = (version: number) => setPicked((current) => ({ ...current, from, to: version }));
  const before = useAgentVersion(ws, agent.id, from);
  const after = useAgentVersion(ws, agent.id, to);
  const restore = useMutation({
    mutationFn: (version: number) =>
      unwrap(
        client.POST('/api/workspaces/{ws}/agents/{agentId}/versions/{version}/restore', {
          params: { path: { ws, agentId: agent.id, version } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.agents(ws) }),
  });

  return (
    <section aria-labelledby="agent-versions">
      <h2 id="agent-versions">Versions</h2>
      <ErrorMessage error={versions.error} onRetry={() => void versions.refetch()} />
      <ul className="versions">
        {items.map((version) => (
          <li key={version.version}>
            <span>
              <strong>Version {version.version}</strong>
              {version.current ? ' (current)' : ''} — {dateTime(version.createdAt)}
              {version.note ? `: ${versionNote(version.note)}` : ''}
            </span>
            {canBuild && !version.current ? (
              <button
                type="button"
                disabled={restore.isPending}
                onClick={() => restore.mutate(version.version)}
                aria-label={`Restore version ${version.version}`}
              >
                Restore
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorMessage error={restore.error} />
      {restore.isSuccess ? (
        <p role="status">
          Restored version {restore.variables} as version {restore.data.version}.
        </p>
      ) : null}
      {items.length > 1 ? (
        <div className="compare">
          <h3>Compare versions</h3>
          <div className="compare-pickers">
            <label>
              From
              <select value={from ?? ''} onChange={(event) => setFrom(Number(event.target.value))}>
                {items.map((version) => (
                  <option key={version.version} value={version.version}>
                    Version {version.version}
                  </option>
                ))}
              </select>
            </label>
            <label>
              To
              <select value={to ?? ''} onChange={(event) => setTo(Number(event.target.value))}>
                {items.map((version) => (
                  <option key={version.version} value={version.version}>
                    Version {version.version}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ErrorMessage error={before.error ?? after.error} />
          {before.data && after.data ? (
            <VersionDiffView before={before.data.spec} after={after.data.spec} />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** Versions made by the Orchestrator are noted with the plan's id, which means nothing to a reader. */
export function versionNote(note: string): string {
  if (/^plan [0-9a-f-]{8,}$/i.test(note)) return 'made by a plan approved in the chat';
  if (/^undo of plan [0-9a-f-]{8,}$/i.test(note)) return 'a plan from the chat undone';
  return note;
}
