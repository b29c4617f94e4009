// The Orchestrator's own LLM use is paid for by the workspace it plans for: each call to the
// model is one consumption entry (reason "Orchestrator"), its tokens at the model's price.
import { tokenCredits } from '../../domain/credits.ts';
import { topUpHint } from '../../runtime/credit-admission.ts';
import { openLedger, readBalance } from '../../store/credit-repository.ts';
import type { WorkspaceReader } from '../planner.ts';

export interface ModelUsage {
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
}

/** Charges one planning call; nothing when the model reported no tokens. */
export async function chargeOrchestratorUse(workspace: WorkspaceReader, model: string, usage: ModelUsage) {
  const inputTokens = usage.inputTokens ?? 0;
  const outputTokens = usage.outputTokens ?? 0;
  if (inputTokens + outputTokens === 0) return;
  await workspace.read(async (scope) => {
    const ledger = await openLedger(scope);
    const credits = Math.ceil(tokenCredits(ledger.settings.prices, model, inputTokens, outputTokens) - 1e-9);
    ledger.append({
      kind: 'consumption',
      amount: -credits,
      reason: 'Orchestrator',
      details: {
        model,
        inputTokens,
        outputTokens,
        items: [
          {
            stepId: 'orchestrator',
            tool: 'orchestrator',
            credits,
            reason: `${inputTokens} input + ${outputTokens} output tokens of ${model}`,
          },
        ],
      },
    });
    await ledger.save();
  });
}

/**
 * Why the workspace cannot pay for a call to the model, or nothing when it can: its balance is
 * spent. Read without locking the balance (a chat must not queue behind runs being admitted); a
 * period that has ended counts as renewed, since the charge rolls it before it spends.
 */
export async function orchestratorCreditShortfall(workspace: WorkspaceReader): Promise<string | undefined> {
  const row = await workspace.read((scope) => readBalance(scope));
  if (!row || row.periodEndsAt.getTime() <= Date.now() || row.balance > 0) return undefined;
  return `This workspace has no credits left to pay for the LLM (balance ${row.balance}). ${topUpHint}`;
}
