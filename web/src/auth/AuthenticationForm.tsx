// Sign in or sign up.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, client, describeError, unwrap } from '../api/client.ts';

async function signedIn(): Promise<boolean> {
  try {
    await unwrap(client.GET('/api/me'));
    return true;
  } catch (caught) {
    if (caught instanceof ApiError && caught.status === 401) return false;
    throw caught;
  }
}

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
  const form = useRef<HTMLFormElement>(null);
  // Switched by the link under the form: the button that was pressed changed its words in
  // place, so focus goes to the form's first field, where the person goes on.
  const [switched, setSwitched] = useState(false);
  useEffect(() => {
    if (!switched) return;
    form.current?.querySelector('input')?.focus();
    setSwitched(false);
  }, [switched]);
  const switchTo = (next: 'login' | 'signup') => {
    setMode(next);
    setSwitched(true);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const credentials = {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    };
    setBusy(true);
    setError(null);
    try {
      if (mode === 'signup')
        await unwrap(
          client.POST('/api/auth/signup', {
            body: { ...credentials, name: String(form.get('name') ?? '') },
          }),
        );
      else await unwrap(client.POST('/api/auth/login', { body: credentials }));
      // Sign-up answers alike whether or not the address has an account (so that it tells nobody
      // who has one), but only a new account's session works: find out which happened.
      if (mode === 'signup' && !(await signedIn())) {
        setMode('login');
        setError(
          'We could not sign you in. If this address has an Orca account already, sign in with its password; we have e-mailed its owner about this attempt.',
        );
        return;
      }
      await onSignedIn();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth">
      <h1>Orca</h1>
      {/* The first screen a visitor sees: say what Orca is before asking for an account. */}
      <p className="tagline">
        Tell Orca in plain words what work you want done on the web. It builds agents that do it, runs them on
        your schedule and shows you what they found.
      </p>
      {title ? <p>{title}</p> : null}
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'login'} onClick={() => setMode('login')}>
          Sign in
        </button>
        <button type="button" role="tab" aria-selected={mode === 'signup'} onClick={() => setMode('signup')}>
          Sign up
        </button>
      </div>
      <form ref={form} onSubmit={submit} aria-label={mode === 'signup' ? 'Sign up' : 'Sign in'}>
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
        {mode === 'signup' ? (
          <p className="hint">At least 10 characters, hard to guess: a few unrelated words work well.</p>
        ) : null}
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {mode === 'signup' ? 'Create account' : 'Sign in'}
        </button>
      </form>
      {mode === 'login' ? (
        <p className="switch-mode">
          New to Orca?{' '}
          <button type="button" className="link-button" onClick={() => switchTo('signup')}>
            Create an account
          </button>
        </p>
      ) : (
        <p className="switch-mode">
          Have an account?{' '}
          <button type="button" className="link-button" onClick={() => switchTo('login')}>
            Sign in
          </button>
        </p>
      )}
    </div>
  );
}
