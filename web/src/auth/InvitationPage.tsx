// Opening an invitation link: see what it is for, sign in with the invited address, accept.
import { useEffect, useState } from 'react';
import { api, type User, type Workspace } from '../api/request.ts';
import { AuthenticationForm } from './AuthenticationForm.tsx';

interface Preview {
  workspaceName: string;
  email: string;
  role: string;
  status: string;
}

interface InvitationPageProps {
  token: string;
  user: User | null;
  onSignedIn: () => Promise<void>;
  onJoined: (slug: string) => void;
}

export function InvitationPage({ token, user, onSignedIn, onJoined }: InvitationPageProps) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<Preview>('GET', `/api/invitations/${token}`).then(setPreview, (caught: Error) =>
      setError(caught.message),
    );
  }, [token]);

  async function accept() {
    setError(null);
    try {
      const result = await api<{ workspace: Workspace }>('POST', `/api/invitations/${token}/accept`);
      onJoined(result.workspace.slug);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  const summary = preview
    ? `You are invited to "${preview.workspaceName}" as ${preview.role} (sent to ${preview.email}).`
    : '';
  if (!user)
    return (
      <AuthenticationForm onSignedIn={onSignedIn} title={summary || 'Sign in to accept your invitation.'} />
    );
  return (
    <section className="invitation">
      <h1>Invitation</h1>
      {preview ? <p>{summary}</p> : null}
      {preview && preview.status !== 'open' ? (
        <p className="error">This invitation is {preview.status}.</p>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" onClick={() => void accept()} disabled={preview?.status !== 'open'}>
        Accept and join
      </button>
    </section>
  );
}
