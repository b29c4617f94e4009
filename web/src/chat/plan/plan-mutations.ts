// Approve (as proposed or edited), reject and undo a plan. Each changes agents, runs, schedules or
// chains, so the views of the workspace panel are refreshed, and the card is told the plan's new state.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, type Schemas, unwrap } from '../../api/client.ts';
import { queryKeys } from '../../shared/query-keys.ts';
import type { PlanOperation } from './spec-shape.ts';

export type Plan = Schemas['Plan'];

export function usePlanMutations(ws: string, planId: string, onChanged: (plan: Plan) => void) {
  const queryClient = useQueryClient();
  const path = { params: { path: { ws, planId } } };
  const refresh = (plan: Plan) => {
    onChanged(plan);
    for (const key of [
      queryKeys.agents(ws),
      queryKeys.runs(ws),
      queryKeys.schedules(ws),
      queryKeys.chains(ws),
      queryKeys.plans(ws),
      queryKeys.suggestions(ws),
    ])
      void queryClient.invalidateQueries({ queryKey: key });
  };
  const approve = useMutation({
    mutationFn: (operations?: PlanOperation[]) =>
      unwrap(
        client.POST('/api/workspaces/{ws}/plans/{planId}/approve', {
          ...path,
          body: operations ? { operations } : {},
        }),
      ),
    onSuccess: (answer) => refresh(answer.plan),
  });
  const reject = useMutation({
    mutationFn: () => unwrap(client.POST('/api/workspaces/{ws}/plans/{planId}/reject', path)),
    onSuccess: refresh,
  });
  const undo = useMutation({
    mutationFn: () => unwrap(client.POST('/api/workspaces/{ws}/plans/{planId}/undo', path)),
    onSuccess: refresh,
  });
  return { approve, reject, undo };
}
