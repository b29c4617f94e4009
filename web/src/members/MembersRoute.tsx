// The members page inside the workspace shell.
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { MembersPage } from './MembersPage.tsx';

export function MembersRoute() {
  const { workspace, user } = useWorkspace();
  const queryClient = useQueryClient();
  return (
    <MembersPage
      workspace={workspace}
      user={user}
      onChanged={() => queryClient.invalidateQueries({ queryKey: queryKeys.me })}
    />
  );
}
