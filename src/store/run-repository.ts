// Runs, their step checkpoints and their events. Every function is one short statement or two,
// called from its own transaction: the executor never holds a transaction across a tool call.
import { and, asc, eq, getTableColumns, gt, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { isUuid } from '../domain/slug.ts';
import { creationKeyset, type KeysetPage, keysetOrder, pastPosition } from './keyset.ts';
import { insertAnnouncingRunEvents } from './run-event-notices.ts';
import { settleRunCharge } from './run-settlement.ts';
import {
  type RunStatus,
  type RunTrigger,
  runEventPositions,
  runEvents,
  runSteps,
  runs,
  type StepStatus,
  type StoredError,
  type StoredUsage,
} from './schema.ts';
import type { WorkspaceScope } from './store.ts';
import { inWorkroom } from './workroom-repository.ts';

export type RunRecord = typeof runs.$inferSelect;
export type RunStepRecord = typeof runSteps.$inferSelect;
export type RunEventRecord = typeof runEvents.$inferSelect;

/** What a run is recorded with besides its agent and input: what started it, and from where. */
export interface RunOrigin {
  trigger: RunTrigger;
  createdBy?: string;
  parentRunId?: string;
  callChain?: string[];
  callKey?: string;
  chainId?: string;
  chainDepth?: number;
  scheduledFor?: Date;
}

export async function insertRun(
  scope: WorkspaceScope,
  values: {
    agentId: string;
    agentVersion: number;
    input: Record<string, unknown>;
    /** The agent's workroom when the run is admitted. */
    workroomId?: string | null;
  } & RunOrigin,
): Promise<RunRecord> {
  const [row] = await scope.db
    .insert(runs)
    .values({ workspaceId: scope.workspaceId, ...values })
    .returning();
  if (!row) throw new Error('insert into runs returned no row');
  await appendRunEvent(scope, row.id, 'status', { status: 'queued' });
  return row;
}

/**
 * The workspace's runs queued and not started (parked ones included), counted up to `atMost`: a
 * walk of the index of its queued and running runs, however long its history.
 */
export async function countQueuedRuns(scope: WorkspaceScope, atMost: number): Promise<number> {
  const result = (await scope.db.execute(sql`
    select count(*)::int as queued from (
      select 1 from runs
      where workspace_id = ${scope.workspaceId} and status = 'queued'
      limit ${atMost}) as waiting`)) as unknown as { rows: { queued: number }[] };
  return Number(result.rows[0]?.queued ?? 0);
}

export async function findRun(scope: WorkspaceScope, runId: string): Promise<RunRecord | undefined> {
  if (!isUuid(runId)) return undefined;
  const [row] = await scope.db
    .select()
    .from(runs)
    .where(and(eq(runs.workspaceId, scope.workspaceId), eq(runs.id, runId)));
  return row;
}

export async function listRunSteps(scope: WorkspaceScope, runId: string): Promise<RunStepRecord[]> {
  return scope.db
    .select()
    .from(runSteps)
    .where(and(eq(runSteps.workspaceId, scope.workspaceId), eq(runSteps.runId, runId)))
    .orderBy(asc(runSteps.position));
}

/** The run an agent.call started under this key, if it started one. */
export async function findRunByCallKey(scope: WorkspaceScope, callKey: string) {
  const [row] = await scope.db
    .select()
    .from(runs)
    .where(and(eq(runs.workspaceId, scope.workspaceId), eq(runs.callKey, callKey)));
  return row;
}

/**
 * Moves a queued or waiting run (or a running one whose worker died) to running. Undefined when the run
 * has finished or was cancelled meanwhile, so a duplicate delivery does nothing.
 */
export async function claimRun(
  scope: WorkspaceScope,
  runId: string,
  job: ClaimingJob = {},
): Promise<(RunRecord & { firstClaim: boolean }) | undefined> {
  const conditions = [
    eq(runs.workspaceId, scope.workspaceId),
    eq(runs.id, runId),
    isNull(runs.cancelRequestedAt),
  ];
  // A resume job wakes only the wait it was sent for; any other job takes a queued run, a
  // waiting one (which then suspends again if it is early) or a running one whose worker died.
  if (job.resumeAt) {
    conditions.push(eq(runs.status, 'waiting'), eq(runs.resumeAt, job.resumeAt));
  } else {
    conditions.push(inArray(runs.status, ['queued', 'running', 'waiting']));
  }
  if (job.generation !== undefined) conditions.push(eq(runs.retryCount, job.generation));
  const [row] = await scope.db
    .update(runs)
    .set({
      status: 'running',
      startedAt: sql`coalesce(${runs.startedAt}, now())`,
      lease: sql`gen_random_uuid()`,
      resumeAt: null,
      parkedAt: null,
    })
    .where(and(...conditions))
    // A run whose start time is this transaction's has never run: it has no checkpoints to read.
    .returning({ ...getTableColumns(runs), firstClaim: sql<boolean>`${runs.startedAt} = now()` });
  return row;
}

/** What the queue job that delivers a run says about which try of it, and which wait, it is for. */
export interface ClaimingJob {
  /** The run's retry count when the job was sent: jobs of earlier tries claim nothing. */
  generation?: number;
  /** For a job that ends a wait: the resume time it was sent for. */
  resumeAt?: Date;
}

/**
 * Ends an unfinished run whose cancel was asked for but that no worker will end: its worker died,
 * or it was about to wait. Takes the lease away, so a worker still holding it stops at its next
 * write. Undefined when there was nothing to end.
 */
export async function endCancelledRun(scope: WorkspaceScope, runId: string) {
  const [row] = await scope.db
    .update(runs)
    .set({ status: 'cancelled', finishedAt: new Date(), lease: null, resumeAt: null })
    .where(
      and(
        eq(runs.workspaceId, scope.workspaceId),
        eq(runs.id, runId),
        inArray(runs.status, ['queued', 'running', 'waiting']),
        isNotNull(runs.cancelRequestedAt),
      ),
    )
    .returning({ id: runs.id, trigger: runs.trigger });
  if (row) {
    await appendRunEvent(scope, runId, 'status', { status: 'cancelled' });
    await settleRunCharge(scope, runId);
    scope.metrics?.runFinished('cancelled', row.trigger);
  }
  return row;
}

/** Thrown when a worker writes under a lease another worker has taken over. */
export class LeaseLostError extends Error {
  constructor(runId: string) {
    super(`Run ${runId} is now held by another worker; this worker stops working on it.`);
    this.name = 'LeaseLostError';
  }
}

/**
 * Locks the run for this transaction and checks the caller still holds its lease. Every
 * checkpoint write starts with it. Answers whether a cancel was asked for, which saves the
 * executor a statement of its own before each step.
 */
export async function assertLease(
  scope: WorkspaceScope,
  runId: string,
  lease: string,
): Promise<{ cancelRequested: boolean }> {
  const [row] = await scope.db
    .select({ cancelRequestedAt: runs.cancelRequestedAt })
    .from(runs)
    .where(and(eq(runs.workspaceId, scope.workspaceId), eq(runs.id, runId), eq(runs.lease, lease)))
    .for('update');
  if (!row) throw new LeaseLostError(runId);
  return { cancelRequested: row.cancelRequestedAt !== null };
}

export async function startStep(
  scope: WorkspaceScope,
  values: { runId: string; stepId: string; position: number; tool: string; input: unknown; attempts: number },
) {
  const row = {
    ...values,
    workspaceId: scope.workspaceId,
    status: 'running' as StepStatus,
    startedAt: new Date(),
  };
  await scope.db
    .insert(runSteps)
    .values(row)
    .onConflictDoUpdate({
      target: [runSteps.runId, runSteps.stepId],
      set: {
        status: 'running',
        input: values.input,
        attempts: values.attempts,
        startedAt: row.startedAt,
        finishedAt: null,
        error: null,
      },
    });
}

/**
 * Counts one more interruption for each step a worker left running: called when a run is claimed
 * again, before anything runs. Answers those steps with their count so far.
 */
export async function countStepInterruptions(
  scope: WorkspaceScope,
  runId: string,
): Promise<Pick<RunStepRecord, 'stepId' | 'position' | 'tool' | 'attempts' | 'interruptions'>[]> {
  return scope.db
    .update(runSteps)
    .set({ interruptions: sql`${runSteps.interruptions} + 1` })
    .where(
      and(
        eq(runSteps.workspaceId, scope.workspaceId),
        eq(runSteps.runId, runId),
        eq(runSteps.status, 'running'),
      ),
    )
    .returning({
      stepId: runSteps.stepId,
      position: runSteps.position,
      tool: runSteps.tool,
      attempts: runSteps.attempts,
      interruptions: runSteps.interruptions,
    });
}

export async function finishStep(
  scope: WorkspaceScope,
  values: {
    runId: string;
    stepId: string;
    position: number;
    tool: string;
    status: Exclude<StepStatus, 'running'>;
    attempts: number;
    input?: unknown;
    output?: unknown;
    error?: StoredError;
    usage?: StoredUsage | null;
    /** For a step that waits: what it needs when it runs again. */
    resumeState?: unknown;
  },
) {
  // A waiting step is not finished: it keeps no end time until it runs again.
  const finishedAt = values.status === 'waiting' ? null : new Date();
  const startedAt = finishedAt ?? new Date();
  await scope.db
    .insert(runSteps)
    .values({ ...values, workspaceId: scope.workspaceId, finishedAt, startedAt })
    .onConflictDoUpdate({
      target: [runSteps.runId, runSteps.stepId],
      set: {
        status: values.status,
        attempts: values.attempts,
        output: values.output ?? null,
        error: values.error ?? null,
        usage: values.usage ?? null,
        resumeState: values.resumeState ?? null,
        finishedAt,
      },
    });
}

/** Adds tokens to the run's count. */
export async function addRunUsage(scope: WorkspaceScope, runId: string, usage: StoredUsage) {
  if (usage.inputTokens === 0 && usage.outputTokens === 0) return;
  await scope.db
    .update(runs)
    .set({
      usage: sql`jsonb_build_object(
        'inputTokens', coalesce((${runs.usage}->>'inputTokens')::int, 0) + ${usage.inputTokens}::int,
        'outputTokens', coalesce((${runs.usage}->>'outputTokens')::int, 0) + ${usage.outputTokens}::int)`,
    })
    .where(and(eq(runs.workspaceId, scope.workspaceId), eq(runs.id, runId)));
}

/** Parks a run until `until`: a worker picks it up again then (see the executor's resumeLater). */
export async function suspendRun(scope: WorkspaceScope, runId: string, until: Date) {
  await scope.db
    .update(runs)
    .set({ status: 'waiting', resumeAt: until, lease: null })
    .where(and(eq(runs.workspaceId, scope.workspaceId), eq(runs.id, runId)));
  await appendRunEvent(scope, runId, 'status', { status: 'waiting', until: until.toISOString() });
}

/** Removes the checkpoints from a step on, so a retry from that step runs it and those after. */
export async function deleteStepsFrom(scope: WorkspaceScope, runId: string, position: number) {
  await scope.db
    .delete(runSteps)
    .where(
      and(
        eq(runSteps.workspaceId, scope.workspaceId),
        eq(runSteps.runId, runId),
        sql`${runSteps.position} >= ${position}`,
      ),
    );
}

export async function finishRun(
  scope: WorkspaceScope,
  runId: string,
  result: {
    status: Extract<RunStatus, 'succeeded' | 'failed' | 'cancelled'>;
    output?: unknown;
    error?: StoredError;
  },
  /** Events that come before the run's end (the last step's), written in the same statement. */
  eventsBefore: RunEventInput[] = [],
): Promise<void> {
  const [row] = await scope.db
    .update(runs)
    .set({
      status: result.status,
      output: result.output ?? null,
      error: result.error ?? null,
      finishedAt: new Date(),
    })
    .where(and(eq(runs.workspaceId, scope.workspaceId), eq(runs.id, runId)))
    .returning({ trigger: runs.trigger });
  await appendRunEvents(scope, runId, [
    ...eventsBefore,
    { kind: 'status', data: { status: result.status, error: result.error } },
  ]);
  await settleRunCharge(scope, runId);
  if (row) scope.metrics?.runFinished(result.status, row.trigger);
}

/** Puts a finished run back in the queue (a retry): its checkpoints before `fromPosition` stay. */
export async function requeueRun(
  scope: WorkspaceScope,
  runId: string,
  fromPosition: number,
): Promise<number | undefined> {
  await deleteStepsFrom(scope, runId, fromPosition);
  const [row] = await scope.db
    .update(runs)
    .set({
      status: 'queued',
      output: null,
      error: null,
      finishedAt: null,
      cancelRequestedAt: null,
      resumeAt: null,
      lease: null,
      // Queued with a job of its own: a wake-up must not send it a second one.
      parkedAt: null,
      retryCount: sql`${runs.retryCount} + 1`,
    })
    .where(
      and(
        eq(runs.workspaceId, scope.workspaceId),
        eq(runs.id, runId),
        inArray(runs.status, ['failed', 'cancelled']),
      ),
    )
    .returning({ retryCount: runs.retryCount });
  // Undefined when the run is no longer failed or cancelled (another retry requeued it first).
  if (!row) return undefined;
  await appendRunEvent(scope, runId, 'status', { status: 'queued', retryFrom: fromPosition });
  return row.retryCount;
}

/** Asks a run to stop; a queued run is cancelled at once. Returns the run after. */
export async function requestCancel(scope: WorkspaceScope, runId: string): Promise<RunRecord | undefined> {
  const [row] = await scope.db
    .update(runs)
    .set({
      cancelRequestedAt: sql`coalesce(${runs.cancelRequestedAt}, now())`,
      // No worker holds a queued or waiting run, so nobody else would end it.
      status: sql`case when ${runs.status} in ('queued', 'waiting') then 'cancelled' else ${runs.status} end`,
      finishedAt: sql`case when ${runs.status} in ('queued', 'waiting') then now() else ${runs.finishedAt} end`,
      resumeAt: null,
    })
    .where(
      and(
        eq(runs.workspaceId, scope.workspaceId),
        eq(runs.id, runId),
        inArray(runs.status, ['queued', 'running', 'waiting']),
      ),
    )
    .returning();
  if (row?.status === 'cancelled') {
    await appendRunEvent(scope, runId, 'status', { status: 'cancelled' });
    await settleRunCharge(scope, runId);
    scope.metrics?.runFinished('cancelled', row.trigger);
  }
  if (row) await cancelCallees(scope, runId);
  return row;
}

/**
 * Cancels the unfinished runs this run started with agent.call. A waiting callee has no queue job
 * of its own (its caller resumes it), so without this it would wait forever.
 */
async function cancelCallees(scope: WorkspaceScope, runId: string) {
  const callees = await scope.db
    .select({ id: runs.id })
    .from(runs)
    .where(
      and(
        eq(runs.workspaceId, scope.workspaceId),
        eq(runs.parentRunId, runId),
        eq(runs.trigger, 'agent'),
        inArray(runs.status, ['queued', 'running', 'waiting']),
      ),
    );
  for (const callee of callees) await requestCancel(scope, callee.id);
}

export async function isCancelRequested(scope: WorkspaceScope, runId: string): Promise<boolean> {
  const [row] = await scope.db
    .select({ at: runs.cancelRequestedAt })
    .from(runs)
    .where(and(eq(runs.workspaceId, scope.workspaceId), eq(runs.id, runId)));
  return Boolean(row?.at);
}

export async function appendRunEvent(
  scope: WorkspaceScope,
  runId: string,
  kind: RunEventRecord['kind'],
  data: Record<string, unknown>,
) {
  await appendRunEvents(scope, runId, [{ kind, data }]);
}

export interface RunEventInput {
  kind: RunEventRecord['kind'];
  data: Record<string, unknown>;
}

/** Several events in one statement, in order, with their notice (run-event-notices.ts). */
export async function appendRunEvents(scope: WorkspaceScope, runId: string, events: RunEventInput[]) {
  if (events.length === 0) return;
  const insert = scope.db
    .insert(runEvents)
    .values(
      events.map((event) => ({ workspaceId: scope.workspaceId, runId, kind: event.kind, data: event.data })),
    );
  await insertAnnouncingRunEvents(
    scope,
    insert,
    runId,
    events.map((event) => event.kind),
  );
}

/** A committed event: it has its place in the workspace's commit order. */
export type StreamedRunEvent = RunEventRecord & { streamPosition: number };

/**
 * The run's committed events after a stream position, in commit order. Positions are given out
 * as transactions commit (0013_run_event_order.sql), so nothing can still appear below the last
 * one read: resuming after it neither skips nor repeats.
 */
export async function listRunEvents(
  scope: WorkspaceScope,
  runId: string,
  afterPosition = 0,
): Promise<StreamedRunEvent[]> {
  const rows = await scope.db
    .select()
    .from(runEvents)
    .where(
      and(
        eq(runEvents.workspaceId, scope.workspaceId),
        eq(runEvents.runId, runId),
        gt(runEvents.streamPosition, afterPosition),
      ),
    )
    .orderBy(asc(runEvents.streamPosition));
  // `gt` excludes null positions, which only the writing transaction itself could see.
  return rows as StreamedRunEvent[];
}

export interface RunFilter {
  agentId?: string;
  status?: RunStatus;
  trigger?: RunTrigger;
  /** A workroom's id, or null for runs made in none. */
  workroomId?: string | null;
}

/** Newest first. */
export const runKeyset = creationKeyset<RunRecord>(runs, 'desc');

/** Runs newest first, a page at a time (past the page's position). */
export async function listRuns(
  scope: WorkspaceScope,
  filter: RunFilter,
  page: KeysetPage,
): Promise<RunRecord[]> {
  const conditions = [eq(runs.workspaceId, scope.workspaceId)];
  if (filter.agentId) conditions.push(eq(runs.agentId, filter.agentId));
  if (filter.status) conditions.push(eq(runs.status, filter.status));
  if (filter.trigger) conditions.push(eq(runs.trigger, filter.trigger));
  if (filter.workroomId !== undefined) conditions.push(inWorkroom(runs.workroomId, filter.workroomId));
  const past = pastPosition(runKeyset, page);
  if (past) conditions.push(past);
  return scope.db
    .select()
    .from(runs)
    .where(and(...conditions))
    .orderBy(...keysetOrder(runKeyset))
    .limit(page.limit);
}

/** Committed events of every run of the workspace after a stream position, in commit order. */
export async function listWorkspaceRunEvents(
  scope: WorkspaceScope,
  afterPosition: number,
  limit = 500,
): Promise<StreamedRunEvent[]> {
  const rows = await scope.db
    .select()
    .from(runEvents)
    .where(and(eq(runEvents.workspaceId, scope.workspaceId), gt(runEvents.streamPosition, afterPosition)))
    .orderBy(asc(runEvents.streamPosition))
    .limit(limit);
  // `gt` excludes null positions, which only the writing transaction itself could see.
  return rows as StreamedRunEvent[];
}

/** The workspace's last committed stream position, where a stream that wants only news starts. */
export async function latestRunEventPosition(scope: WorkspaceScope): Promise<number> {
  const [row] = await scope.db
    .select({ position: runEventPositions.lastPosition })
    .from(runEventPositions)
    .where(eq(runEventPositions.workspaceId, scope.workspaceId));
  return row?.position ?? 0;
}

/** The newest run of each of these agents (one query, for a page of agents). */
export async function latestRunsOf(scope: WorkspaceScope, agentIds: string[]): Promise<RunRecord[]> {
  if (agentIds.length === 0) return [];
  const wanted = sql.join(
    agentIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return scope.db
    .select()
    .from(runs)
    .where(
      and(
        eq(runs.workspaceId, scope.workspaceId),
        sql`${runs.id} in (${newestRunIds(sql`a.workspace_id = ${scope.workspaceId} and a.id in (${wanted})`)})`,
      ),
    )
    .orderBy(runs.agentId);
}

/** The newest run of each agent of the workspace. */
export async function latestRunPerAgent(scope: WorkspaceScope): Promise<RunRecord[]> {
  return scope.db
    .select()
    .from(runs)
    .where(
      and(
        eq(runs.workspaceId, scope.workspaceId),
        sql`${runs.id} in (${newestRunIds(sql`a.workspace_id = ${scope.workspaceId}`)})`,
      ),
    )
    .orderBy(runs.agentId);
}

/**
 * The ids of the newest run of each agent the condition picks, one index probe per agent (runs by
 * agent and time). `distinct on (agent_id)` over the workspace's runs sorted every run of it:
 * 48 ms against 4 ms at 24,000 runs (bench/RESULTS.md).
 */
function newestRunIds(agents: SQL) {
  return sql`select newest.id from agents a cross join lateral (
    select r.id from runs r where r.agent_id = a.id order by r.created_at desc, r.id desc limit 1) newest
    where ${agents}`;
}

export interface AgentRunStats {
  agentId: string;
  runs: number;
  /** Of the agent's five newest finished runs, how many failed. */
  recentFailures: number;
  recentFinished: number;
  lastRunAt: Date | null;
}

/** Run counts per agent, for the Orchestrator's advice. */
export async function agentRunStats(scope: WorkspaceScope): Promise<AgentRunStats[]> {
  const result = await scope.db.execute(sql`
    with ranked as (
      select agent_id, status, created_at,
             row_number() over (partition by agent_id order by created_at desc) as position
      from runs
      where workspace_id = ${scope.workspaceId} and status in ('succeeded', 'failed', 'cancelled')
    )
    select r.agent_id as "agentId",
           (select count(*) from runs all_runs where all_runs.workspace_id = ${scope.workspaceId} and all_runs.agent_id = r.agent_id)::int as runs,
           count(*) filter (where r.position <= 5 and r.status = 'failed')::int as "recentFailures",
           count(*) filter (where r.position <= 5)::int as "recentFinished",
           max(r.created_at) as "lastRunAt"
    from ranked r
    group by r.agent_id`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((row) => ({
    agentId: String(row.agentId),
    runs: Number(row.runs),
    recentFailures: Number(row.recentFailures),
    recentFinished: Number(row.recentFinished),
    lastRunAt: row.lastRunAt ? new Date(String(row.lastRunAt)) : null,
  }));
}

/** The runs that runs started (chained runs, called agents), oldest first. */
export async function childRuns(scope: WorkspaceScope, parentIds: string[]): Promise<RunRecord[]> {
  if (parentIds.length === 0) return [];
  return scope.db
    .select()
    .from(runs)
    .where(and(eq(runs.workspaceId, scope.workspaceId), inArray(runs.parentRunId, parentIds)))
    .orderBy(asc(runs.createdAt), asc(runs.id));
}

/** A finished run as the Orchestrator's advice reads it: how it started, what went in and out. */
export interface RecentRun {
  agentId: string;
  agentVersion: number;
  trigger: RunTrigger;
  status: RunStatus;
  input: Record<string, unknown>;
  /**
   * The output, when it is small enough to compare with another run's input (chain advice);
   * null when there is none or it is larger than `comparedOutputBytes`.
   */
  output: unknown;
  /** A hash of the whole output (md5 of its jsonb text, whose keys are in a fixed order), null when none. */
  outputHash: string | null;
  usage: StoredUsage | null;
  createdAt: Date;
}

/** Outputs up to this size are read whole for the advice; larger ones only by their hash. */
export const comparedOutputBytes = 16_384;

/** Each agent's newest finished runs (at most `perAgent`), newest first, for the Orchestrator's advice. */
export async function recentRunsPerAgent(scope: WorkspaceScope, perAgent = 10): Promise<RecentRun[]> {
  const result = await scope.db.execute(sql`
    select agent_id as "agentId", agent_version as "agentVersion", trigger, status, input,
           case when octet_length(output::text) <= ${comparedOutputBytes} then output end as output,
           md5(output::text) as "outputHash", usage, created_at as "createdAt"
    from (
      select *, row_number() over (partition by agent_id order by created_at desc, id desc) as position
      from runs
      where workspace_id = ${scope.workspaceId} and status in ('succeeded', 'failed', 'cancelled')
    ) ranked
    where position <= ${perAgent}
    order by agent_id, created_at desc, id desc`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((row) => ({
    agentId: String(row.agentId),
    agentVersion: Number(row.agentVersion),
    trigger: row.trigger as RunTrigger,
    status: row.status as RunStatus,
    input: (row.input ?? {}) as Record<string, unknown>,
    output: row.output ?? null,
    outputHash: row.outputHash ? String(row.outputHash) : null,
    usage: (row.usage ?? null) as StoredUsage | null,
    // PGlite gives a Date, node-postgres may give the text; String(date) would drop milliseconds.
    createdAt: row.createdAt instanceof Date ? row.createdAt : new Date(String(row.createdAt)),
  }));
}

/** What one step of an agent spent over its newest succeeded runs, for the cost advice. */
export interface StepFigures {
  agentId: string;
  stepId: string;
  tool: string;
  /** The agent's succeeded runs counted (the same for each of its steps). */
  runs: number;
  /** LLM tokens the step used in those runs, in and out. */
  tokens: number;
  /** Seconds the step ran in those runs. */
  seconds: number;
}

/** Each step's tokens and time over its agent's newest succeeded runs (at most `perAgent`). */
export async function stepFiguresPerAgent(scope: WorkspaceScope, perAgent = 10): Promise<StepFigures[]> {
  const result = await scope.db.execute(sql`
    with counted as (
      select id, agent_id, count(*) over (partition by agent_id) as runs
      from (
        select id, agent_id,
               row_number() over (partition by agent_id order by created_at desc, id desc) as position
        from runs
        where workspace_id = ${scope.workspaceId} and status = 'succeeded'
      ) ranked
      where position <= ${perAgent}
    )
    select counted.agent_id as "agentId", step.step_id as "stepId", step.tool,
           max(counted.runs)::int as runs,
           coalesce(sum(coalesce((step.usage->>'inputTokens')::bigint, 0)
                      + coalesce((step.usage->>'outputTokens')::bigint, 0)), 0)::bigint as tokens,
           coalesce(sum(extract(epoch from step.finished_at - step.started_at)), 0)::float8 as seconds
    from counted
    join run_steps step on step.run_id = counted.id and step.workspace_id = ${scope.workspaceId}
    group by counted.agent_id, step.step_id, step.tool`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((row) => ({
    agentId: String(row.agentId),
    stepId: String(row.stepId),
    tool: String(row.tool),
    runs: Number(row.runs),
    tokens: Number(row.tokens),
    seconds: Number(row.seconds),
  }));
}
