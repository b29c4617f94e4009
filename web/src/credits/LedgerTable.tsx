// Every movement of the workspace's credits, newest first, a page at a time.
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { kindInWords, useLedger } from './credit-queries.ts';

export function LedgerTable() {
  const { ws } = useWorkspace();
  const ledger = useLedger(ws);
  const entries = ledger.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="credit-ledger" aria-labelledby="ledger-title">
      <h2 id="ledger-title">Ledger</h2>
      {ledger.isPending ? <p className="loading">Loading the ledger…</p> : null}
      <ErrorMessage error={ledger.error} onRetry={() => void ledger.refetch()} />
      {ledger.data && entries.length === 0 ? <p className="muted">No credit movements yet.</p> : null}
      {entries.length > 0 ? (
        <div className="table-scroll">
          <table className="credit-table" aria-label="Credit movements, newest first">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Amount</th>
                <th scope="col">Balance after</th>
                <th scope="col">Reason</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{kindInWords[entry.kind] ?? entry.kind}</td>
                  <td className="number">
                    {entry.amount > 0 ? '+' : ''}
                    {entry.amount.toLocaleString('en')}
                  </td>
                  <td className="number">{entry.balanceAfter.toLocaleString('en')}</td>
                  <td>{entry.reason}</td>
                  <td>{dateTime(entry.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {ledger.hasNextPage ? (
        <button
          type="button"
          onClick={() => void ledger.fetchNextPage()}
          disabled={ledger.isFetchingNextPage}
        >
          {ledger.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </section>
  );
}
