// The one way a run is admitted, whatever started it (the API, a plan, a hook, a schedule, a
// chain, an agent call): find the agent, refuse a paused one, check the input against the agent's
// input schema, insert the run and put its job on the queue — all in the caller's transaction, so
// a run exists if and only if its job does, and a crash between the two cannot strand it.
// Refusals are answered, not thrown: each trigger words them for its own audience (an HTTP
// error, a warning on a parent run, a skipped occurrence).
import { runInputIssues, type SpecIssue } from '../domain/agent-spec.ts';
import { estimateRun } from '../domain/credits.ts';
import { conflict, notFound, OrcaError, ruleViolated } from '../domain/errors.ts';
import type { QueueBacklog, RunJob, RunQueue } from '../queue/run-queue.ts';
import { type AgentRecord, findAgent, findAgentByName, findAgentVersion } from '../store/agent-repository.ts';
import { findRunCharge, type Ledger, openLedger, reopenRunCharge } from '../store/credit-repository.ts';
import {
  appendRunEvent,
  countQueuedRuns,
  findRun,
  finishRun,
  insertRun,
  type RunOrigin,
  type RunRecord,
  requeueRun,
} from '../store/run-repository.ts';
import type { StoredError } from '../store/schema.ts';
import type { WorkspaceScope } from '../store/store.ts';
import { type CreditShortfall, countAgainstBudgets, creditShortfall } from './credit-admission.ts';

export type { RunOrigin };

export interface RunStartRequest {
  /** The agent by id, or by its name (plans and agent calls may name one). */
  agent: { id: string } | { name: string };
  input: Record<string, unknown>;
  origin: RunOrigin;
  /** Checks of the caller's own, made on the found agent before anything else (agent-call loops). */
  vet?(agent: AgentRecord): void;
}

/**
 * Where started runs' jobs go: the run queue, or nowhere for an agent call, whose caller executes
 * the run at once in its own worker (a job would have a second worker execute it alongside).
 */
export type RunDelivery = RunQueue | 'inline';

export type RunStart =
  | { outcome: 'started'; run: RunRecord; agent: AgentRecord }
  | { outcome: 'agent_missing' }
  | { outcome: 'agent_paused'; agent: AgentRecord }
  | { outcome: 'invalid_input'; agent: AgentRecord; issues: SpecIssue[] }
  /** The balance, or the agent's or workroom's monthly budget, cannot cover the run's estimate. */
  | { outcome: 'insufficient_credits'; agent: AgentRecord; shortfall: CreditShortfall }
  /**
   * Too many runs wait on the queue already (ORCA_QUEUE_BACKLOG_LIMIT), or the workspace has as
   * many queued as its share (ORCA_QUEUE_WORKSPACE_BACKLOG_LIMIT): try again later.
   */
  | { outcome: 'queue_full'; agent: AgentRecord; backlog: QueueBacklog };

/** Seconds a caller turned away for a full queue is told to wait (the queue drains meanwhile). */
export const queueFullRetryAfterSeconds = 30;

/** The error a full queue is answered with, where a trigger answers with an error; it names the bound. */
export function queueFull(backlog: QueueBacklog): OrcaError {
  return new OrcaError('queue_full', queueFullMessage(backlog), {
    details: backlog,
    retryAfterSeconds: queueFullRetryAfterSeconds,
  });
}

function queueFullMessage(backlog: QueueBacklog): string {
  const later = `Try again in ${queueFullRetryAfterSeconds} seconds.`;
  switch (backlog.bound) {
    case 'queue':
      return (
        `Orca has ${backlog.waiting} runs queued that have not started yet, across all workspaces, more than ` +
        `its limit of ${backlog.limit}, so it takes no new runs for now. ${later} If this lasts, an operator ` +
        'can add workers (orca worker) or raise ORCA_QUEUE_BACKLOG_LIMIT.'
      );
    case 'workspace': {
      const plan =
        backlog.maxRunsAtOnce === undefined
          ? ''
          : ` Its plan runs at most ${backlog.maxRunsAtOnce} at once, so they start no faster than that; ` +
            'an owner can move the workspace to a bigger plan (PUT /api/workspaces/{workspace}/credits/plan).';
      return (
        `This workspace has ${backlog.waiting} runs queued that have not started yet, as many as one ` +
        `workspace may have waiting (${backlog.limit}), so it takes no new runs for now; other workspaces ` +
        `are not held up. ${later}${plan} If this lasts, start runs less often (hooks, schedules, chains), ` +
        'or an operator can raise ORCA_QUEUE_WORKSPACE_BACKLOG_LIMIT or add workers (orca worker).'
      );
    }
  }
}

type Admission = { outcome: 'admitted'; agent: AgentRecord } | Exclude<RunStart, { outcome: 'started' }>;

async function admit(scope: WorkspaceScope, request: RunStartRequest): Promise<Admission> {
  const agent =
    'id' in request.agent
      ? await findAgent(scope, request.agent.id)
      : await findAgentByName(scope, request.agent.name);
  if (!agent) return { outcome: 'agent_missing' };
  request.vet?.(agent);
  if (agent.status === 'paused') return { outcome: 'agent_paused', agent };
  const issues = runInputIssues(agent.spec, request.input);
  if (issues.length > 0) return { outcome: 'invalid_input', agent, issues };
  return { outcome: 'admitted', agent };
}

/**
 * Starts runs in the caller's transaction: each admitted run is inserted with its estimate
 * reserved (the workspace's balance row stays locked until the transaction ends), and the jobs of
 * all of them are queued in one statement before the transaction commits. Answers one result per
 * request. While the queue's backlog is over its limit, or the workspace has its share of the
 * queue waiting already, queued starts are refused (`queue_full`) after the agent's own checks, so
 * a trigger still hears first about what it could fix itself. The workspace's queued runs are
 * counted once, under the balance row's lock, so starts of one workspace at the same moment
 * cannot pass its share together.
 */
export async function startRuns(
  scope: WorkspaceScope,
  delivery: RunDelivery,
  requests: RunStartRequest[],
): Promise<RunStart[]> {
  const results: RunStart[] = [];
  const jobs: RunJob[] = [];
  let ledger: Ledger | undefined;
  const spentInBatch = new Map<string, number>();
  // Agent calls run inline, in a worker that already has the caller's run: no queue to wait on.
  const backlog = delivery === 'inline' ? undefined : delivery.backlogOverLimit();
  let queued: number | undefined;
  for (const request of requests) {
    const admission = await admit(scope, request);
    if (admission.outcome !== 'admitted') {
      results.push(admission);
      continue;
    }
    if (backlog) {
      results.push({ outcome: 'queue_full', agent: admission.agent, backlog });
      continue;
    }
    ledger ??= await openLedger(scope);
    if (delivery !== 'inline') {
      const limit = delivery.workspaceBacklogLimit;
      queued ??= await countQueuedRuns(scope, limit);
      if (queued >= limit) {
        const maxRunsAtOnce = ledger.plan.maxRunsAtOnce;
        results.push({
          outcome: 'queue_full',
          agent: admission.agent,
          backlog: {
            bound: 'workspace',
            waiting: queued,
            limit,
            ...(maxRunsAtOnce ? { maxRunsAtOnce } : {}),
          },
        });
        continue;
      }
    }
    const estimate = estimateRun(ledger.settings, admission.agent.spec.steps);
    const shortfall = await creditShortfall(scope, ledger, admission.agent, estimate, spentInBatch);
    if (shortfall) {
      results.push({ outcome: 'insufficient_credits', agent: admission.agent, shortfall });
      continue;
    }
    const run = await insertRun(scope, {
      ...request.origin,
      agentId: admission.agent.id,
      agentVersion: admission.agent.version,
      workroomId: admission.agent.workroomId,
      input: request.input,
    });
    ledger.reserveRun({
      runId: run.id,
      agentId: admission.agent.id,
      workroomId: run.workroomId,
      amount: estimate,
    });
    countAgainstBudgets(spentInBatch, admission.agent, estimate);
    if (queued !== undefined) queued++;
    jobs.push({ workspaceId: scope.workspaceId, runId: run.id, generation: 0 });
    results.push({ outcome: 'started', run, agent: admission.agent });
  }
  await ledger?.save();
  if (delivery !== 'inline') await delivery.enqueueInTransaction(scope.db, jobs);
  return results;
}

/** Starts one run in the caller's transaction (see `startRuns`). */
export async function startRun(
  scope: WorkspaceScope,
  delivery: RunDelivery,
  request: RunStartRequest,
): Promise<RunStart> {
  const [result] = await startRuns(scope, delivery, [request]);
  if (!result) throw new Error('startRuns answered no result for one request');
  return result;
}

/**
 * Records a run that could not start (a schedule's or a chain's input the agent refuses): it is
 * inserted already failed, with the reason, so the refusal is seen where runs are seen. No job.
 */
export async function insertFailedRun(
  scope: WorkspaceScope,
  values: { agent: AgentRecord; input: Record<string, unknown>; origin: RunOrigin },
  error: StoredError,
  /** A log line written before the failure, for whoever follows the run's events. */
  logMessage?: string,
): Promise<RunRecord> {
  const { agent, input, origin } = values;
  const run = await insertRun(scope, {
    ...origin,
    agentId: agent.id,
    agentVersion: agent.version,
    workroomId: agent.workroomId,
    input,
  });
  if (logMessage) await appendRunEvent(scope, run.id, 'log', { level: 'error', message: logMessage });
  await finishRun(scope, run.id, { status: 'failed', error });
  return run;
}

/**
 * Puts a failed or cancelled run back on the queue, in the caller's transaction: its checkpoints
 * before `fromStep` stay (all are redone when it is left out), its retry count (the generation its
 * job carries, so a job of an earlier try claims nothing) goes up by one, and its job is queued
 * before the transaction commits.
 */
export async function retryRun(
  scope: WorkspaceScope,
  runQueue: RunQueue,
  runId: string,
  fromStep?: string,
): Promise<RunRecord> {
  const current = await findRun(scope, runId);
  if (!current) throw notFound('This run');
  if (current.status !== 'failed' && current.status !== 'cancelled') {
    throw conflict(`Only failed or cancelled runs can be retried; this one is ${current.status}.`);
  }
  const backlog = runQueue.backlogOverLimit();
  if (backlog) throw queueFull(backlog);
  // Counted before the balance row is locked (by the reservation): a retry is one run, and two
  // retries of the same workspace at the same instant may pass its share by one.
  const queued = await countQueuedRuns(scope, runQueue.workspaceBacklogLimit);
  if (queued >= runQueue.workspaceBacklogLimit) {
    throw queueFull({ bound: 'workspace', waiting: queued, limit: runQueue.workspaceBacklogLimit });
  }
  const version = await findAgentVersion(scope, current.agentId, current.agentVersion);
  const steps = version?.spec.steps ?? [];
  const position = fromStep === undefined ? 0 : steps.findIndex((step) => step.id === fromStep);
  if (position < 0) {
    throw ruleViolated(
      `The agent has no step "${fromStep}" (version ${current.agentVersion}). Steps: ${steps.map((step) => step.id).join(', ')}.`,
    );
  }
  // Requeued first: its update locks the run, so a second retry sent at the same moment waits,
  // finds it queued and is refused, instead of reserving the credits a second time.
  const generation = await requeueRun(scope, runId, position);
  if (generation === undefined) {
    throw conflict('This run was retried at the same moment by another request; it is queued already.');
  }
  await reserveRetry(scope, current, steps.slice(position));
  await runQueue.enqueueInTransaction(scope.db, [{ workspaceId: scope.workspaceId, runId, generation }]);
  const retried = await findRun(scope, runId);
  if (!retried) throw notFound('This run');
  return retried;
}

/** A retried run is paid for like a new one: its remaining steps' estimate is reserved again. */
async function reserveRetry(scope: WorkspaceScope, run: RunRecord, steps: ReadonlyArray<{ tool: string }>) {
  const ledger = await openLedger(scope);
  const agent = await findAgent(scope, run.agentId);
  const estimate = estimateRun(ledger.settings, steps);
  if (agent) {
    const shortfall = await creditShortfall(scope, ledger, agent, estimate, new Map());
    if (shortfall) {
      throw new OrcaError('insufficient_credits', shortfall.message, { details: shortfall });
    }
  }
  const charge = await findRunCharge(scope, run.id);
  ledger.reserveRun(
    { runId: run.id, agentId: run.agentId, workroomId: run.workroomId, amount: estimate },
    { reopen: charge !== undefined },
  );
  await ledger.save();
  if (charge) await reopenRunCharge(scope, run.id, estimate, ledger.now);
}
