// What a builder can do with the agent from its panel: pause or resume it, run it now, download
// it as a file, delete it. Viewers see none of these buttons.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { PromoteDialog, usePromotionTargets } from '../promote/PromoteDialog.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { DeleteAgentDialog } from './DeleteAgentDialog.tsx';
import { RunNowDialog } from './RunNowDialog.tsx';

/** A file name made of the agent's name, safe on every system. */
export function exportFileName(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'agent'}.orca-agent.json`;
}

function download(fileName: string, content: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(content, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by now; the address is freed after the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function AgentActions({ agent }: { agent: Schemas['Agent'] }) {
  const { ws, canBuild, workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'run' | 'delete' | 'promote' | undefined>();
  // Promoting needs admin or owner here and in the workspace it goes to.
  const promotionTargets = usePromotionTargets();
  const canPromote =
    (workspace.role === 'admin' || workspace.role === 'owner') && promotionTargets.length > 0;
  const path = { params: { path: { ws, agentId: agent.id } } };
  const toggle = useMutation({
    mutationFn: () =>
      agent.status === 'active'
        ? unwrap(client.POST('/api/workspaces/{ws}/agents/{agentId}/pause', path))
        : unwrap(client.POST('/api/workspaces/{ws}/agents/{agentId}/resume', path)),
    onSuccess: (changed) => {
      queryClient.setQueryData(queryKeys.agent(ws, agent.id), changed);
      return queryClient.invalidateQueries({ queryKey: queryKeys.agents(ws) });
    },
  });
  const exported = useMutation({
    mutationFn: () => unwrap(client.GET('/api/workspaces/{ws}/agents/{agentId}/export', path)),
    onSuccess: (bundle) => download(exportFileName(agent.name), bundle),
  });
  return (
    <div className="agent-actions">
      {canBuild ? (
        <>
          <button type="button" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
            {agent.status === 'active' ? 'Pause' : 'Resume'}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => setDialog('run')}
            disabled={agent.status === 'paused'}
            title={agent.status === 'paused' ? 'Resume the agent to run it' : undefined}
          >
            Run now
          </button>
        </>
      ) : null}
      <button type="button" onClick={() => exported.mutate()} disabled={exported.isPending}>
        Export
      </button>
      {canPromote ? (
        <button type="button" onClick={() => setDialog('promote')}>
          Promote to another workspace…
        </button>
      ) : null}
      {canBuild ? (
        <button type="button" className="danger" onClick={() => setDialog('delete')}>
          Delete
        </button>
      ) : null}
      <ErrorMessage error={toggle.error ?? exported.error} />
      {agent.status === 'paused' && canBuild ? (
        <p className="muted">Paused: it starts no runs, on schedule or otherwise, until you resume it.</p>
      ) : null}
      {canBuild ? (
        <>
          <RunNowDialog agent={agent} open={dialog === 'run'} onClose={() => setDialog(undefined)} />
          <DeleteAgentDialog agent={agent} open={dialog === 'delete'} onClose={() => setDialog(undefined)} />
        </>
      ) : null}
      {canPromote ? (
        <PromoteDialog agent={agent} open={dialog === 'promote'} onClose={() => setDialog(undefined)} />
      ) : null}
    </div>
  );
}
