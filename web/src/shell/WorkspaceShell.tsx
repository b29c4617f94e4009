// A workspace page: the sidebar (workspace switcher, user menu, navigation, and the Orchestrator
// chat) on the left, the workspace panel on the right (overview, an agent, runs, members, and the
// pages of later issues). At phone width one of the two shows at a time.
import { useMemo } from 'react';
import { Link, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { ChatPanel } from '../chat/ChatPanel.tsx';
import { useWorkspaceEvents } from '../shared/useWorkspaceEvents.ts';
import { WorkspaceProvider } from '../shared/workspace-context.tsx';
import { PaneProvider } from './pane.tsx';
import type { Me } from './session.ts';
import { UserMenu } from './UserMenu.tsx';
import { usePaneControl } from './usePaneControl.ts';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.tsx';

const builders = new Set(['owner', 'admin', 'builder']);

export function WorkspaceShell({ me }: { me: Me }) {
  const { ws = '' } = useParams();
  const workspace = me.workspaces.find((candidate) => candidate.slug === ws || candidate.id === ws);
  if (!workspace) return <UnknownWorkspace me={me} address={ws} />;
  window.localStorage.setItem('orca.workspace', workspace.slug);
  return <KnownWorkspace key={workspace.id} me={me} workspace={workspace} />;
}

function KnownWorkspace({ me, workspace }: { me: Me; workspace: Me['workspaces'][number] }) {
  // At phone width a link to a page (a file, a run, the settings) opens on that page, not on the
  // chat; the workspace's own address still opens on the chat, where a newcomer starts.
  const openedPage = /^\/w\/[^/]+\/./.test(useLocation().pathname);
  const { pane, setPane, control: paneControl, chat, panel } = usePaneControl(openedPage ? 'panel' : 'chat');
  useWorkspaceEvents(workspace.slug);
  const scope = useMemo(
    () => ({ workspace, user: me.user, ws: workspace.slug, canBuild: builders.has(workspace.role) }),
    [workspace, me.user],
  );
  const base = `/w/${workspace.slug}`;
  return (
    <WorkspaceProvider value={scope}>
      <PaneProvider value={paneControl}>
        <div className="shell" data-pane={pane}>
          <a className="skip-link" href="#panel">
            Skip to the workspace panel
          </a>
          <header className="shell-header">
            <WorkspaceSwitcher workspaces={me.workspaces} current={workspace} />
            <UserMenu user={me.user} />
          </header>
          <nav className="shell-nav" aria-label="Workspace">
            <NavLink to={base} end onClick={() => setPane('panel')}>
              Overview
            </NavLink>
            <NavLink to={`${base}/runs`} onClick={() => setPane('panel')}>
              Runs
            </NavLink>
            <NavLink to={`${base}/automations`} onClick={() => setPane('panel')}>
              Automations
            </NavLink>
            <NavLink to={`${base}/files`} onClick={() => setPane('panel')}>
              Files
            </NavLink>
            <NavLink to={`${base}/workrooms`} onClick={() => setPane('panel')}>
              Workrooms
            </NavLink>
            <NavLink to={`${base}/credits`} onClick={() => setPane('panel')}>
              Credits
            </NavLink>
            <NavLink to={`${base}/context`} onClick={() => setPane('panel')}>
              Context
            </NavLink>
            <NavLink to={`${base}/accounts`} onClick={() => setPane('panel')}>
              Accounts
            </NavLink>
            <NavLink to={`${base}/suggestions`} onClick={() => setPane('panel')}>
              Suggestions
            </NavLink>
            <NavLink to={`${base}/members`} onClick={() => setPane('panel')}>
              Members
            </NavLink>
            <NavLink to={`${base}/settings`} onClick={() => setPane('panel')}>
              Settings
            </NavLink>
          </nav>
          <fieldset className="pane-toggle" aria-label="Show">
            <button type="button" aria-pressed={pane === 'chat'} onClick={() => setPane('chat')}>
              Chat
            </button>
            <button type="button" aria-pressed={pane === 'panel'} onClick={() => setPane('panel')}>
              Workspace
            </button>
          </fieldset>
          <section className="shell-chat" aria-label="Orchestrator chat" ref={chat} tabIndex={-1}>
            <ChatPanel />
          </section>
          <main className="shell-panel" id="panel" tabIndex={-1} ref={panel}>
            <Outlet />
          </main>
        </div>
      </PaneProvider>
    </WorkspaceProvider>
  );
}

function UnknownWorkspace({ me, address }: { me: Me; address: string }) {
  return (
    <main className="centered">
      <h1>No workspace at this address</h1>
      <p>
        There is no workspace “{address}” that you belong to. It may have been renamed or deleted, or you may
        not be a member.
      </p>
      {me.workspaces.length > 0 ? (
        <>
          <h2>Your workspaces</h2>
          <ul>
            {me.workspaces.map((workspace) => (
              <li key={workspace.id}>
                <Link to={`/w/${workspace.slug}`}>{workspace.name}</Link>{' '}
                <span className="muted">/w/{workspace.slug}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Link to="/">Create a workspace</Link>
      )}
    </main>
  );
}
