// agent.call's engine: starts a run of another agent of the workspace and executes it right here,
// in the caller's worker. Executing inline (rather than queueing and waiting) means a caller
// never holds a worker while its callee waits for one, so calls cannot starve the pool. The call
// is recorded by its key: after a crash the caller's replay finds the run it started and resumes it.
import { describeSpecIssues } from '../domain/agent-spec.ts';
import { isUuid } from '../domain/slug.ts';
import { type AgentRecord, findAgent } from '../store/agent-repository.ts';
import { findRun, findRunByCallKey, type RunRecord, requestCancel } from '../store/run-repository.ts';
import type { Store } from '../store/store.ts';
import type { RunExecutor } from './run-executor.ts';
import { startRun } from './run-starter.ts';
import { SuspendRun } from './tool.ts';
import { ToolError } from './tool-error.ts';
import type { AgentCaller, AgentCallResult } from './tool-services.ts';

export interface AgentCallerOptions {
  store: Store;
  executor: RunExecutor;
  workspaceId: string;
  /** The calling run, and the agents above it when it was itself called. */
  /** The calling run; its chain depth passes on, so calls and chains together cannot loop forever. */
  parent: { id: string; agentId: string; callChain: string[]; chainDepth: number };
  maximumDepth: number;
}

const terminal = new Set(['succeeded', 'failed', 'cancelled']);

export function agentCaller(options: AgentCallerOptions): AgentCaller {
  const { store, executor, workspaceId, parent } = options;
  const chain = [...parent.callChain, parent.agentId];

  /** Checks only a call makes: no loops, no deeper than allowed. */
  function vetCall(agent: AgentRecord) {
    if (chain.includes(agent.id)) {
      throw new ToolError(
        'agent_cycle',
        `Calling "${agent.name}" here would make a loop: it is already running further up this chain of calls.`,
        { details: { chain: [...chain, agent.id] } },
      );
    }
    if (chain.length >= options.maximumDepth) {
      throw new ToolError(
        'depth_limit',
        `Agents may call agents at most ${options.maximumDepth} levels deep; calling "${agent.name}" would go deeper.`,
      );
    }
  }

  async function startOrFind(agentReference: string, input: Record<string, unknown>, key: string) {
    return store.inWorkspace(workspaceId, async (scope) => {
      const existing = await findRunByCallKey(scope, key);
      if (existing) return existing;
      // The caller executes the run itself, right below: no job.
      const start = await startRun(scope, 'inline', {
        agent: isUuid(agentReference) ? { id: agentReference } : { name: agentReference },
        input,
        origin: {
          trigger: 'agent',
          parentRunId: parent.id,
          chainDepth: parent.chainDepth,
          callChain: chain,
          callKey: key,
        },
        vet: vetCall,
      });
      switch (start.outcome) {
        case 'started':
          return start.run;
        case 'agent_missing':
          throw new ToolError(
            'not_found',
            `There is no agent "${agentReference}" in this workspace. Give the name or id of one of its agents.`,
          );
        case 'agent_paused':
          throw new ToolError(
            'agent_paused',
            `The agent "${start.agent.name}" is paused. Resume it, or call another agent.`,
          );
        case 'invalid_input':
          throw new ToolError(
            'invalid_input',
            `The input for "${start.agent.name}" does not match its input schema: ${describeSpecIssues(start.issues)}.`,
            { details: { issues: start.issues } },
          );
        case 'insufficient_credits':
          throw new ToolError('insufficient_credits', start.shortfall.message, {
            details: { needed: start.shortfall.needed, available: start.shortfall.available },
          });
        case 'queue_full':
          throw new Error('an agent call runs inline, so the queue’s backlog never refuses it');
      }
    });
  }

  async function result(run: RunRecord): Promise<AgentCallResult> {
    const agent = await store.inWorkspace(workspaceId, (scope) => findAgent(scope, run.agentId));
    return {
      runId: run.id,
      agentId: run.agentId,
      agentName: agent?.name ?? run.agentId,
      status: run.status as AgentCallResult['status'],
      output: run.output,
      error: run.error ?? null,
    };
  }

  return {
    async call({ agent, input, key, signal }) {
      const started = await startOrFind(agent, input, key);
      if (terminal.has(started.status)) return result(started);
      // The caller's cancel reaches the callee through the callee's own cancel flag.
      const cancelCallee = () =>
        void store
          .inWorkspace(workspaceId, (scope) => requestCancel(scope, started.id))
          .catch(() => undefined);
      signal.addEventListener('abort', cancelCallee, { once: true });
      try {
        const outcome = await executor.execute(workspaceId, started.id, { inline: true });
        const finished = await store.inWorkspace(workspaceId, (scope) => findRun(scope, started.id));
        if (!finished)
          throw new ToolError('not_found', 'The called run disappeared (was its agent deleted?).');
        if (finished.status === 'waiting' && finished.resumeAt) {
          // The callee waits; so does its caller, and resuming the caller resumes the callee.
          throw new SuspendRun(finished.resumeAt, { calleeRunId: finished.id });
        }
        if (!terminal.has(finished.status)) {
          throw new ToolError(
            'agent_busy',
            `The called run ${finished.id} is being executed elsewhere (${outcome}); trying again.`,
            { retryable: true },
          );
        }
        return result(finished);
      } finally {
        signal.removeEventListener('abort', cancelCallee);
      }
    },
  };
}
