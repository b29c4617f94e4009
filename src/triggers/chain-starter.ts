// Starts the runs of an agent's chains when one of its runs ends, inside the transaction that
// records the end: the chained runs and their queue jobs exist exactly when the end does, so a
// crash can neither lose a chained run nor start one twice. The mapping (JSONata over the
// parent's output) is evaluated here; a mapping that fails, or an input the next agent refuses,
// gives a chained run that fails at once with the reason and the parent's output attached.
import { describeSpecIssues, runInputIssues } from '../domain/agent-spec.ts';
import type { RunJob, RunQueue } from '../queue/run-queue.ts';
import type { RunEnding } from '../runtime/run-executor.ts';
import { evaluateExpression } from '../runtime/template-evaluator.ts';
import { ToolError } from '../runtime/tool-error.ts';
import { findAgent } from '../store/agent-repository.ts';
import { type ChainRecord, chainsFrom } from '../store/chain-repository.ts';
import { appendRunEvent, finishRun, insertRun, type RunRecord } from '../store/run-repository.ts';
import type { StoredError } from '../store/schema.ts';
import type { WorkspaceScope } from '../store/store.ts';

export interface ChainStarterOptions {
  runQueue: RunQueue;
  /** How many chained runs may follow one another from a first run. */
  maximumDepth?: number;
}

export const defaultMaximumChainDepth = 10;

function applies(chain: ChainRecord, status: RunEnding['status']) {
  return chain.on === 'always' || (chain.on === 'success') === (status === 'succeeded');
}

/** Without a mapping, an object output is the next input as is; anything else goes in `output`. */
function unmappedInput(output: unknown): Record<string, unknown> {
  return output !== null && typeof output === 'object' && !Array.isArray(output)
    ? (output as Record<string, unknown>)
    : { output: output ?? null };
}

export class ChainStarter {
  readonly #options: Required<ChainStarterOptions>;

  constructor(options: ChainStarterOptions) {
    this.#options = { maximumDepth: defaultMaximumChainDepth, ...options };
  }

  /** Called in the transaction that ends `parent`; answers how many chained runs were queued. */
  async startChainedRuns(scope: WorkspaceScope, parent: RunRecord, ending: RunEnding): Promise<number> {
    const chains = (await chainsFrom(scope, parent.agentId)).filter((chain) => applies(chain, ending.status));
    if (chains.length === 0) return 0;
    const jobs: RunJob[] = [];
    for (const chain of chains) {
      const runId = await this.#startOne(scope, parent, ending, chain);
      if (runId) jobs.push({ workspaceId: scope.workspaceId, runId, generation: 0 });
    }
    await this.#options.runQueue.enqueueInTransaction(scope.db, jobs);
    return jobs.length;
  }

  async #startOne(scope: WorkspaceScope, parent: RunRecord, ending: RunEnding, chain: ChainRecord) {
    const target = await findAgent(scope, chain.toAgentId);
    if (!target) return undefined;
    if (target.status === 'paused') {
      await appendRunEvent(scope, parent.id, 'log', {
        level: 'warn',
        message: `The chain to "${target.name}" did not start it: the agent is paused.`,
      });
      return undefined;
    }
    const depth = parent.chainDepth + 1;
    const data = {
      output: ending.output ?? null,
      input: parent.input,
      run: { id: parent.id, agentId: parent.agentId, status: ending.status, error: ending.error ?? null },
    };
    let input: Record<string, unknown> = {};
    let failure: StoredError | undefined;
    if (depth > this.#options.maximumDepth) {
      failure = {
        code: 'chain_depth_exceeded',
        message: `${depth} chained runs in a row is more than the limit of ${this.#options.maximumDepth}; this one did not start.`,
      };
    } else {
      try {
        const mapped = chain.mapping
          ? // Inside the transaction that ends the first run (on PGlite, on the one connection
            // everything shares): the expression limits stop a runaway mapping within its time.
            await evaluateExpression(chain.mapping, data, 'The chain mapping')
          : undefined;
        input = chain.mapping ? unmappedInput(mapped) : unmappedInput(ending.output);
        const issues = runInputIssues(target.spec, input);
        if (issues.length > 0) {
          failure = {
            code: 'invalid_input',
            message: `The chain's mapped input does not match the input schema of "${target.name}": ${describeSpecIssues(issues)}. Change the chain's mapping.`,
          };
        }
      } catch (error) {
        failure = {
          code: 'chain_mapping_failed',
          message: `${error instanceof Error ? error.message : String(error)} Change the chain's mapping.`,
          details:
            error instanceof ToolError && error.code === 'expression_limit' ? error.details : undefined,
        };
      }
    }
    const run = await insertRun(scope, {
      agentId: target.id,
      agentVersion: target.version,
      input,
      trigger: 'chain',
      parentRunId: parent.id,
      chainId: chain.id,
      chainDepth: depth,
      createdBy: parent.createdBy ?? undefined,
    });
    if (!failure) return run.id;
    await finishRun(scope, run.id, {
      status: 'failed',
      error: {
        ...failure,
        details: { ...failure.details, parentRunId: parent.id, parentOutput: ending.output ?? null },
      },
    });
    return undefined;
  }
}
