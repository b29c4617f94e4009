// The app's routes. Signed out, every address shows the sign-in form and, once signed in, the
// page that was asked for. Workspace pages share the shell (sidebar with chat, and the panel).
import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, Route, Routes, useParams } from 'react-router';
import { AccountPage } from './account/AccountPage.tsx';
import { AccountPage as ConnectedAccountPage } from './accounts/AccountPage.tsx';
import { AccountsPage } from './accounts/AccountsPage.tsx';
import { AddAccountPage } from './accounts/AddAccountPage.tsx';
import { AgentPanel } from './agents/AgentPanel.tsx';
import { WorkspaceOverview } from './agents/WorkspaceOverview.tsx';
import { AuthenticationForm } from './auth/AuthenticationForm.tsx';
import { InvitationPage } from './auth/InvitationPage.tsx';
import { AutomationsPage } from './automations/AutomationsPage.tsx';
import { ContextPage } from './context/ContextPage.tsx';
import { CreditsPage } from './credits/CreditsPage.tsx';
import { FilePreviewPage } from './files/FilePreviewPage.tsx';
import { FilesPage } from './files/FilesPage.tsx';
import { MembersRoute } from './members/MembersRoute.tsx';
import { RunList } from './runs/RunList.tsx';
import { RunPage } from './runs/RunPage.tsx';
import { SettingsPage } from './settings/SettingsPage.tsx';
import { ErrorMessage } from './shared/ErrorMessage.tsx';
import { queryKeys } from './shared/query-keys.ts';
import { NewWorkspaceForm } from './shell/NewWorkspaceForm.tsx';
import { type Me, useMe, useSignInWhenSessionEnds } from './shell/session.ts';
import { WorkspaceShell } from './shell/WorkspaceShell.tsx';
import { SuggestionsPage } from './suggestions/SuggestionsPage.tsx';
import { WorkroomPage } from './workrooms/WorkroomPage.tsx';
import { WorkroomsPage } from './workrooms/WorkroomsPage.tsx';

export function App() {
  const queryClient = useQueryClient();
  const me = useMe();
  useSignInWhenSessionEnds();

  if (me.isPending)
    return (
      <main className="centered">
        <p className="loading">Loading…</p>
      </main>
    );
  // Only when there is nothing to show: a failed refresh in the background keeps the app as it is.
  if (me.isError && me.data === undefined)
    return (
      <main className="centered">
        <h1>Orca</h1>
        <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.me });
  return (
    <Routes>
      <Route path="/invitations/:token" element={<InvitationRoute me={me.data} onChanged={refresh} />} />
      <Route
        path="*"
        element={
          me.data ? (
            <SignedIn me={me.data} />
          ) : (
            <AuthenticationForm onSignedIn={async () => void (await me.refetch())} />
          )
        }
      />
    </Routes>
  );
}

function SignedIn({ me }: { me: Me }) {
  return (
    <Routes>
      <Route path="/" element={<Home me={me} />} />
      <Route path="/account" element={<AccountPage me={me} />} />
      <Route path="/w/:ws" element={<WorkspaceShell me={me} />}>
        <Route index element={<WorkspaceOverview />} />
        <Route path="agents/:agentId" element={<AgentPanel />} />
        <Route path="runs" element={<RunList />} />
        <Route path="runs/:runId" element={<RunPage />} />
        <Route path="automations" element={<AutomationsPage />} />
        <Route path="files" element={<FilesPage />} />
        <Route path="files/:fileId" element={<FilePreviewPage />} />
        <Route path="suggestions" element={<SuggestionsPage />} />
        <Route path="context" element={<ContextPage />} />
        <Route path="accounts" element={<AccountsPage />} />
        <Route path="accounts/new" element={<AddAccountPage />} />
        <Route path="accounts/:connectionId" element={<ConnectedAccountPage />} />
        <Route path="members" element={<MembersRoute />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="workrooms" element={<WorkroomsPage />} />
        <Route path="workrooms/:workroomId" element={<WorkroomPage />} />
        <Route path="credits" element={<CreditsPage />} />
        <Route path="*" element={<PageNotFound />} />
      </Route>
      <Route path="*" element={<PageNotFound />} />
    </Routes>
  );
}

/** The last workspace used, or the first; a welcome with a create form when there is none. */
function Home({ me }: { me: Me }) {
  const remembered = window.localStorage.getItem('orca.workspace');
  const workspace = me.workspaces.find((candidate) => candidate.slug === remembered) ?? me.workspaces[0];
  if (workspace) return <Navigate to={`/w/${workspace.slug}`} replace />;
  return (
    <main className="centered welcome">
      <h1>Welcome, {me.user.name}</h1>
      <p>Create your first workspace to get started: it holds your agents, their runs and your team.</p>
      <NewWorkspaceForm />
      {/* Without a workspace there is no shell and no user menu: this is the way to one's own page. */}
      <p className="welcome-account muted">
        <Link to="/account">Your account</Link>: time zone, password, and where you are signed in.
      </p>
    </main>
  );
}

function InvitationRoute({ me, onChanged }: { me: Me | null; onChanged: () => Promise<void> }) {
  const { token = '' } = useParams();
  return (
    <InvitationPage
      token={token}
      user={me?.user ?? null}
      onSignedIn={onChanged}
      onJoined={(slug) => {
        void onChanged().then(() => window.location.assign(`/w/${slug}`));
      }}
    />
  );
}

function PageNotFound() {
  return (
    <section className="centered">
      <h1>Page not found</h1>
      <p>There is nothing at this address. Use the navigation to find your way.</p>
    </section>
  );
}
