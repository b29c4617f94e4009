// The sidebar: the current workspace's name in the header, the switcher, and a new-workspace form.
import { type FormEvent, useState } from 'react';
import { api, type User, type Workspace } from './api.ts';

interface SidebarProps {
  user: User;
  workspaces: Workspace[];
  current: Workspace | undefined;
  onSwitch: (workspace: Workspace) => void;
  onCreated: (workspace: Workspace) => Promise<void>;
  onSignedOut: () => Promise<void>;
}

export function Sidebar({ user, workspaces, current, onSwitch, onCreated, onSignedOut }: SidebarProps) {
  const [error, setError] = useState<string | null>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const name = String(new FormData(formElement).get('name') ?? '');
    setError(null);
    try {
      const workspace = await api<Workspace>('POST', '/api/workspaces', { name });
      formElement.reset();
      await onCreated(workspace);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <nav className="sidebar" aria-label="Workspaces">
      <header className="sidebar-header">
        <span className="workspace-name" data-testid="current-workspace">
          {current?.name ?? 'No workspace'}
        </span>
        {current ? <span className="role">{current.role}</span> : null}
      </header>
      <ul className="workspace-list">
        {workspaces.map((workspace) => (
          <li key={workspace.id}>
            <button
              type="button"
              aria-current={workspace.id === current?.id ? 'page' : undefined}
              onClick={() => onSwitch(workspace)}
            >
              {workspace.name}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={create} className="new-workspace" aria-label="New workspace">
        <input
          name="name"
          placeholder="New workspace name"
          aria-label="New workspace name"
          required
          maxLength={80}
        />
        <button type="submit">Create</button>
      </form>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <footer className="sidebar-footer">
        <span title={user.email}>{user.name}</span>
        <button type="button" onClick={() => void onSignedOut()}>
          Sign out
        </button>
      </footer>
    </nav>
  );
}
