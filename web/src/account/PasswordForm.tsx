// Change the password: the current one, the new one twice, its strength shown while typing (the
// same estimate the server applies), and the outcome in words, including the sessions signed out.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import type { User } from '../shared/workspace-context.tsx';
import { accountActions } from './account-queries.ts';
import type { Strength } from './password-strength.ts';

const scoreWords = ['Very weak', 'Weak', 'Fair', 'Good', 'Strong'];

/** The strength of `password`, once the estimator has loaded (a separate chunk). */
function useStrength(password: string, user: User): Strength | undefined {
  const [strength, setStrength] = useState<Strength>();
  useEffect(() => {
    let current = true;
    if (password === '') {
      setStrength(undefined);
      return;
    }
    void import('./password-strength.ts').then(({ passwordStrength }) => {
      if (current) setStrength(passwordStrength(password, [user.email, user.name]));
    });
    return () => {
      current = false;
    };
  }, [password, user.email, user.name]);
  return strength;
}

/** Which field a refusal is about, from the server's details. */
function refusedField(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return undefined;
  const [first] = error.details as { path?: string }[];
  return first?.path;
}

export function PasswordForm({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [outcome, setOutcome] = useState('');
  const strength = useStrength(next, user);
  const ids = { current: useId(), next: useId(), repeat: useId(), strength: useId(), mismatch: useId() };

  const change = useMutation({
    mutationFn: () => accountActions.changePassword(current, next),
    onSuccess: (result) => {
      setOutcome(result.message);
      setCurrent('');
      setNext('');
      setRepeat('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.accountSessions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.accountEvents });
    },
  });
  const field = refusedField(change.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome('');
    const differ = next !== repeat;
    setMismatch(differ);
    if (!differ) change.mutate();
  }

  return (
    <form className="my-account-form" aria-label="Change password" onSubmit={submit}>
      <div className="field">
        <label htmlFor={ids.current}>Current password</label>
        <input
          id={ids.current}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          aria-invalid={field === 'currentPassword' ? true : undefined}
          onChange={(event) => setCurrent(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.next}>New password</label>
        <input
          id={ids.next}
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={next}
          aria-describedby={ids.strength}
          aria-invalid={field === 'newPassword' ? true : undefined}
          onChange={(event) => setNext(event.target.value)}
        />
        <div id={ids.strength} className="strength" aria-live="polite">
          {next === '' ? (
            <p className="hint">At least 10 characters, hard to guess: a few unrelated words work well.</p>
          ) : strength ? (
            <>
              <div className="strength-bar" aria-hidden="true" data-score={strength.score}>
                <span />
              </div>
              <p className={strength.acceptable ? 'strength-words good' : 'strength-words'}>
                Strength: {scoreWords[strength.score]}
                {strength.acceptable ? ' — good enough.' : `. ${strength.advice}`}
              </p>
            </>
          ) : (
            <p className="hint">Checking strength…</p>
          )}
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.repeat}>New password again</label>
        <input
          id={ids.repeat}
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          aria-invalid={mismatch ? true : undefined}
          aria-describedby={mismatch ? ids.mismatch : undefined}
          onChange={(event) => {
            setRepeat(event.target.value);
            setMismatch(false);
          }}
        />
        {mismatch ? (
          <p id={ids.mismatch} className="error" role="alert">
            The two new passwords differ. Type the same new password in both fields.
          </p>
        ) : null}
      </div>
      <ErrorMessage error={change.error} />
      <p className="hint">
        Changing your password signs you out everywhere else; this browser stays signed in.
      </p>
      <div className="form-actions">
        <button type="submit" disabled={change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </button>
      </div>
      <p className={outcome ? 'notice' : undefined} role="status">
        {outcome}
      </p>
    </form>
  );
}
