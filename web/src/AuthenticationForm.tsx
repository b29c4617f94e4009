// Sign in or sign up.
import { type FormEvent, useState } from 'react';
import { api } from './api.ts';

export function AuthenticationForm({
  onSignedIn,
  title,
}: {
  onSignedIn: () => Promise<void> | void;
  title?: string;
}) {
  const [mode, setMode] = useState<'login' | 'signup'>('login');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Record<string, string> = {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    };
    if (mode === 'signup') body.name = String(form.get('name') ?? '');
    setBusy(true);
    setError(null);
    try {
      await api('POST', mode === 'signup' ? '/api/auth/signup' : '/api/auth/login', body);
      await onSignedIn();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth">
      <h1>Orca</h1>
      {title ? <p>{title}</p> : null}
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'login'} onClick={() => setMode('login')}>
          Sign in
        </button>
        <button type="button" role="tab" aria-selected={mode === 'signup'} onClick={() => setMode('signup')}>
          Sign up
        </button>
      </div>
      <form onSubmit={submit} aria-label={mode === 'signup' ? 'Sign up' : 'Sign in'}>
        {mode === 'signup' ? (
          <label>
            Name
            <input name="name" autoComplete="name" required />
          </label>
        ) : null}
        <label>
          E-mail
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
            required
          />
        </label>
        {mode === 'signup' ? <p className="hint">At least 10 characters.</p> : null}
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {mode === 'signup' ? 'Create account' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
