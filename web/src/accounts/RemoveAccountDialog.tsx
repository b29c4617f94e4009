// Removing an account, after saying what stops working: the agents whose steps use it fail at
// those steps until they get another account. An OAuth 2 grant is given back to the provider.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { Dialog } from '../shared/Dialog.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { type Account, accountActions } from './account-queries.ts';
import { accountName } from './account-words.ts';

export function RemoveAccountDialog({
  ws,
  account,
  open,
  onClose,
}: {
  ws: string;
  account: Account;
  open: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => accountActions.remove(ws, account.id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.connection(ws, account.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.connections(ws) });
      navigate(`/w/${ws}/accounts`);
    },
  });
  const name = accountName(account);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Remove ${name}?`}
      description="Its secret is deleted and cannot be brought back: to use the account again, connect it anew."
    >
      {account.usedBy.length > 0 ? (
        <>
          <p>These agents use it; their steps that need it fail until they get another account:</p>
          <ul data-testid="remove-used-by">
            {account.usedBy.map((user) => (
              <li key={user.agentId}>
                <Link to={`/w/${ws}/agents/${user.agentId}`}>{user.agentName}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p data-testid="remove-used-by">No agent uses it.</p>
      )}
      {account.kind === 'oauth2' ? (
        <p>Orca also gives the access it was granted back to the provider, where it can.</p>
      ) : null}
      <ErrorMessage error={remove.error} />
      <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
        {remove.isPending ? 'Removing…' : `Remove ${name}`}
      </button>
    </Dialog>
  );
}
