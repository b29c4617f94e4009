// The web app's shell: sign-in, then the workspace sidebar and the selected workspace.
import { useCallback, useEffect, useState } from 'react';
import { AuthenticationForm } from './AuthenticationForm.tsx';
import { ApiError, api, type User, type Workspace } from './api.ts';
import { InvitationPage } from './InvitationPage.tsx';
import { Sidebar } from './Sidebar.tsx';
import { WorkspacePage } from './WorkspacePage.tsx';

interface Me {
  user: User;
  workspaces: Workspace[];
}

const invitationPath = /^\/invitations\/([^/]+)$/;
const workspacePath = /^\/w\/([^/]+)/;

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [path, setPath] = useState(window.location.pathname);

  const navigate = useCallback((to: string) => {
    window.history.pushState(null, '', to);
    setPath(to);
  }, []);

  const refresh = useCallback(async () => {
    try {
      setMe(await api<Me>('GET', '/api/me'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setMe(null);
      else throw error;
    }
  }, []);

  useEffect(() => {
    void refresh();
    const onPopState = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [refresh]);

  if (me === undefined) return <p className="loading">Loading…</p>;

  const invitationToken = invitationPath.exec(path)?.[1];
  if (invitationToken) {
    return (
      <InvitationPage
        token={invitationToken}
        user={me?.user ?? null}
        onSignedIn={refresh}
        onJoined={(slug) => {
          void refresh().then(() => navigate(`/w/${slug}`));
        }}
      />
    );
  }
  if (me === null) return <AuthenticationForm onSignedIn={refresh} />;

  const selectedSlug =
    workspacePath.exec(path)?.[1] ?? window.localStorage.getItem('orca.workspace') ?? undefined;
  const current = me.workspaces.find((workspace) => workspace.slug === selectedSlug) ?? me.workspaces[0];
  if (current) window.localStorage.setItem('orca.workspace', current.slug);

  return (
    <div className="layout">
      <Sidebar
        user={me.user}
        workspaces={me.workspaces}
        current={current}
        onSwitch={(workspace) => navigate(`/w/${workspace.slug}`)}
        onCreated={async (workspace) => {
          await refresh();
          navigate(`/w/${workspace.slug}`);
        }}
        onSignedOut={async () => {
          await api('POST', '/api/auth/logout');
          window.localStorage.removeItem('orca.workspace');
          navigate('/');
          setMe(null);
        }}
      />
      <main className="content">
        {current ? (
          <WorkspacePage key={current.id} workspace={current} user={me.user} onChanged={refresh} />
        ) : (
          <section className="empty">
            <h1>Welcome, {me.user.name}</h1>
            <p>Create your first workspace in the sidebar to get started.</p>
          </section>
        )}
      </main>
    </div>
  );
}
