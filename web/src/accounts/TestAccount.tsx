// Checks that the account works now (the key against its test address, the login by signing in,
// an OAuth 2 account by renewing its token) and says how it went.
import { useState } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { type Account, accountActions } from './account-queries.ts';
import { stateWords } from './account-words.ts';
import { useAccountChange } from './useAccountChange.ts';

export function TestAccount({ ws, account }: { ws: string; account: Account }) {
  const [outcome, setOutcome] = useState('');
  const test = useAccountChange(ws, () => accountActions.test(ws, account.id));
  const run = () => {
    setOutcome('');
    test.mutate(undefined, {
      onSuccess: (tested) => {
        const words = stateWords(tested);
        setOutcome(`${words.title}${words.detail ? `: ${words.detail}` : ''}`);
      },
    });
  };
  return (
    <section className="account-section" aria-labelledby="test-title">
      <h2 id="test-title">Test</h2>
      <p>
        <button type="button" onClick={run} disabled={test.isPending || account.waitingForSecret}>
          {test.isPending ? 'Testing…' : 'Test the account'}
        </button>{' '}
        {account.waitingForSecret ? <span className="hint">Add its secret first.</span> : null}
      </p>
      <p role="status" className="form-outcome" data-testid="test-outcome">
        {outcome}
      </p>
      <ErrorMessage error={test.error} />
    </section>
  );
}
