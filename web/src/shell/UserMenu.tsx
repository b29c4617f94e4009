// The signed-in person, and signing out.
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { client } from '../api/client.ts';
import type { User } from '../shared/workspace-context.tsx';

export function UserMenu({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = async () => {
    await client.POST('/api/auth/logout').catch(() => undefined);
    window.localStorage.removeItem('orca.workspace');
    queryClient.clear();
    navigate('/');
    queryClient.setQueryData(['me'], null);
  };
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="user-menu" aria-label={`Account: ${user.name}`}>
        <span aria-hidden="true" className="avatar">
          {user.name.slice(0, 1).toUpperCase()}
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          <DropdownMenu.Label className="menu-label">
            {user.name}
            <br />
            <small>{user.email}</small>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="menu-separator" />
          <DropdownMenu.Item className="menu-item" onSelect={() => navigate('/account')}>
            Your account
          </DropdownMenu.Item>
          <DropdownMenu.Item className="menu-item" onSelect={() => void signOut()}>
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
