// The scheduler: in every worker process, a loop that sleeps until the earliest next occurrence
// of any schedule (at most a second, so new and changed schedules are seen quickly), then fires
// what is due. pg-boss's own cron checks every 30 s, too coarse for "8:00 sharp"; this fires
// within milliseconds of the time. Firing is a compare-and-set on the schedule's next occurrence
// in the same transaction that inserts the run and its queue job, so however many workers run
// the loop, an occurrence gives one run, and a crash gives none or one, never half of one.

import type { Logger } from '../api/context.ts';
import { describeSpecIssues } from '../domain/agent-spec.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { RunQueue } from '../queue/run-queue.ts';
import { mapWithConcurrency } from '../runtime/bounded-concurrency.ts';
import { insertFailedRun, queueFull, type RunStart, startRuns } from '../runtime/run-starter.ts';
import {
  dueOneOffRuns,
  earliestOneOffAt,
  lockDueOneOffRuns,
  markOneOffFired,
} from '../store/one-off-run-repository.ts';
import {
  advanceSchedule,
  dueSchedules,
  earliestFireAt,
  lockDueSchedules,
  scheduledRunExists,
} from '../store/schedule-repository.ts';
import type { Store, WorkspaceScope } from '../store/store.ts';
import { nextOccurrence } from './schedule-times.ts';

export interface SchedulerOptions {
  store: Store;
  runQueue: RunQueue;
  logger: Pick<Logger, 'info' | 'error'>;
  /** The longest sleep between looks at the schedules. */
  maximumSleepMilliseconds?: number;
  /**
   * An occurrence more than this late was missed (Orca was down): the schedule's policy decides
   * whether it still runs once or is skipped.
   */
  missedAfterMilliseconds?: number;
  /** Where each firing's lag (fired at minus due at) is counted. */
  metrics?: Metrics;
}

const batchSize = 100;
const firingConcurrency = 4;
/** Schedules fired in one transaction: enough to share its cost, few enough to keep it short. */
const groupSize = 20;

function earliestOf(first: Date | null, second: Date | null): Date | null {
  if (!first || !second) return first ?? second;
  return first.getTime() <= second.getTime() ? first : second;
}

/** Due schedules (or one-off runs) by workspace, in groups of at most `groupSize`. */
function groupsOf(due: { id: string; workspaceId: string }[]) {
  const byWorkspace = new Map<string, string[]>();
  for (const schedule of due) {
    byWorkspace.set(schedule.workspaceId, [...(byWorkspace.get(schedule.workspaceId) ?? []), schedule.id]);
  }
  const groups: { workspaceId: string; scheduleIds: string[] }[] = [];
  for (const [workspaceId, ids] of byWorkspace) {
    for (let start = 0; start < ids.length; start += groupSize) {
      groups.push({ workspaceId, scheduleIds: ids.slice(start, start + groupSize) });
    }
  }
  return groups;
}

export class Scheduler {
  readonly #options: Required<Omit<SchedulerOptions, 'metrics'>> & Pick<SchedulerOptions, 'metrics'>;
  #stopped = false;
  #wake: (() => void) | undefined;
  #loop: Promise<void> | undefined;

  constructor(options: SchedulerOptions) {
    this.#options = { maximumSleepMilliseconds: 1000, missedAfterMilliseconds: 60_000, ...options };
  }

  start() {
    this.#loop ??= this.#run();
  }

  async stop() {
    this.#stopped = true;
    this.#wake?.();
    await this.#loop;
  }

  async #run() {
    while (!this.#stopped) {
      let pause = this.#options.maximumSleepMilliseconds;
      try {
        const { failed } = await this.#fireDueGroups();
        const earliest = await this.#options.store.system(async (system) =>
          earliestOf(await earliestFireAt(system), await earliestOneOffAt(system)),
        );
        // After a failure the failing schedules are still due: wait the full pause, not 0 ms.
        if (earliest && failed === 0) pause = Math.max(0, Math.min(pause, earliest.getTime() - Date.now()));
      } catch (error) {
        if (this.#stopped) return;
        this.#options.logger.error('the scheduler could not fire due schedules; it tries again', error);
      }
      if (this.#stopped) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pause);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Fires every occurrence due now; answers how many runs it started and how many groups failed. */
  async fireDue(): Promise<number> {
    return (await this.#fireDueGroups()).started;
  }

  async #fireDueGroups(): Promise<{ started: number; failed: number }> {
    let started = 0;
    let failed = 0;
    for (;;) {
      const due = await this.#options.store.system((system) => dueSchedules(system, new Date(), batchSize));
      // The due schedules of one workspace fire together, in one transaction with one queue
      // insert; a few such groups at once (on PostgreSQL each has its own connection). Rows
      // another worker is firing are skipped, not waited for, so workers share a burst.
      const counts = await mapWithConcurrency(groupsOf(due), firingConcurrency, async (group) => {
        if (this.#stopped) return 0;
        try {
          return await this.#fire(group.workspaceId, group.scheduleIds);
        } catch (error) {
          failed++;
          this.#options.logger.error(`schedules of workspace ${group.workspaceId} could not fire`, error);
          return 0;
        }
      });
      started += counts.reduce((sum, count) => sum + count, 0);
      // A failing group stays due; going round again at once would only fail again.
      if (this.#stopped || failed > 0 || due.length < batchSize) break;
    }
    const oneOffs = await this.#fireDueOneOffs();
    return { started: started + oneOffs.started, failed: failed + oneOffs.failed };
  }

  async #fireDueOneOffs(): Promise<{ started: number; failed: number }> {
    let started = 0;
    let failed = 0;
    for (;;) {
      const due = await this.#options.store.system((system) => dueOneOffRuns(system, new Date(), batchSize));
      const counts = await mapWithConcurrency(groupsOf(due), firingConcurrency, async (group) => {
        if (this.#stopped) return 0;
        try {
          return await this.#fireOneOffs(group.workspaceId, group.scheduleIds);
        } catch (error) {
          failed++;
          this.#options.logger.error(`one-off runs of workspace ${group.workspaceId} could not fire`, error);
          return 0;
        }
      });
      started += counts.reduce((sum, count) => sum + count, 0);
      if (this.#stopped || failed > 0 || due.length < batchSize) return { started, failed };
    }
  }

  /**
   * One-off runs fire once, even late: someone asked for that one run, so a time missed while
   * Orca was down still gives it when Orca is back (unlike a cron's missed occurrences, which the
   * next occurrence stands in for). Marking them fired in the run's transaction makes it once.
   */
  async #fireOneOffs(workspaceId: string, ids: string[]): Promise<number> {
    const { store, runQueue, metrics } = this.#options;
    const fired: Date[] = [];
    const now = new Date();
    const started = await store.inWorkspace(workspaceId, async (scope) => {
      const locked = await lockDueOneOffRuns(scope, ids, now);
      const firing: typeof locked = [];
      for (const oneOff of locked) {
        // A cron occurrence of the same agent at the same instant already gave this run.
        if (await scheduledRunExists(scope, oneOff.agentId, oneOff.runAt)) {
          await markOneOffFired(scope, oneOff.id, null, now);
        } else {
          firing.push(oneOff);
        }
      }
      const starts = await startRuns(
        scope,
        runQueue,
        firing.map((oneOff) => ({
          agent: { id: oneOff.agentId },
          input: oneOff.input,
          origin: {
            trigger: 'schedule',
            scheduledFor: oneOff.runAt,
            createdBy: oneOff.createdBy ?? undefined,
          },
        })),
      );
      let started = 0;
      for (const [index, oneOff] of firing.entries()) {
        const start = starts[index];
        let runId: string | null = null;
        if (start?.outcome === 'started') {
          runId = start.run.id;
          started++;
          fired.push(oneOff.runAt);
        } else if (start?.outcome === 'invalid_input') {
          runId = (await this.#failInvalidInput(scope, oneOff, oneOff.runAt, start)).id;
        } else if (start?.outcome === 'insufficient_credits') {
          runId = (await this.#failUnpaid(scope, oneOff, oneOff.runAt, start)).id;
        } else if (start?.outcome === 'queue_full') {
          runId = (await this.#failQueueFull(scope, oneOff, oneOff.runAt, start)).id;
        }
        await markOneOffFired(scope, oneOff.id, runId, now);
      }
      return started;
    });
    // Counted once committed: a group that fails is fired again, and would be counted twice.
    for (const dueAt of fired) metrics?.scheduleFired('one-off', dueAt, now);
    return started;
  }

  async #fire(workspaceId: string, scheduleIds: string[]): Promise<number> {
    const { store, runQueue, logger, metrics } = this.#options;
    const fired: Date[] = [];
    const now = new Date();
    const started = await store.inWorkspace(workspaceId, async (scope) => {
      const locked = await lockDueSchedules(scope, scheduleIds, now);
      const firing: { schedule: (typeof locked)[number]; occurrence: Date; next: Date | null }[] = [];
      for (const schedule of locked) {
        const occurrence = schedule.nextFireAt as Date;
        const missed = now.getTime() - occurrence.getTime() > this.#options.missedAfterMilliseconds;
        const following = nextOccurrence(schedule.cron, schedule.timezone, occurrence);
        // Behind by more than one occurrence (Orca was down or busy): the earliest stands for all
        // of them, and the schedule moves to the first one still ahead, so a restart never
        // replays a backlog. Long missed ones are skipped altogether unless the policy says run once.
        const behind = following !== null && following.getTime() <= now.getTime();
        const next = missed || behind ? nextOccurrence(schedule.cron, schedule.timezone, now) : following;
        // A run for this occurrence already exists when someone set the schedule back onto it.
        const alreadyRun = await scheduledRunExists(scope, schedule.agentId, occurrence);
        if ((missed && schedule.missed === 'skip') || alreadyRun) {
          if (missed) {
            logger.info('skipped a missed schedule occurrence', {
              scheduleId: schedule.id,
              occurrence: occurrence.toISOString(),
            });
          }
          await advanceSchedule(scope, schedule.id, { occurrence, next, runId: null });
          continue;
        }
        firing.push({ schedule, occurrence, next });
      }
      // The runs start together: one queue insert for the group, in this transaction.
      const starts = await startRuns(
        scope,
        runQueue,
        firing.map(({ schedule, occurrence }) => ({
          agent: { id: schedule.agentId },
          input: schedule.input,
          origin: {
            trigger: 'schedule',
            scheduledFor: occurrence,
            createdBy: schedule.createdBy ?? undefined,
          },
        })),
      );
      let started = 0;
      for (const [index, { schedule, occurrence, next }] of firing.entries()) {
        const start = starts[index];
        let runId: string | null = null;
        if (start?.outcome === 'started') {
          runId = start.run.id;
          started++;
          fired.push(occurrence);
        } else if (start?.outcome === 'invalid_input') {
          runId = (await this.#failInvalidInput(scope, schedule, occurrence, start)).id;
        } else if (start?.outcome === 'insufficient_credits') {
          runId = (await this.#failUnpaid(scope, schedule, occurrence, start)).id;
        } else if (start?.outcome === 'queue_full') {
          runId = (await this.#failQueueFull(scope, schedule, occurrence, start)).id;
        }
        // A missing or paused agent: the occurrence passes without a run.
        await advanceSchedule(scope, schedule.id, { occurrence, next, runId });
      }
      return started;
    });
    for (const dueAt of fired) metrics?.scheduleFired('schedule', dueAt, now);
    return started;
  }

  /** A schedule's input that the agent's current input schema refuses fails its run at once, visibly. */
  #failInvalidInput(
    scope: WorkspaceScope,
    schedule: { input: Record<string, unknown>; createdBy: string | null },
    occurrence: Date,
    refusal: Extract<RunStart, { outcome: 'invalid_input' }>,
  ) {
    return insertFailedRun(
      scope,
      {
        agent: refusal.agent,
        input: schedule.input,
        origin: { trigger: 'schedule', scheduledFor: occurrence, createdBy: schedule.createdBy ?? undefined },
      },
      {
        code: 'invalid_input',
        message: `The schedule's input does not match the agent's input schema: ${describeSpecIssues(refusal.issues)}. Change the schedule's input (PUT …/schedule).`,
      },
      'The schedule’s input does not match the agent’s input schema.',
    );
  }

  /** An occurrence the workspace cannot pay for fails its run at once, saying why and what to do. */
  #failUnpaid(
    scope: WorkspaceScope,
    schedule: { input: Record<string, unknown>; createdBy: string | null },
    occurrence: Date,
    refusal: Extract<RunStart, { outcome: 'insufficient_credits' }>,
  ) {
    return insertFailedRun(
      scope,
      {
        agent: refusal.agent,
        input: schedule.input,
        origin: { trigger: 'schedule', scheduledFor: occurrence, createdBy: schedule.createdBy ?? undefined },
      },
      {
        code: 'insufficient_credits',
        message: refusal.shortfall.message,
        details: { needed: refusal.shortfall.needed, available: refusal.shortfall.available },
      },
      'The schedule did not start the run: too few credits left.',
    );
  }

  /**
   * An occurrence that falls due while too many runs wait on the queue fails its run at once,
   * saying why, rather than passing unseen; it can be retried once the queue has drained.
   */
  #failQueueFull(
    scope: WorkspaceScope,
    schedule: { input: Record<string, unknown>; createdBy: string | null },
    occurrence: Date,
    refusal: Extract<RunStart, { outcome: 'queue_full' }>,
  ) {
    return insertFailedRun(
      scope,
      {
        agent: refusal.agent,
        input: schedule.input,
        origin: { trigger: 'schedule', scheduledFor: occurrence, createdBy: schedule.createdBy ?? undefined },
      },
      {
        code: 'queue_full',
        message: queueFull(refusal.backlog).message,
        details: { waiting: refusal.backlog.waiting, limit: refusal.backlog.limit },
      },
      'The schedule did not start the run: too many runs were waiting on the queue.',
    );
  }
}
