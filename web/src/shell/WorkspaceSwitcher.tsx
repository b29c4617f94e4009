// The sidebar header: the current workspace's name, a menu to switch to another, and a dialog to
// create one. Two workspaces with the same name are told apart by their address, in the menu and
// beside the current one's name (docs/decisions/0018-workspace-names-and-settings.md).
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '../shared/Dialog.tsx';
import type { Workspace } from '../shared/workspace-context.tsx';
import { NewWorkspaceForm } from './NewWorkspaceForm.tsx';

export function WorkspaceSwitcher({ workspaces, current }: { workspaces: Workspace[]; current: Workspace }) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const nameCount = new Map<string, number>();
  for (const workspace of workspaces) nameCount.set(workspace.name, (nameCount.get(workspace.name) ?? 0) + 1);
  const label = (workspace: Workspace) =>
    (nameCount.get(workspace.name) ?? 0) > 1 ? `${workspace.name} (${workspace.slug})` : workspace.name;

  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger
          className="workspace-switcher"
          aria-label={`Workspace: ${label(current)}. Switch`}
        >
          <span className="workspace-name" data-testid="current-workspace">
            {current.name}
          </span>
          {(nameCount.get(current.name) ?? 0) > 1 ? <span className="role">/w/{current.slug}</span> : null}
          <span className="role">{current.role}</span>
          <span aria-hidden="true">▾</span>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="start" sideOffset={4}>
            <DropdownMenu.Label className="menu-label">Your workspaces</DropdownMenu.Label>
            {workspaces.map((workspace) => (
              <DropdownMenu.Item
                key={workspace.id}
                className="menu-item workspace-choice"
                data-current={workspace.id === current.id ? 'true' : undefined}
                onSelect={() => navigate(`/w/${workspace.slug}`)}
              >
                {label(workspace)}
              </DropdownMenu.Item>
            ))}
            <DropdownMenu.Separator className="menu-separator" />
            <DropdownMenu.Item className="menu-item" onSelect={() => setCreating(true)}>
              New workspace…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <Dialog
        open={creating}
        onClose={() => setCreating(false)}
        title="New workspace"
        description="A workspace holds its own agents, runs, context and members."
      >
        <NewWorkspaceForm onCreated={() => setCreating(false)} />
      </Dialog>
    </>
  );
}
