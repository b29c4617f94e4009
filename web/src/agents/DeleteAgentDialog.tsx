// Deleting an agent, after saying exactly what goes with it: its versions, its schedule, the
// chains to and from it, its hooks (their addresses stop working), its runs and its memory (the
// database deletes them with the agent). Files it saved stay.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { count } from '../shared/format.ts';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { useAgentHooks, useAgentRuns, useAgentSchedule, useChains } from './agent-queries.ts';

export function DeleteAgentDialog({
  agent,
  open,
  onClose,
}: {
  agent: Schemas['Agent'];
  open: boolean;
  onClose: () => void;
}) {
  const { ws } = useWorkspace();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const schedule = useAgentSchedule(ws, agent.id);
  const chains = useChains(ws);
  const hooks = useAgentHooks(ws, agent.id);
  const chainCount = (chains.data?.items ?? []).filter(
    (chain) => chain.fromAgentId === agent.id || chain.toAgentId === agent.id,
  ).length;
  const hookCount = hooks.data?.items.length ?? 0;
  const runs = useAgentRuns(ws, agent.id);
  const hasRuns = (runs.data?.items.length ?? 0) > 0;
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        client.DELETE('/api/workspaces/{ws}/agents/{agentId}', {
          params: { path: { ws, agentId: agent.id } },
        }),
      ),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.agent(ws, agent.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.agents(ws) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.chains(ws) });
      navigate(`/w/${ws}`);
    },
  });
  const goes = [
    count(agent.version, 'version'),
    schedule.data ? `its schedule (${schedule.data.description})` : 'no schedule (it has none)',
    chainCount > 0 ? `${count(chainCount, 'chain')} to or from other agents` : 'no chains (it has none)',
    hookCount > 0 ? `${count(hookCount, 'hook')}, whose addresses stop working` : 'no hooks (it has none)',
    hasRuns ? 'its runs, with their steps and logs' : 'no runs (it has not run)',
    'what it remembers',
  ];
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Delete ${agent.name}?`}
      description="This cannot be undone. Files it saved stay in the workspace."
    >
      <p>Deleting it removes:</p>
      <ul data-testid="delete-consequences">
        {goes.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <ErrorMessage error={remove.error} />
      <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
        {remove.isPending ? 'Deleting…' : `Delete ${agent.name}`}
      </button>
    </Dialog>
  );
}
