// Starts the runs of an agent's chains when one of its runs ends, inside the transaction that
// records the end: the chained runs and their queue jobs exist exactly when the end does, so a
// crash can neither lose a chained run nor start one twice. The mapping (JSONata over the
// parent's output) is evaluated here; a mapping that fails, or an input the next agent refuses,
// gives a chained run that fails at once with the reason and the parent's output attached.

import { describeSpecIssues } from '../domain/agent-spec.ts';
import { inExpressionLane } from '../expressions/evaluation-lane.ts';
import type { RunQueue } from '../queue/run-queue.ts';
import type { RunEnding } from '../runtime/run-executor.ts';
import { insertFailedRun, queueFull, type RunOrigin, startRun } from '../runtime/run-starter.ts';
import { evaluateExpression } from '../runtime/template-evaluator.ts';
import { ToolError } from '../runtime/tool-error.ts';
import { findAgent } from '../store/agent-repository.ts';
import { type ChainRecord, chainsFrom } from '../store/chain-repository.ts';
import { appendRunEvent, type RunRecord } from '../store/run-repository.ts';
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
    let started = 0;
    for (const chain of chains) {
      if (await this.#startOne(scope, parent, ending, chain)) started++;
    }
    return started;
  }

  /** Starts the run one chain asks for; answers whether it was queued. */
  async #startOne(scope: WorkspaceScope, parent: RunRecord, ending: RunEnding, chain: ChainRecord) {
    const depth = parent.chainDepth + 1;
    const origin: RunOrigin = {
      trigger: 'chain',
      parentRunId: parent.id,
      chainId: chain.id,
      chainDepth: depth,
      createdBy: parent.createdBy ?? undefined,
    };
    const failureDetails = { parentRunId: parent.id, parentOutput: ending.output ?? null };
    const mapped = await this.#mappedInput(parent, ending, chain, depth);
    if ('failure' in mapped) {
      const target = await findAgent(scope, chain.toAgentId);
      if (target && target.status !== 'paused') {
        await insertFailedRun(
          scope,
          { agent: target, input: {}, origin },
          { ...mapped.failure, details: { ...mapped.failure.details, ...failureDetails } },
        );
      } else if (target) {
        await this.#reportPaused(scope, parent, target.name);
      }
      return false;
    }
    const start = await startRun(scope, this.#options.runQueue, {
      agent: { id: chain.toAgentId },
      input: mapped.input,
      origin,
    });
    switch (start.outcome) {
      case 'started':
        return true;
      case 'agent_missing':
        return false;
      case 'agent_paused':
        await this.#reportPaused(scope, parent, start.agent.name);
        return false;
      case 'invalid_input':
        await insertFailedRun(
          scope,
          { agent: start.agent, input: mapped.input, origin },
          {
            code: 'invalid_input',
            message: `The chain's mapped input does not match the input schema of "${start.agent.name}": ${describeSpecIssues(start.issues)}. Change the chain's mapping.`,
            details: failureDetails,
          },
        );
        return false;
      case 'insufficient_credits':
        await insertFailedRun(
          scope,
          { agent: start.agent, input: mapped.input, origin },
          {
            code: 'insufficient_credits',
            message: `The chain did not start "${start.agent.name}": ${start.shortfall.message}`,
            details: {
              ...failureDetails,
              needed: start.shortfall.needed,
              available: start.shortfall.available,
            },
          },
        );
        return false;
      case 'queue_full':
        // Recorded like an unpaid start: the chained run is there, failed, saying why, and can be
        // retried once the queue has drained.
        await insertFailedRun(
          scope,
          { agent: start.agent, input: mapped.input, origin },
          {
            code: 'queue_full',
            message: `The chain did not start "${start.agent.name}": ${queueFull(start.backlog).message}`,
            details: { ...failureDetails, waiting: start.backlog.waiting, limit: start.backlog.limit },
          },
        );
        return false;
    }
  }

  async #reportPaused(scope: WorkspaceScope, parent: RunRecord, agentName: string) {
    await appendRunEvent(scope, parent.id, 'log', {
      level: 'warn',
      message: `The chain to "${agentName}" did not start it: the agent is paused.`,
    });
  }

  /** The next run's input, or why there is none: the chain is too deep, or its mapping failed. */
  async #mappedInput(
    parent: RunRecord,
    ending: RunEnding,
    chain: ChainRecord,
    depth: number,
  ): Promise<{ input: Record<string, unknown> } | { failure: StoredError }> {
    if (depth > this.#options.maximumDepth) {
      return {
        failure: {
          code: 'chain_depth_exceeded',
          message: `${depth} chained runs in a row is more than the limit of ${this.#options.maximumDepth}; this one did not start.`,
        },
      };
    }
    const mapping = chain.mapping;
    if (!mapping) return { input: unmappedInput(ending.output) };
    const data = {
      output: ending.output ?? null,
      input: parent.input,
      run: { id: parent.id, agentId: parent.agentId, status: ending.status, error: ending.error ?? null },
    };
    try {
      return {
        input: unmappedInput(
          // Inside the transaction that ends the first run (on PGlite, on the one connection
          // everything shares): the expression limits stop a runaway mapping within its time.
          await inExpressionLane(parent.workspaceId, () =>
            evaluateExpression(mapping, data, 'The chain mapping'),
          ),
        ),
      };
    } catch (error) {
      return {
        failure: {
          code: 'chain_mapping_failed',
          message: `${error instanceof Error ? error.message : String(error)} Change the chain's mapping.`,
          details:
            error instanceof ToolError && error.code === 'expression_limit' ? error.details : undefined,
        },
      };
    }
  }
}
