// Records what a person built in their user memory, after the change itself is committed: the
// plan approval and the agents and schedules API both call here with the person who acted.
// Learning is a side note to the work: a failure to record is logged and the work stands.
import type { PlanOperation } from '../../domain/plan.ts';
import { type Observation, recordObservations } from '../../store/learned-item-repository.ts';
import type { Store } from '../../store/store.ts';
import { type LearnedSource, scheduleObservations, specObservations } from './observations.ts';

export interface LearningLog {
  error(message: string, error?: unknown): void;
}

/** Counts the observations in the person's memory (nothing when they turned learning off). */
export async function recordLearning(
  store: Store,
  userId: string,
  observations: readonly Observation[],
  log?: LearningLog,
): Promise<void> {
  if (observations.length === 0) return;
  try {
    await store.asUser(userId, (scope) => recordObservations(scope, observations));
  } catch (error) {
    log?.error('could not record what was learned in user memory; the change itself was saved', error);
  }
}

/** A schedule an applied plan set, as its undo step keeps it. */
interface AppliedSchedule {
  kind: string;
  applied?: { cron?: unknown; timezone?: unknown } | null;
}

/** Whether a plan brings agents from elsewhere (a promotion): it carries their origin. */
function bringsAgentsFromElsewhere(operations: readonly PlanOperation[]) {
  return operations.some(
    (operation) =>
      (operation.type === 'createAgent' || operation.type === 'updateAgent') &&
      operation.origin !== undefined,
  );
}

/**
 * What an applied plan teaches: the specs it created or changed and the schedules it set. A
 * promotion teaches nothing (decision 0030): what it brings was built, and learned, in its source.
 */
export function planObservations(
  operations: readonly PlanOperation[],
  undo: readonly Record<string, unknown>[] | null | undefined,
): Observation[] {
  if (bringsAgentsFromElsewhere(operations)) return [];
  const source: LearnedSource = 'plan';
  const fromSpecs = operations.flatMap((operation) =>
    operation.type === 'createAgent' || operation.type === 'updateAgent'
      ? specObservations(operation.spec, source)
      : [],
  );
  const fromSchedules = (undo ?? []).flatMap((step) => {
    const schedule = step as unknown as AppliedSchedule;
    const cron = schedule.applied?.cron;
    if (schedule.kind !== 'restoreSchedule' || typeof cron !== 'string') return [];
    const timezone = schedule.applied?.timezone;
    return scheduleObservations({ cron, timezone: typeof timezone === 'string' ? timezone : null }, source);
  });
  return [...fromSpecs, ...fromSchedules];
}
