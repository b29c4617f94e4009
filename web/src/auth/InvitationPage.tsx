// Opening an invitation link: see what it is for, sign in with the invited address, accept.
import { useEffect, useState } from 'react';
import { client, describeError, unwrap } from '../api/client.ts';
import type { User } from '../shared/workspace-context.tsx';
import { AuthenticationForm } from './AuthenticationForm.tsx';

function loadPreview(token: string) {
  return unwrap(client.GET('/api/invitations/{token}', { params: { path: { token } } }));
}

type Preview = Awaited<ReturnType<typeof loadPreview>>;

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
    loadPreview(token).then(setPreview, (caught: unknown) => setError(describeError(caught)));
  }, [token]);

  async function accept() {
    setError(null);
    try {
      const result = await unwrap(
        client.POST('/api/invitations/{token}/accept', { params: { path: { token } } }),
      );
      onJoined(result.workspace.slug);
    } catch (caught) {
      setError(describeError(caught));
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
