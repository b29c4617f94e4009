// Who is signed in: `null` when nobody is (the sign-in form shows, over the address the user
// asked for, so signing in brings them back to it).
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, client, onSessionExpired, unwrap } from '../api/client.ts';
import { queryKeys } from '../shared/query-keys.ts';

export async function fetchMe() {
  try {
    return await unwrap(client.GET('/api/me'));
  } catch (caught) {
    if (caught instanceof ApiError && caught.status === 401) return null;
    throw caught;
  }
}

export type Me = NonNullable<Awaited<ReturnType<typeof fetchMe>>>;

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, retry: 1, staleTime: 30_000 });
}

/** Signs the app out in place: the address stays, so signing in again returns to it. */
function signedOut(queryClient: QueryClient) {
  if (queryClient.getQueryData(queryKeys.me) === null) return;
  queryClient.setQueryData(queryKeys.me, null);
  // What the last person saw must not show to whoever signs in next.
  void queryClient.cancelQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
}

/**
 * Shows the sign-in form as soon as the session is found gone: any call through `client` that
 * answers 401 (the client's middleware reports it), and any query that failed with a 401 however
 * it made its request.
 */
export function useSignInWhenSessionEnds() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const stopListening = onSessionExpired(() => signedOut(queryClient));
    const stopWatching = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      const error = event.action.error;
      if (error instanceof ApiError && error.status === 401 && event.query.queryKey[0] !== queryKeys.me[0])
        signedOut(queryClient);
    });
    return () => {
      stopListening();
      stopWatching();
    };
  }, [queryClient]);
}
