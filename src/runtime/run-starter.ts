// The one way a run is admitted, whatever started it (the API, a plan, a hook, a schedule, a
// chain, an agent call): find the agent, refuse a paused one, check the input against the agent's
// input schema, insert the run and put its job on the queue — all in the caller's transaction, so
// a run exists if and only if its job does, and a crash between the two cannot strand it.
// Refusals are answered, not thrown: each trigger words them for its own audience (an HTTP
// error, a warning on a parent run, a skipped occurrence).
import { runInputIssues, type SpecIssue } from '../domain/agent-spec.ts';
import { conflict, notFound, ruleViolated } from '../domain/errors.ts';
import type { RunJob, RunQueue } from '../queue/run-queue.ts';
import { type AgentRecord, findAgent, findAgentByName, findAgentVersion } from '../store/agent-repository.ts';
import {
  appendRunEvent,
  findRun,
  finishRun,
  insertRun,
  type RunOrigin,
  type RunRecord,
  requeueRun,
} from '../store/run-repository.ts';
import type { StoredError } from '../store/schema.ts';
import type { WorkspaceScope } from '../store/store.ts';

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
  | { outcome: 'invalid_input'; agent: AgentRecord; issues: SpecIssue[] };

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
 * Starts runs in the caller's transaction: each admitted run is inserted, and the jobs of all of
 * them are queued in one statement before the transaction commits. Answers one result per request.
 */
export async function startRuns(
  scope: WorkspaceScope,
  delivery: RunDelivery,
  requests: RunStartRequest[],
): Promise<RunStart[]> {
  const results: RunStart[] = [];
  const jobs: RunJob[] = [];
  for (const request of requests) {
    const admission = await admit(scope, request);
    if (admission.outcome !== 'admitted') {
      results.push(admission);
      continue;
    }
    const run = await insertRun(scope, {
      ...request.origin,
      agentId: admission.agent.id,
      agentVersion: admission.agent.version,
      input: request.input,
    });
    jobs.push({ workspaceId: scope.workspaceId, runId: run.id, generation: 0 });
    results.push({ outcome: 'started', run, agent: admission.agent });
  }
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
  const run = await insertRun(scope, { ...origin, agentId: agent.id, agentVersion: agent.version, input });
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
  const version = await findAgentVersion(scope, current.agentId, current.agentVersion);
  const steps = version?.spec.steps ?? [];
  const position = fromStep === undefined ? 0 : steps.findIndex((step) => step.id === fromStep);
  if (position < 0) {
    throw ruleViolated(
      `The agent has no step "${fromStep}" (version ${current.agentVersion}). Steps: ${steps.map((step) => step.id).join(', ')}.`,
    );
  }
  const generation = await requeueRun(scope, runId, position);
  await runQueue.enqueueInTransaction(scope.db, [{ workspaceId: scope.workspaceId, runId, generation }]);
  const retried = await findRun(scope, runId);
  if (!retried) throw notFound('This run');
  return retried;
}
