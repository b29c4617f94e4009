// A change to one account that puts the server's answer in place (and refreshes the list), so the
// page shows at once what the server now holds.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../shared/query-keys.ts';
import type { Account } from './account-queries.ts';

export function useAccountChange<Input>(ws: string, action: (input: Input) => Promise<Account>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (changed) => {
      queryClient.setQueryData(queryKeys.connection(ws, changed.id), changed);
      // Making one account the default changes the others of its service.
      void queryClient.invalidateQueries({ queryKey: queryKeys.connections(ws), exact: true });
    },
  });
}
