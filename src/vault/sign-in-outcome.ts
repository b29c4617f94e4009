// What a run's sign-in says about a login account: the site refused it (the account is marked
// failing, with the site's words), or it let the run in (an account that was failing or not yet
// tested is marked working). It is kept as the "Test" button keeps its outcome — status, message,
// last tested — and audited like a test, with the run and step that signed in.
import { recordRunAudit } from '../store/audit-repository.ts';
import type { Store } from '../store/store.ts';
import { findConnectionForUpdate, updateConnection } from '../store/vault-repository.ts';
import { resolve } from './credentials.ts';

export interface SignInOutcome {
  status: 'working' | 'failing';
  /** Shown to members on the account: redacted by the caller. */
  message: string;
}

export async function recordSignInOutcome(
  store: Store,
  use: { workspaceId: string; runId: string; stepId: string; reference: string },
  outcome: SignInOutcome,
): Promise<void> {
  await store.inWorkspace(use.workspaceId, async (scope) => {
    const found = await resolve(scope, use.reference);
    if (found?.kind !== 'login') return;
    // Locked, so that two runs signing in at once write one change, not two.
    const connection = await findConnectionForUpdate(scope, found.id);
    if (!connection) return;
    // A working account stays as it is: every run that signs in would otherwise write a row.
    if (outcome.status === 'working' && connection.status === 'working') return;
    await updateConnection(scope, connection.id, {
      status: outcome.status,
      statusMessage: outcome.message,
      lastTestedAt: new Date(),
    });
    await recordRunAudit(scope, {
      action: 'connection.tested',
      targetType: 'connection',
      targetId: connection.id,
      details: {
        service: connection.service,
        label: connection.label,
        status: outcome.status,
        runId: use.runId,
        stepId: use.stepId,
      },
    });
  });
}
