// The person's own page, outside any workspace: what Orca remembers about them, their password,
// where they are signed in. A link at the top leads back to the workspace they came from.
import { Link } from 'react-router';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import type { Me } from '../shell/session.ts';
import { useMemory } from './account-queries.ts';
import { FactsEditor } from './FactsEditor.tsx';
import { LearnedMemory } from './LearnedMemory.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { PreferencesForm } from './PreferencesForm.tsx';
import { SecurityLog } from './SecurityLog.tsx';
import { SessionList } from './SessionList.tsx';
import './account.css';

/** The workspace used last (as the home page remembers it), or the first one. */
function workspaceToReturnTo(me: Me) {
  const remembered = window.localStorage.getItem('orca.workspace');
  return me.workspaces.find((workspace) => workspace.slug === remembered) ?? me.workspaces[0];
}

export function AccountPage({ me }: { me: Me }) {
  const memory = useMemory();
  const workspace = workspaceToReturnTo(me);
  return (
    <main className="my-account">
      <nav aria-label="Back">
        <Link to={workspace ? `/w/${workspace.slug}` : '/'} className="back-link">
          ← Back to {workspace ? workspace.name : 'Orca'}
        </Link>
      </nav>
      <h1>Your account</h1>
      <p className="muted">
        {me.user.name} · {me.user.email}
      </p>

      <section aria-labelledby="account-preferences">
        <h2 id="account-preferences">Time zone, language and notifications</h2>
        <p className="hint">
          Orca fills these in for you: “every day at 8am” means 8am in your time zone. They apply in every
          workspace.
        </p>
        <ErrorMessage error={memory.error} onRetry={() => void memory.refetch()} />
        {memory.isPending ? <p className="loading-inline">Loading…</p> : null}
        {memory.data ? (
          // Starts from what is saved; later saves (of facts too) do not reset what is being typed.
          <PreferencesForm memory={memory.data} email={me.user.email} />
        ) : null}
      </section>

      <section aria-labelledby="account-facts">
        <h2 id="account-facts">What Orca remembers about you</h2>
        {memory.data ? <FactsEditor facts={memory.data.facts} /> : null}
      </section>

      <section aria-labelledby="account-learned">
        <h2 id="account-learned">What Orca has learned about how you work</h2>
        {memory.data ? <LearnedMemory memory={memory.data} /> : null}
      </section>

      <section aria-labelledby="account-password">
        <h2 id="account-password">Password</h2>
        <PasswordForm user={me.user} />
      </section>

      <section aria-labelledby="account-sessions">
        <h2 id="account-sessions">Where you are signed in</h2>
        <SessionList />
      </section>

      <section aria-labelledby="account-activity">
        <h2 id="account-activity">Recent security activity</h2>
        <SecurityLog />
      </section>
    </main>
  );
}
