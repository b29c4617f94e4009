// The run executor: runs an agent's steps in order, checkpointing each finished step (and each
// finished loop item) before the next starts. It is queue-agnostic: whatever delivers a run id
// (a queue worker, a test, a calling agent) calls `execute`, and calling it again for an
// unfinished run resumes after its last checkpoint.

import type { AgentStep } from '../domain/agent-spec.ts';
import { inExpressionLane } from '../expressions/evaluation-lane.ts';
import type { Logger } from '../logging/logger.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { OutboundPolicy } from '../network/outbound-policy.ts';
import { parkRun, takeParkedRuns, type WokenRun } from '../store/parked-runs.ts';
import { nearLimit, runsAtOnce } from '../store/plan-limits.ts';
import {
  addRunUsage,
  appendRunEvent,
  appendRunEvents,
  assertLease,
  type ClaimingJob,
  claimRun,
  endCancelledRun,
  finishRun,
  finishStep,
  isCancelRequested,
  LeaseLostError,
  listRunSteps,
  type RunEventInput,
  type RunRecord,
  type RunStepRecord,
  startStep,
  suspendRun,
} from '../store/run-repository.ts';
import type { StoredError, StoredUsage } from '../store/schema.ts';
import type { Store, WorkspaceScope } from '../store/store.ts';
import { agentCaller } from './agent-caller.ts';
import { AgentVersionCache } from './agent-version-cache.ts';
import { mapWithConcurrency } from './bounded-concurrency.ts';
import { defaultMaximumStepInterruptions, failPoisonousStep } from './interrupted-steps.ts';
import { runRepeatLoop } from './repeat-loop.ts';
import type { RunFacts } from './run-services.ts';
import { SecretRedactor } from './secret-redactor.ts';
import { storable } from './storable.ts';
import { evaluateExpression, renderTemplate } from './template-evaluator.ts';
import { type RunAgent, SuspendRun, type Tool, type ToolContext } from './tool.ts';
import { ToolError } from './tool-error.ts';
import type { ToolServices } from './tool-services.ts';

export interface RunExecutorDependencies {
  store: Store;
  tools: ReadonlyMap<string, Tool>;
  network: OutboundPolicy;
  /**
   * The services tools use, bound to one run (all but the agent caller, which is ours). They add
   * every secret they hand a tool to `secrets`, which keeps it out of what the run stores.
   */
  services(run: RunFacts, secrets: SecretRedactor): Omit<ToolServices, 'agents'>;
  /** Has the run picked up again at `at` (a waiting run gives its worker back meanwhile). */
  resumeLater?(run: { workspaceId: string; runId: string; generation: number }, at: Date): Promise<void>;
  /**
   * Queues the jobs of parked runs taken back, inside the transaction that took them back. A
   * queued run whose workspace runs as many runs at once as its plan allows (maxRunsAtOnce) is
   * parked, without a job, and each run of the workspace that stops running takes the oldest
   * parked one back through this (decision 0038). Without it, the limit is not applied.
   */
  queueWokenRuns?(scope: WorkspaceScope, runs: WokenRun[]): Promise<void>;
  /** How often a running step checks whether its run was cancelled. */
  cancelPollMilliseconds?: number;
  /** How often a step may lose its worker before its run is failed instead of resumed (3). */
  maximumStepInterruptions?: number;
  /** How deep agents may call agents (a run calling an agent is one level). */
  maximumCallDepth?: number;
  /** Told when this worker stops executing a run, however that went (resources it held go). */
  onExecutionEnded?(run: { workspaceId: string; runId: string }): Promise<void>;
  /**
   * Told inside the transaction that records a run's success or failure, so what it writes
   * (chained runs and their queue jobs) commits with the end or not at all.
   */
  onEnding?(scope: WorkspaceScope, run: RunRecord, ending: RunEnding): Promise<void>;
  /**
   * Where failed steps and runs are logged: ids and the (redacted) error's code and message, never
   * a step's input or output.
   */
  logger?: Logger;
  /** Where each step attempt's duration is counted (by tool and outcome). */
  metrics?: Metrics;
  /** Told when a run has ended (the Orchestrator reports test runs in the chat). */
  onFinished?(run: {
    workspaceId: string;
    runId: string;
    status: 'succeeded' | 'failed' | 'cancelled';
    /** What started the run, as its claim read it (so a listener can pass over runs not its own). */
    trigger: RunRecord['trigger'] | undefined;
  }): Promise<void>;
}

export interface RunEnding {
  status: 'succeeded' | 'failed';
  output?: unknown;
  error?: StoredError;
}

export interface ExecuteOptions extends ClaimingJob {
  /**
   * Executed by a calling agent rather than a queue worker: when the run waits, its caller
   * waits too, and nothing is scheduled for the run itself.
   */
  inline?: boolean;
}

export type RunOutcome =
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'waiting'
  | 'not-runnable'
  | 'lease-lost'
  /** Not started yet: its workspace runs all its plan allows at once; it waits, parked, for a place. */
  | 'parked';

type Write = <T>(
  work: (scope: WorkspaceScope, state: { cancelRequested: boolean }) => Promise<T>,
) => Promise<T>;

type StepResult =
  | { kind: 'succeeded'; output: unknown; runFinished: boolean }
  | { kind: 'skipped' | 'continued'; output: unknown }
  | { kind: 'failed'; error: StoredError }
  | { kind: 'cancelled' };

interface LogLine {
  level: string;
  message: string;
  fields?: Record<string, unknown>;
}

class RunCancelled extends Error {}

/** A suspension the executor has already checkpointed, passed up to end the run as waiting. */
class RunSuspended extends Error {
  constructor(readonly until: Date) {
    super(`suspended until ${until.toISOString()}`);
  }
}

function storedError(error: unknown, stepId?: string): StoredError {
  if (error instanceof ToolError) {
    return { code: error.code, message: error.message, stepId, details: error.details };
  }
  return { code: 'step_failed', message: error instanceof Error ? error.message : String(error), stepId };
}

function shouldRetry(error: unknown): boolean {
  if (error instanceof RunCancelled || error instanceof SuspendRun) return false;
  return !(error instanceof ToolError) || error.retryable;
}

function sleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new RunCancelled());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new RunCancelled());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function emptyUsage(): StoredUsage {
  return { inputTokens: 0, outputTokens: 0 };
}

function hasUsage(usage: StoredUsage) {
  return usage.inputTokens > 0 || usage.outputTokens > 0;
}

/** The checkpoint row of one loop item (or repeat iteration): the step id and the item's index. */
export function itemStepId(stepId: string, index: number) {
  return `${stepId}#${index}`;
}

/** Everything one execution of one run knows; built when the run is claimed. */
interface Execution {
  workspaceId: string;
  runId: string;
  run: RunRecord;
  agent: RunAgent;
  runData: Record<string, unknown> & { steps: Record<string, unknown> };
  checkpoints: Map<string, RunStepRecord>;
  cancellation: AbortController;
  services: ToolServices;
  /** The secrets this execution's tools were given (in memory only), redacted from what it stores. */
  secrets: SecretRedactor;
  write: Write;
  /** The run id, with the retry count after a retry: the start of every side-effect key. */
  keyPrefix: string;
  /** The step whose first attempt the claim has started already (see `#execute`), until it runs. */
  startedByClaim?: string;
}

export class RunExecutor {
  readonly #dependencies: RunExecutorDependencies;
  /** How each run being executed here failed, kept until its end is committed and logged. */
  readonly #failures = new Map<string, { agentId: string; error?: StoredError }>();
  /**
   * Whether each run executing here must take a parked run back when it stops running: false once
   * its claim found that its plan sets no limit (so nothing of its workspace is parked, but for a
   * plan just changed, which the re-check covers), true when its claim did not look.
   */
  readonly #wakesParked = new Map<string, boolean>();
  readonly #versions = new AgentVersionCache();
  /** Workspaces whose last claim here was near their plan's limit: the next one locks first. */
  readonly #nearLimit = new Set<string>();

  constructor(dependencies: RunExecutorDependencies) {
    this.#dependencies = dependencies;
  }

  /** Runs (or resumes) a run to its end. Never throws for a step's failure: the run records it. */
  async execute(workspaceId: string, runId: string, options: ExecuteOptions = {}): Promise<RunOutcome> {
    let outcome: RunOutcome;
    let failure: { agentId: string; error?: StoredError } | undefined;
    const claimedRun: { trigger?: RunRecord['trigger'] } = {};
    try {
      // Its expressions take turns with other workspaces' in the evaluating processes.
      outcome = await inExpressionLane(workspaceId, () =>
        this.#execute(workspaceId, runId, options, claimedRun),
      );
    } finally {
      failure = this.#failures.get(runId);
      this.#failures.delete(runId);
      this.#wakesParked.delete(runId);
      await Promise.resolve()
        .then(() => this.#dependencies.onExecutionEnded?.({ workspaceId, runId }))
        .catch(() => undefined);
    }
    this.#logEnd(workspaceId, runId, outcome, failure);
    if (outcome === 'succeeded' || outcome === 'failed' || outcome === 'cancelled') {
      // Told after the run's end is committed; a listener's failure is not the run's.
      await Promise.resolve()
        .then(() =>
          this.#dependencies.onFinished?.({
            workspaceId,
            runId,
            status: outcome,
            trigger: claimedRun.trigger,
          }),
        )
        .catch(() => undefined);
    }
    return outcome;
  }

  /**
   * What the plan's limit of runs at once says about claiming the run: park it (it is queued, its
   * plan caps the runs its workspace executes at once, and that many are running), and whether its
   * end must take a parked run back. Asked inside the claim's transaction, whose placement lock
   * lasts until the claim is committed (see `runsAtOnce`). Runs executed inline by a
   * calling agent, and runs resumed or woken from a wait, are never held back (their caller, or
   * their own earlier start, holds the place); their claim does not look at the plan.
   */
  async #placeAtOnce(
    scope: WorkspaceScope,
    runId: string,
    options: ExecuteOptions,
  ): Promise<{ park: boolean; wakesParked: boolean }> {
    if (!this.#dependencies.queueWokenRuns) return { park: false, wakesParked: false };
    if (options.inline || options.resumeAt) return { park: false, wakesParked: true };
    const limit = await runsAtOnce(scope, runId, { lockFirst: this.#nearLimit.has(scope.workspaceId) });
    // A hint only, so forgetting it all at a bound costs a statement, never a wrong count.
    if (this.#nearLimit.size >= 10_000) this.#nearLimit.clear();
    if (nearLimit(limit)) this.#nearLimit.add(scope.workspaceId);
    else this.#nearLimit.delete(scope.workspaceId);
    if (limit.maximum === undefined) return { park: false, wakesParked: false };
    return { park: limit.status === 'queued' && limit.running >= limit.maximum, wakesParked: true };
  }

  /**
   * In the transaction that takes a run out of `running` (its end, its cancel, its wait): the
   * oldest parked runs of its workspace that there is room for now are taken back and queued.
   */
  async #wakeParked(scope: WorkspaceScope, runId: string) {
    const { queueWokenRuns } = this.#dependencies;
    if (!queueWokenRuns || this.#wakesParked.get(runId) === false) return;
    const woken = await takeParkedRuns(scope);
    if (woken.length > 0) await queueWokenRuns(scope, woken);
  }

  /** A run's end, once committed: a failure at warn with its error's code and message. */
  #logEnd(
    workspaceId: string,
    runId: string,
    outcome: RunOutcome,
    failure: { agentId: string; error?: StoredError } | undefined,
  ) {
    const { logger } = this.#dependencies;
    if (!logger) return;
    const ids = { workspaceId, runId };
    if (outcome === 'failed') {
      logger.warn('run failed', {
        ...ids,
        agentId: failure?.agentId,
        stepId: failure?.error?.stepId,
        errorCode: failure?.error?.code,
        errorMessage: failure?.error?.message,
      });
    } else if (outcome === 'cancelled') logger.info('run cancelled', ids);
    else if (outcome === 'succeeded') logger.debug('run succeeded', ids);
  }

  async #execute(
    workspaceId: string,
    runId: string,
    options: ExecuteOptions,
    claimedRun: { trigger?: RunRecord['trigger'] },
  ): Promise<RunOutcome> {
    const { store } = this.#dependencies;
    const claimed = await store.inWorkspace(workspaceId, async (scope) => {
      const place = await this.#placeAtOnce(scope, runId, options);
      if (place.park) {
        // Its job ends here; one of the runs that hold the places sends it another when it ends.
        await parkRun(scope, runId);
        return 'parked' as const;
      }
      this.#wakesParked.set(runId, place.wakesParked);
      const run = await claimRun(scope, runId, options);
      claimedRun.trigger = run?.trigger;
      if (!run?.lease) {
        // A cancel nobody else will carry out (the worker died, or the run was about to wait).
        if (await endCancelledRun(scope, runId)) await this.#wakeParked(scope, runId);
        return undefined;
      }
      if (!run.firstClaim) {
        const { maximumStepInterruptions = defaultMaximumStepInterruptions } = this.#dependencies;
        const poison = await failPoisonousStep(scope, runId, maximumStepInterruptions);
        // Failed in the claim's own transaction: a crash now cannot leave the step to run again.
        if (poison) {
          await this.#end(scope, run, new SecretRedactor(), { status: 'failed', error: poison });
          return 'poisoned' as const;
        }
      }
      const spec = await this.#versions.spec(scope, run.agentId, run.agentVersion);
      const checkpoints = run.firstClaim ? [] : await listRunSteps(scope, runId);
      // A fresh run's first step starts in its claim's transaction, a transaction less per run; a
      // step with a condition is left to #runStep, which evaluates it first. A crash after this
      // commit finds the step interrupted, as it would a moment later.
      const first = run.firstClaim ? spec?.steps[0] : undefined;
      const startedByClaim = first && first.if === undefined ? first : undefined;
      const events: RunEventInput[] = [{ kind: 'status', data: { status: 'running' } }];
      if (startedByClaim) {
        const { id: stepId, tool } = startedByClaim;
        await startStep(scope, { runId, stepId, position: 0, tool, input: startedByClaim.with, attempts: 1 });
        events.push({ kind: 'step', data: { stepId, status: 'running', attempt: 1 } });
      }
      await appendRunEvents(scope, runId, events);
      return { run, lease: run.lease, spec, checkpoints, startedByClaim: startedByClaim?.id };
    });
    if (!claimed) return 'not-runnable';
    if (claimed === 'parked') return 'parked';
    if (claimed === 'poisoned') return 'failed';
    const { run, lease, spec, checkpoints, startedByClaim } = claimed;
    const write: Write = (work) =>
      store.inWorkspace(workspaceId, async (scope) => work(scope, await assertLease(scope, runId, lease)));
    const secrets = new SecretRedactor();

    try {
      if (!spec) {
        await write((scope) =>
          this.#end(scope, run, secrets, {
            status: 'failed',
            error: {
              code: 'agent_version_missing',
              message: `Version ${run.agentVersion} of the agent no longer exists.`,
            },
          }),
        );
        return 'failed';
      }
      const facts = { workspaceId, runId, agentId: run.agentId };
      // Keys of side effects name the try of the run, so a retried run's effects are new ones.
      const keyPrefix = run.retryCount > 0 ? `${runId}~${run.retryCount}` : runId;
      const execution: Execution = {
        workspaceId,
        runId,
        run,
        agent: { id: run.agentId, name: spec.name, version: run.agentVersion, style: spec.memory?.style },
        runData: {
          input: run.input,
          steps: {},
          run: { id: run.id, agentId: run.agentId, agentVersion: run.agentVersion, trigger: run.trigger },
        },
        checkpoints: new Map(checkpoints.map((step) => [step.stepId, step])),
        cancellation: new AbortController(),
        services: {
          ...this.#dependencies.services(facts, secrets),
          agents: agentCaller({
            store,
            executor: this,
            workspaceId,
            parent: {
              id: runId,
              agentId: run.agentId,
              callChain: run.callChain ?? [],
              chainDepth: run.chainDepth,
            },
            maximumDepth: this.#dependencies.maximumCallDepth ?? 5,
          }),
        },
        secrets,
        write,
        keyPrefix,
        startedByClaim,
      };
      let lastOutput: unknown = null;

      for (const [position, step] of spec.steps.entries()) {
        const checkpoint = execution.checkpoints.get(step.id);
        const reusable =
          checkpoint &&
          (checkpoint.status === 'succeeded' ||
            checkpoint.status === 'skipped' ||
            (checkpoint.status === 'failed' && step.onError === 'continue'));
        if (checkpoint && reusable) {
          execution.runData.steps[step.id] = checkpoint.output;
          if (checkpoint.status === 'succeeded') lastOutput = checkpoint.output;
          continue;
        }
        // The last step's success and the run's end are written together: one transaction less.
        const last = position === spec.steps.length - 1;
        const finalOutput = !last
          ? undefined
          : (output: unknown) =>
              spec.output === undefined
                ? Promise.resolve(output)
                : renderTemplate(
                    spec.output,
                    { ...execution.runData, steps: { ...execution.runData.steps, [step.id]: output } },
                    'output',
                  );
        const result = await this.#runStep(execution, step, position, finalOutput);
        if (result.kind === 'succeeded' && result.runFinished) return 'succeeded';
        if (result.kind === 'cancelled') {
          await write(async (scope) => {
            await finishRun(scope, runId, { status: 'cancelled' });
            await this.#wakeParked(scope, runId);
          });
          return 'cancelled';
        }
        if (result.kind === 'failed') {
          await write((scope) => this.#end(scope, run, secrets, { status: 'failed', error: result.error }));
          return 'failed';
        }
        execution.runData.steps[step.id] = result.output;
        if (result.kind === 'succeeded') lastOutput = result.output;
      }

      const output =
        spec.output === undefined
          ? lastOutput
          : await renderTemplate(spec.output, execution.runData, 'output');
      await write((scope) => this.#end(scope, run, secrets, { status: 'succeeded', output }));
      return 'succeeded';
    } catch (error) {
      if (error instanceof LeaseLostError) return 'lease-lost';
      if (error instanceof RunSuspended) {
        const cancelled = await write(async (scope, state) => {
          if (state.cancelRequested) {
            await finishRun(scope, runId, { status: 'cancelled' });
            await this.#wakeParked(scope, runId);
            return true;
          }
          // A waiting run holds no place: it is not counted against the plan's limit.
          await suspendRun(scope, runId, error.until);
          await this.#wakeParked(scope, runId);
          return false;
        });
        if (cancelled) return 'cancelled';
        // Scheduled after the run is marked waiting; a crash in between leaves the queue job
        // unfinished, so it is redelivered and the wait step suspends the run again.
        if (!options.inline) {
          await this.#dependencies.resumeLater?.(
            { workspaceId, runId, generation: run.retryCount },
            error.until,
          );
        }
        return 'waiting';
      }
      if (error instanceof ToolError) {
        await write((scope) =>
          this.#end(scope, run, secrets, { status: 'failed', error: storedError(error) }),
        );
        return 'failed';
      }
      throw error;
    }
  }

  /** Records a run's success or failure (its secrets redacted), with what must commit with it. */
  async #end(
    scope: WorkspaceScope,
    run: RunRecord,
    secrets: SecretRedactor,
    unredacted: RunEnding,
    eventsBefore: RunEventInput[] = [],
  ) {
    const ending = secrets.redact(unredacted);
    if (ending.status === 'failed') this.#failures.set(run.id, { agentId: run.agentId, error: ending.error });
    await finishRun(scope, run.id, ending, eventsBefore);
    await this.#dependencies.onEnding?.(scope, run, ending);
    await this.#wakeParked(scope, run.id);
  }

  async #runStep(
    execution: Execution,
    step: AgentStep,
    position: number,
    finalOutput?: (output: unknown) => Promise<unknown>,
  ): Promise<StepResult> {
    const { runId, runData, write } = execution;
    const base = { runId, stepId: step.id, position, tool: step.tool };
    // Loop items and repeat iterations add their tokens to the run as each is checkpointed.
    const checkpointedPerItem = step.forEach !== undefined || step.repeat !== undefined;
    if (step.if !== undefined && !(await evaluateExpression(step.if, runData, `steps.${step.id}.if`))) {
      const cancelled = await write(async (scope, state) => {
        if (state.cancelRequested) return true;
        await finishStep(scope, { ...base, status: 'skipped', attempts: 0, output: null });
        await appendRunEvent(scope, runId, 'step', {
          stepId: step.id,
          status: 'skipped',
          reason: 'condition false',
        });
        return false;
      });
      return cancelled ? { kind: 'cancelled' } : { kind: 'skipped', output: null };
    }
    const tool = this.#dependencies.tools.get(step.tool);
    const attempts = step.retry?.attempts ?? 1;
    let lastError: unknown;
    let attemptsMade = 0;
    // A step that waited goes on in the attempt that waited (its keys name that attempt).
    const checkpoint = execution.checkpoints.get(step.id);
    const firstAttempt = checkpoint?.status === 'waiting' ? Math.max(1, checkpoint.attempts) : 1;
    for (let attempt = firstAttempt; attempt <= Math.max(attempts, firstAttempt); attempt++) {
      attemptsMade = attempt;
      const logs: LogLine[] = [];
      const usage = emptyUsage();
      // The cancel check rides on the step's first write rather than a statement of its own; a
      // step the claim started was checked by the claim itself.
      const startedByClaim = attempt === 1 && execution.startedByClaim === step.id;
      if (startedByClaim) execution.startedByClaim = undefined;
      const cancelled =
        !startedByClaim &&
        (await write(async (scope, state) => {
          if (state.cancelRequested) return true;
          await startStep(scope, { ...base, input: step.with, attempts: attempt });
          await appendRunEvent(scope, runId, 'step', { stepId: step.id, status: 'running', attempt });
          return false;
        }));
      if (cancelled) return { kind: 'cancelled' };
      const started = performance.now();
      const durationMs = () => Math.round(performance.now() - started);
      try {
        if (!tool) {
          throw new ToolError('invalid_input', `The tool ${step.tool} is not available in this Orca yet.`);
        }
        const output = storable(
          execution.secrets.redact(
            await this.#withCancelWatch(execution, () =>
              this.#callTool(execution, tool, step, position, attempt, logs, usage),
            ),
          ),
        );
        // The run's output is rendered before the write: a failing output template fails the run
        // after this step's checkpoint, not the step.
        let runOutput: { value: unknown } | undefined;
        if (finalOutput)
          runOutput = await finalOutput(output).then(
            (value) => ({ value }),
            () => undefined,
          );
        await write(async (scope) => {
          await finishStep(scope, {
            ...base,
            status: 'succeeded',
            attempts: attempt,
            output,
            usage: hasUsage(usage) ? usage : null,
          });
          if (!checkpointedPerItem) await addRunUsage(scope, runId, usage);
          const events: RunEventInput[] = logs.map((line) => ({
            kind: 'log',
            data: { stepId: step.id, ...line },
          }));
          events.push({
            kind: 'step',
            data: { stepId: step.id, status: 'succeeded', attempt, durationMs: durationMs() },
          });
          if (runOutput) {
            await this.#end(
              scope,
              execution.run,
              execution.secrets,
              { status: 'succeeded', output: runOutput.value },
              events,
            );
          } else {
            await appendRunEvents(scope, runId, events);
          }
        });
        this.#dependencies.metrics?.stepFinished(step.tool, 'succeeded', durationMs());
        return { kind: 'succeeded', output, runFinished: runOutput !== undefined };
      } catch (error) {
        if (error instanceof LeaseLostError) throw error;
        if (error instanceof RunCancelled || execution.cancellation.signal.aborted)
          return { kind: 'cancelled' };
        if (error instanceof SuspendRun) {
          this.#dependencies.metrics?.stepFinished(step.tool, 'waiting', durationMs());
          const cancelled = await write(async (scope, state) => {
            if (state.cancelRequested) return true;
            await finishStep(scope, {
              ...base,
              status: 'waiting',
              attempts: attempt,
              resumeState: checkpointedPerItem ? null : error.state,
            });
            if (!checkpointedPerItem) await addRunUsage(scope, runId, usage);
            for (const line of logs) await appendRunEvent(scope, runId, 'log', { stepId: step.id, ...line });
            await appendRunEvent(scope, runId, 'step', {
              stepId: step.id,
              status: 'waiting',
              until: error.until.toISOString(),
            });
            return false;
          });
          if (cancelled) return { kind: 'cancelled' };
          throw new RunSuspended(error.until);
        }
        lastError = error;
        this.#dependencies.metrics?.stepFinished(step.tool, 'failed', durationMs());
        const stored = execution.secrets.redact(storedError(error, step.id));
        const willRetry = attempt < attempts && shouldRetry(error);
        await write(async (scope) => {
          if (!checkpointedPerItem) await addRunUsage(scope, runId, usage);
          for (const line of logs) await appendRunEvent(scope, runId, 'log', { stepId: step.id, ...line });
          await appendRunEvent(scope, runId, 'step', {
            stepId: step.id,
            status: 'failed',
            attempt,
            willRetry,
            error: stored,
            durationMs: durationMs(),
          });
        });
        if (!willRetry) break;
        this.#dependencies.logger?.info('step attempt failed; retrying', {
          workspaceId: execution.workspaceId,
          runId,
          stepId: step.id,
          tool: step.tool,
          attempt,
          errorCode: stored.code,
        });
        const backoff = (step.retry?.backoffMs ?? 1000) * (step.retry?.factor ?? 2) ** (attempt - 1);
        try {
          await sleep(backoff, execution.cancellation.signal);
        } catch {
          return { kind: 'cancelled' };
        }
      }
    }
    const error = execution.secrets.redact(storedError(lastError, step.id));
    await write((scope) => finishStep(scope, { ...base, status: 'failed', attempts: attemptsMade, error }));
    this.#dependencies.logger?.warn('step failed', {
      workspaceId: execution.workspaceId,
      runId,
      stepId: step.id,
      tool: step.tool,
      attempts: attemptsMade,
      onError: step.onError ?? 'fail',
      errorCode: error.code,
      errorMessage: error.message,
    });
    if (step.onError === 'continue') return { kind: 'continued', output: null };
    return { kind: 'failed', error };
  }

  /** Runs `work` while polling the run's cancel flag, aborting the run's signal when it is set. */
  async #withCancelWatch<T>(execution: Execution, work: () => Promise<T>) {
    const { store, cancelPollMilliseconds = 1000 } = this.#dependencies;
    const { workspaceId, runId, cancellation } = execution;
    const timer = setInterval(() => {
      store
        .inWorkspace(workspaceId, (scope) => isCancelRequested(scope, runId))
        .then(
          (requested) => requested && cancellation.abort(),
          () => undefined,
        );
    }, cancelPollMilliseconds);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  async #callTool(
    execution: Execution,
    tool: Tool,
    step: AgentStep,
    position: number,
    attempt: number,
    logs: LogLine[],
    usage: StoredUsage,
  ): Promise<unknown> {
    const { runId, runData, write } = execution;
    const once = async (
      data: Record<string, unknown>,
      keySuffix: string,
      resumeState: unknown,
      itemUsage: StoredUsage,
    ) => {
      // A loop cancelled between items starts no tool: one might not watch its signal.
      if (execution.cancellation.signal.aborted) throw new RunCancelled();
      const rendered = await renderTemplate(step.with, data, `steps.${step.id}.with`);
      const parsed = tool.input.safeParse(rendered);
      if (!parsed.success) {
        const problems = parsed.error.issues.map(
          (issue) => `with.${issue.path.join('.') || '(all)'}: ${issue.message}`,
        );
        throw new ToolError(
          'invalid_input',
          `Step ${step.id} gave ${tool.name} invalid input: ${problems.join('; ')}.`,
        );
      }
      const signals = [execution.cancellation.signal];
      // Our own timer, not AbortSignal.timeout: Node can collect a timeout signal that only
      // AbortSignal.any refers to before it fires (nodejs/node#57736), and the step then never
      // times out. The controller lives as long as the timer, which is cleared when the step ends.
      const timeout = step.timeoutMs ? new AbortController() : undefined;
      const timer =
        timeout &&
        setTimeout(() => timeout.abort(new DOMException('step timed out', 'TimeoutError')), step.timeoutMs);
      if (timeout) signals.push(timeout.signal);
      const signal = AbortSignal.any(signals);
      const context: ToolContext = {
        workspaceId: execution.workspaceId,
        runId,
        stepId: step.id,
        attempt,
        idempotencyKey: `${execution.keyPrefix}:${step.id}:${attempt}${keySuffix}`,
        stepKey: `${execution.keyPrefix}:${step.id}${keySuffix}`,
        signal,
        network: this.#dependencies.network,
        runData: data,
        agent: execution.agent,
        resumeState,
        recordUsage: (used) => {
          for (const counter of [usage, itemUsage]) {
            counter.inputTokens += used.inputTokens;
            counter.outputTokens += used.outputTokens;
          }
        },
        services: execution.services,
        redactText: (text) => execution.secrets.redactText(text),
        logger: {
          info: (message, fields) =>
            void logs.push(execution.secrets.redact({ level: 'info', message, fields })),
          warn: (message, fields) =>
            void logs.push(execution.secrets.redact({ level: 'warn', message, fields })),
        },
      };
      const timeoutMs = step.timeoutMs;
      // A tool that ignores its signal still ends the step on cancel or timeout.
      return Promise.race([
        tool.run(parsed.data, context),
        new Promise<never>((_, reject) => {
          const onAbort = () =>
            reject(
              execution.cancellation.signal.aborted
                ? new RunCancelled()
                : new ToolError(
                    'timeout',
                    `Step ${step.id} took longer than its timeoutMs (${timeoutMs} ms).`,
                    {
                      retryable: true,
                    },
                  ),
            );
          if (signal.aborted) onAbort();
          else signal.addEventListener('abort', onAbort, { once: true });
        }),
      ]).finally(() => clearTimeout(timer));
    };

    /** Runs one loop item or iteration, once: a checkpointed one answers its stored output. */
    const runItem = async (index: number, data: Record<string, unknown>) => {
      const itemId = itemStepId(step.id, index);
      const checkpoint = execution.checkpoints.get(itemId);
      // Items finished before a crash, a retry or a wait are not done again.
      if (checkpoint?.status === 'succeeded') {
        const stored = checkpoint.usage;
        if (stored) {
          usage.inputTokens += stored.inputTokens;
          usage.outputTokens += stored.outputTokens;
        }
        return checkpoint.output;
      }
      const itemUsage = emptyUsage();
      const itemBase = { runId, stepId: itemId, position, tool: step.tool, attempts: attempt };
      try {
        const output = storable(
          execution.secrets.redact(await once(data, `:${index}`, checkpoint?.resumeState, itemUsage)),
        );
        const cancelRequested = await write(async (scope, state) => {
          await finishStep(scope, {
            ...itemBase,
            status: 'succeeded',
            output,
            usage: hasUsage(itemUsage) ? itemUsage : null,
          });
          await addRunUsage(scope, runId, itemUsage);
          return state.cancelRequested;
        });
        // A cancel asked for meanwhile stops the loop before its next item, with this one kept.
        if (cancelRequested) execution.cancellation.abort();
        // A later attempt of this step, in this execution, reuses the item too.
        execution.checkpoints.set(itemId, {
          ...checkpoint,
          status: 'succeeded',
          output,
          usage: itemUsage,
        } as RunStepRecord);
        return output;
      } catch (error) {
        if (error instanceof SuspendRun) {
          await write(async (scope) => {
            await finishStep(scope, { ...itemBase, status: 'waiting', resumeState: error.state });
            await addRunUsage(scope, runId, itemUsage);
          });
        } else if (!(error instanceof LeaseLostError)) {
          await write((scope) => addRunUsage(scope, runId, itemUsage)).catch(() => undefined);
        }
        throw error;
      }
    };

    const { repeat } = step;
    if (repeat) {
      return runRepeatLoop({
        step: { ...step, repeat },
        runData,
        finishedBefore: (index) =>
          execution.checkpoints.get(itemStepId(step.id, index))?.status === 'succeeded',
        runIteration: runItem,
        pause: (milliseconds) => sleep(milliseconds, execution.cancellation.signal),
        warn: (message, fields) =>
          void logs.push(execution.secrets.redact({ level: 'warn', message, fields })),
      });
    }
    if (!step.forEach) {
      return once(runData, '', execution.checkpoints.get(step.id)?.resumeState, emptyUsage());
    }
    const items = await evaluateExpression(step.forEach.items, runData, `steps.${step.id}.forEach.items`);
    const list = items === undefined || items === null ? [] : Array.isArray(items) ? items : [items];
    const { as, concurrency } = step.forEach;
    return mapWithConcurrency(list, concurrency, (item, index) =>
      runItem(index, { ...runData, [as]: item, index }),
    );
  }
}
