// An updateAgent operation as a diff. The operation usually carries the spec before; when it does
// not, the agent's current spec is fetched to compare with.
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { ErrorMessage } from '../../shared/ErrorMessage.tsx';
import { queryKeys } from '../../shared/query-keys.ts';
import { AgentName } from './AgentName.tsx';
import { SpecDiffView } from './SpecDiffView.tsx';
import type { PlanOperation, SpecRecord } from './spec-shape.ts';

type UpdateOperation = Extract<PlanOperation, { type: 'updateAgent' }>;

export function UpdateAgentView({
  ws,
  operation,
  version,
}: {
  ws: string;
  operation: UpdateOperation;
  /** The version applying made, once applied. */
  version?: number;
}) {
  const current = useQuery({
    queryKey: queryKeys.agent(ws, operation.agentId),
    queryFn: () =>
      unwrap(
        client.GET('/api/workspaces/{ws}/agents/{agentId}', {
          params: { path: { ws, agentId: operation.agentId } },
        }),
      ),
    enabled: !operation.before,
  });
  const before = (operation.before ?? current.data?.spec) as SpecRecord | undefined;
  return (
    <div>
      <p>
        Change <AgentName ws={ws} name={operation.agentName} agentId={operation.agentId} /> (version{' '}
        {operation.expectedVersion} → {version ?? operation.expectedVersion + 1})
      </p>
      {before ? (
        <SpecDiffView before={before} after={operation.spec as SpecRecord} />
      ) : current.error ? (
        <ErrorMessage error={current.error} onRetry={() => void current.refetch()} />
      ) : (
        <p className="muted">Loading the agent to compare…</p>
      )}
    </div>
  );
}
