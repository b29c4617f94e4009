// Poison runs: a step that kills its worker (a crash, an out-of-memory abort, a hang the
// operator ends) would, resumed on the next worker, kill that one too, forever. Each time a run
// is claimed again, every step its last worker left running counts one interruption, durably,
// before anything runs; a step interrupted too often fails its run instead of running again.
import { countStepInterruptions, finishStep } from '../store/run-repository.ts';
import type { StoredError } from '../store/schema.ts';
import type { WorkspaceScope } from '../store/store.ts';

export const defaultMaximumStepInterruptions = 3;

/**
 * Called in the transaction that claims a resumed run. Answers the error to fail the run with
 * when a step was interrupted `maximum` times (that step is recorded as failed with it).
 */
export async function failPoisonousStep(
  scope: WorkspaceScope,
  runId: string,
  maximum: number,
): Promise<StoredError | undefined> {
  const interrupted = await countStepInterruptions(scope, runId);
  const poisonous = interrupted.find((step) => step.interruptions >= maximum);
  if (!poisonous) return undefined;
  const error: StoredError = {
    code: 'poisonous_step',
    message:
      `Step ${poisonous.stepId} stopped its worker ${poisonous.interruptions} times ` +
      '(the worker died or was stopped while running it); the run was failed instead of resumed again. ' +
      'Change the step (for example what it loads or computes) and retry the run.',
    stepId: poisonous.stepId,
    details: { interruptions: poisonous.interruptions, limit: maximum },
  };
  await finishStep(scope, {
    runId,
    stepId: poisonous.stepId,
    position: poisonous.position,
    tool: poisonous.tool,
    status: 'failed',
    attempts: poisonous.attempts,
    error,
  });
  return error;
}
