// Who is signed in: `null` when nobody is (the sign-in form shows, over the address the user
// asked for, so signing in brings them back to it).
import { useQuery } from '@tanstack/react-query';
import { ApiError, client, unwrap } from '../api/client.ts';
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
