// Plans made from suggestions, shown as plan cards in the chat. Suggestions are accepted in the chat
// and on the Suggestions page alike; the plans live in the query cache (client state under the
// workspace's key, never fetched) so that a plan made on the page shows in the chat beside it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../shared/query-keys.ts';
import type { Plan } from './plan/plan-mutations.ts';

export interface AcceptedPlan {
  suggestionId: string;
  plan: Plan;
}

export function useAcceptedPlans(ws: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.acceptedPlans(ws);
  const accepted = useQuery({
    queryKey: key,
    // A refresh of the workspace's keys keeps what is there: there is nothing on the server to read.
    queryFn: () => queryClient.getQueryData<AcceptedPlan[]>(key) ?? [],
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  const plans = accepted.data ?? [];
  return {
    plans,
    hidden: new Set(plans.map((entry) => entry.suggestionId)) as ReadonlySet<string>,
    add(suggestionId: string, plan: Plan) {
      queryClient.setQueryData<AcceptedPlan[]>(key, (current = []) => [...current, { suggestionId, plan }]);
    },
    update(changed: Plan) {
      queryClient.setQueryData<AcceptedPlan[]>(key, (current = []) =>
        current.map((entry) => (entry.plan.id === changed.id ? { ...entry, plan: changed } : entry)),
      );
    },
  };
}
