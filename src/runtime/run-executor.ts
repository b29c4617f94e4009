// The run executor: runs an agent's steps in order, checkpointing each finished step before the
// next starts. It is queue-agnostic: whatever delivers a run id (a queue worker, a test) calls
// `execute`, and calling it again for an unfinished run resumes after its last finished step.
import type { AgentStep } from '../domain/agent-spec.ts';
import { findAgentVersion } from '../store/agent-repository.ts';
import {
  appendRunEvent,
  assertLease,
  claimRun,
  finishRun,
  finishStep,
  isCancelRequested,
  LeaseLostError,
  listRunSteps,
  startStep,
} from '../store/run-repository.ts';
import type { StoredError } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import type { OutboundPolicy } from './outbound-policy.ts';
import { evaluateExpression, renderTemplate } from './template-evaluator.ts';
import type { Tool, ToolContext } from './tool.ts';
import { ToolError } from './tool-error.ts';

export interface RunExecutorDependencies {
  store: Store;
  tools: ReadonlyMap<string, Tool>;
  network: OutboundPolicy;
  /** How often a running step checks whether its run was cancelled. */
  cancelPollMilliseconds?: number;
}

export type RunOutcome = 'succeeded' | 'failed' | 'cancelled' | 'not-runnable' | 'lease-lost';

class RunCancelled extends Error {}

function storedError(error: unknown, stepId?: string): StoredError {
  if (error instanceof ToolError) {
    return { code: error.code, message: error.message, stepId, details: error.details };
  }
  return { code: 'step_failed', message: error instanceof Error ? error.message : String(error), stepId };
}

function shouldRetry(error: unknown): boolean {
  if (error instanceof RunCancelled) return false;
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

/** Runs `work` over every item with at most `limit` at a time, keeping the order of results. */
async function mapWithConcurrency<T, R>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
) {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

export class RunExecutor {
  readonly #dependencies: RunExecutorDependencies;

  constructor(dependencies: RunExecutorDependencies) {
    this.#dependencies = dependencies;
  }

  /** Runs (or resumes) a run to its end. Never throws for a step's failure: the run records it. */
  async execute(workspaceId: string, runId: string): Promise<RunOutcome> {
    const { store } = this.#dependencies;
    const claimed = await store.inWorkspace(workspaceId, async (scope) => {
      const run = await claimRun(scope, runId);
      if (!run?.lease) return undefined;
      const version = await findAgentVersion(scope, run.agentId, run.agentVersion);
      const checkpoints = await listRunSteps(scope, runId);
      await appendRunEvent(scope, runId, 'status', { status: 'running' });
      return { run, lease: run.lease, spec: version?.spec, checkpoints };
    });
    if (!claimed) return 'not-runnable';
    const { run, lease, spec, checkpoints } = claimed;
    const write = <T>(work: Parameters<Store['inWorkspace']>[1]) =>
      store.inWorkspace(workspaceId, async (scope) => {
        await assertLease(scope, runId, lease);
        return work(scope) as Promise<T>;
      });

    try {
      if (!spec) {
        await write(async (scope) =>
          finishRun(scope, runId, {
            status: 'failed',
            error: {
              code: 'agent_version_missing',
              message: `Version ${run.agentVersion} of the agent no longer exists.`,
            },
          }),
        );
        return 'failed';
      }
      const cancellation = new AbortController();
      const runData: Record<string, unknown> & { steps: Record<string, unknown> } = {
        input: run.input,
        steps: {},
        run: { id: run.id, agentId: run.agentId, agentVersion: run.agentVersion, trigger: run.trigger },
      };
      const finished = new Map(
        checkpoints.filter((step) => step.status !== 'running').map((step) => [step.stepId, step]),
      );
      let lastOutput: unknown = null;

      for (const [position, step] of spec.steps.entries()) {
        const checkpoint = finished.get(step.id);
        const reusable =
          checkpoint &&
          (checkpoint.status === 'succeeded' ||
            checkpoint.status === 'skipped' ||
            (checkpoint.status === 'failed' && step.onError === 'continue'));
        if (checkpoint && reusable) {
          runData.steps[step.id] = checkpoint.output;
          if (checkpoint.status === 'succeeded') lastOutput = checkpoint.output;
          continue;
        }
        if (await store.inWorkspace(workspaceId, (scope) => isCancelRequested(scope, runId))) {
          await write(async (scope) => finishRun(scope, runId, { status: 'cancelled' }));
          return 'cancelled';
        }
        const result = await this.#runStep(workspaceId, runId, step, position, runData, cancellation, write);
        if (result.kind === 'cancelled') {
          await write(async (scope) => finishRun(scope, runId, { status: 'cancelled' }));
          return 'cancelled';
        }
        if (result.kind === 'failed') {
          await write(async (scope) => finishRun(scope, runId, { status: 'failed', error: result.error }));
          return 'failed';
        }
        runData.steps[step.id] = result.output;
        if (result.kind === 'succeeded') lastOutput = result.output;
      }

      const output =
        spec.output === undefined ? lastOutput : await renderTemplate(spec.output, runData, 'output');
      await write(async (scope) => finishRun(scope, runId, { status: 'succeeded', output }));
      return 'succeeded';
    } catch (error) {
      if (error instanceof LeaseLostError) return 'lease-lost';
      if (error instanceof ToolError) {
        await write(async (scope) =>
          finishRun(scope, runId, { status: 'failed', error: storedError(error) }),
        );
        return 'failed';
      }
      throw error;
    }
  }

  async #runStep(
    workspaceId: string,
    runId: string,
    step: AgentStep,
    position: number,
    runData: Record<string, unknown>,
    cancellation: AbortController,
    write: <T>(work: Parameters<Store['inWorkspace']>[1]) => Promise<T>,
  ): Promise<
    | { kind: 'succeeded' | 'skipped' | 'continued'; output: unknown }
    | { kind: 'failed'; error: StoredError }
    | { kind: 'cancelled' }
  > {
    const base = { runId, stepId: step.id, position, tool: step.tool };
    if (step.if !== undefined && !(await evaluateExpression(step.if, runData, `steps.${step.id}.if`))) {
      await write(async (scope) => {
        await finishStep(scope, { ...base, status: 'skipped', attempts: 0, output: null });
        await appendRunEvent(scope, runId, 'step', {
          stepId: step.id,
          status: 'skipped',
          reason: 'condition false',
        });
      });
      return { kind: 'skipped', output: null };
    }
    const tool = this.#dependencies.tools.get(step.tool);
    const attempts = step.retry?.attempts ?? 1;
    let lastError: unknown;
    let attemptsMade = 0;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      attemptsMade = attempt;
      const logs: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
      await write(async (scope) => {
        await startStep(scope, { ...base, input: step.with, attempts: attempt });
        await appendRunEvent(scope, runId, 'step', { stepId: step.id, status: 'running', attempt });
      });
      const started = performance.now();
      try {
        if (!tool) {
          throw new ToolError('invalid_input', `The tool ${step.tool} is not available in this Orca yet.`);
        }
        const output = await this.#withCancelWatch(workspaceId, runId, cancellation, () =>
          this.#callTool(tool, step, runData, { workspaceId, runId, attempt, logs, cancellation }),
        );
        await write(async (scope) => {
          await finishStep(scope, { ...base, status: 'succeeded', attempts: attempt, output });
          for (const line of logs) await appendRunEvent(scope, runId, 'log', { stepId: step.id, ...line });
          await appendRunEvent(scope, runId, 'step', {
            stepId: step.id,
            status: 'succeeded',
            attempt,
            durationMs: Math.round(performance.now() - started),
          });
        });
        return { kind: 'succeeded', output };
      } catch (error) {
        if (error instanceof LeaseLostError) throw error;
        if (error instanceof RunCancelled || cancellation.signal.aborted) return { kind: 'cancelled' };
        lastError = error;
        const stored = storedError(error, step.id);
        const willRetry = attempt < attempts && shouldRetry(error);
        await write(async (scope) => {
          for (const line of logs) await appendRunEvent(scope, runId, 'log', { stepId: step.id, ...line });
          await appendRunEvent(scope, runId, 'step', {
            stepId: step.id,
            status: 'failed',
            attempt,
            willRetry,
            error: stored,
            durationMs: Math.round(performance.now() - started),
          });
        });
        if (!willRetry) break;
        const backoff = (step.retry?.backoffMs ?? 1000) * (step.retry?.factor ?? 2) ** (attempt - 1);
        try {
          await sleep(backoff, cancellation.signal);
        } catch {
          return { kind: 'cancelled' };
        }
      }
    }
    const error = storedError(lastError, step.id);
    await write(async (scope) =>
      finishStep(scope, { ...base, status: 'failed', attempts: attemptsMade, error }),
    );
    if (step.onError === 'continue') return { kind: 'continued', output: null };
    return { kind: 'failed', error };
  }

  /** Runs `work` while polling the run's cancel flag, aborting `cancellation` when it is set. */
  async #withCancelWatch<T>(
    workspaceId: string,
    runId: string,
    cancellation: AbortController,
    work: () => Promise<T>,
  ) {
    const { store, cancelPollMilliseconds = 1000 } = this.#dependencies;
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
    tool: Tool,
    step: AgentStep,
    runData: Record<string, unknown>,
    call: {
      workspaceId: string;
      runId: string;
      attempt: number;
      logs: { level: string; message: string; fields?: Record<string, unknown> }[];
      cancellation: AbortController;
    },
  ): Promise<unknown> {
    const once = async (data: Record<string, unknown>, keySuffix: string) => {
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
      const signals = [call.cancellation.signal];
      if (step.timeoutMs) signals.push(AbortSignal.timeout(step.timeoutMs));
      const signal = AbortSignal.any(signals);
      const context: ToolContext = {
        workspaceId: call.workspaceId,
        runId: call.runId,
        stepId: step.id,
        attempt: call.attempt,
        idempotencyKey: `${call.runId}:${step.id}:${call.attempt}${keySuffix}`,
        signal,
        network: this.#dependencies.network,
        runData: data,
        logger: {
          info: (message, fields) => void call.logs.push({ level: 'info', message, fields }),
          warn: (message, fields) => void call.logs.push({ level: 'warn', message, fields }),
        },
      };
      const timeoutMs = step.timeoutMs;
      // A tool that ignores its signal still ends the step on cancel or timeout.
      return Promise.race([
        tool.run(parsed.data, context),
        new Promise<never>((_, reject) => {
          const onAbort = () =>
            reject(
              call.cancellation.signal.aborted
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
      ]);
    };

    if (!step.forEach) return once(runData, '');
    const items = await evaluateExpression(step.forEach.items, runData, `steps.${step.id}.forEach.items`);
    const list = items === undefined || items === null ? [] : Array.isArray(items) ? items : [items];
    const { as, concurrency } = step.forEach;
    return mapWithConcurrency(list, concurrency, (item, index) =>
      once({ ...runData, [as]: item, index }, `:${index}`),
    );
  }
}
