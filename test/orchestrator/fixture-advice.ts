// The advisor's view of the fixture workspace: each agent's finished runs as the store reads them
// (fixture-runs.ts, with outputs given by a hash as the store computes one), the run counts the
// store derives from them, and what each step spent. Tests add runs or step figures per agent.
import { createHash } from 'node:crypto';
import type { AdvisorInput } from '../../src/orchestrator/advice/advice-context.ts';
import { canonicalJson } from '../../src/orchestrator/advice/advice-context.ts';
import type { WorkspaceSnapshot } from '../../src/orchestrator/planner.ts';
import type { AgentRunStats, RecentRun, StepFigures } from '../../src/store/run-repository.ts';
import { fixtureRuns } from './fixture-runs.ts';
import { agentId, fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

/** A run added by a test, newest first like fixtureRuns. */
export interface AdviceRun {
  at: string;
  status: 'succeeded' | 'failed';
  trigger?: RecentRun['trigger'];
  tokens?: number;
  input?: Record<string, unknown>;
  output?: unknown;
}

/** What a step spent over its agent's newest succeeded runs. */
export type AdviceStep = Omit<StepFigures, 'agentId'>;

const hash = (output: unknown) =>
  output === undefined || output === null
    ? null
    : createHash('md5').update(canonicalJson(output)).digest('hex');

function recentRun(name: string, run: AdviceRun): RecentRun {
  return {
    agentId: agentId(name),
    agentVersion: 1,
    trigger: run.trigger ?? 'manual',
    status: run.status,
    input: run.input ?? {},
    output: run.output ?? null,
    outputHash: hash(run.output),
    usage: run.tokens ? { inputTokens: run.tokens, outputTokens: 0 } : null,
    createdAt: new Date(run.at),
  };
}

/** Run counts as the store gives them: of the five newest finished runs, how many failed. */
function statsOf(id: string, runs: readonly RecentRun[]): AgentRunStats {
  const newest = runs.slice(0, 5);
  return {
    agentId: id,
    runs: runs.length,
    recentFailures: newest.filter((run) => run.status === 'failed').length,
    recentFinished: newest.length,
    lastRunAt: runs[0]?.createdAt ?? null,
  };
}

export function fixtureAdvice(
  options: {
    /** Runs per agent name, newest first, in place of the fixture's. */
    runs?: Record<string, AdviceRun[]>;
    steps?: Record<string, AdviceStep[]>;
    snapshot?: WorkspaceSnapshot;
    llm?: AdvisorInput['llm'];
  } = {},
): AdvisorInput {
  const snapshot = options.snapshot ?? fixtureSnapshot();
  const recentRuns = snapshot.agents.flatMap((agent) => {
    const given = options.runs?.[agent.name];
    const runs: AdviceRun[] =
      given ??
      (fixtureRuns[agent.name] ?? []).map((run) => ({
        at: run.at,
        status: run.status,
        trigger: run.trigger as RecentRun['trigger'],
        tokens: run.tokens,
      }));
    return runs.slice(0, 10).map((run) => recentRun(agent.name, run));
  });
  return {
    snapshot,
    stats: snapshot.agents.map((agent) =>
      statsOf(
        agent.id,
        recentRuns.filter((run) => run.agentId === agent.id),
      ),
    ),
    recentRuns,
    stepFigures: Object.entries(options.steps ?? {}).flatMap(([name, steps]) =>
      steps.map((step) => ({ agentId: agentId(name), ...step })),
    ),
    createdAt: new Map(snapshot.agents.map((agent) => [agent.id, new Date('2026-09-23T10:00:00Z')])),
    now: corpusNow,
    llm: options.llm,
  };
}

/** `count` runs a day apart, newest first, from `newest` (an ISO time) back. */
export function dailyRuns(newest: string, count: number, run: Omit<AdviceRun, 'at'>): AdviceRun[] {
  return Array.from({ length: count }, (_, index) => ({
    ...run,
    at: new Date(new Date(newest).getTime() - index * 86_400_000).toISOString(),
  }));
}
