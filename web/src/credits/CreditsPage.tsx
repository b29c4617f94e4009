// The Credits page: what the workspace has (plan, balance, held, allowance), a top-up for admins
// and owners, every movement in the ledger, and what was spent grouped by agent, workroom or day.
import { useWorkspace } from '../shared/workspace-context.tsx';
import { CreditSummary } from './CreditSummary.tsx';
import { LedgerTable } from './LedgerTable.tsx';
import { TopUpForm } from './TopUpForm.tsx';
import { UsageTable } from './UsageTable.tsx';
import './credits.css';

const adminRoles = new Set(['owner', 'admin']);

export function CreditsPage() {
  const { workspace } = useWorkspace();
  return (
    <section className="workspace credits-page">
      <h1>Credits</h1>
      <CreditSummary />
      {adminRoles.has(workspace.role) ? (
        <TopUpForm />
      ) : (
        <p className="muted">Admins and owners can add credits.</p>
      )}
      <LedgerTable />
      <UsageTable />
    </section>
  );
}
