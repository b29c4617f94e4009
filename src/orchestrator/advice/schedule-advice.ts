// Advice to run a scheduled agent less often when its runs keep giving the same output; and for
// an agent whose runs spend many LLM tokens, a cheaper model on its llm.generate steps when one
// is known (cheaper-models.ts), else a slower schedule.
import type { AgentSpec } from '../../domain/agent-spec.ts';
import { type Adviser, runsSinceScheduled, slowerSchedulePlan, suggestionId } from './advice-context.ts';
import { cheaperModel } from './cheaper-models.ts';

/** This many succeeded runs in a row with one output say the schedule is faster than the data. */
export const unchangedRuns = 5;

/** LLM tokens per run, on average over its recent runs, above which a run is costly. */
export const costlyTokensPerRun = 20_000;
/** Runs with token counts needed before the average counts. */
const costRuns = 3;

export const neverChanges: Adviser = ({ agent, runs, input }) => {
  const schedule = agent.schedule;
  if (agent.status !== 'active' || !schedule?.enabled) return undefined;
  // A watcher (a step that runs only when something holds, such as "notify when it changed")
  // is quiet by design: the same output every run is it working, not waste.
  if (agent.spec.steps.some((step) => step.if !== undefined)) return undefined;
  const succeeded = runsSinceScheduled(runs, schedule)
    .filter((run) => run.status === 'succeeded')
    .slice(0, unchangedRuns);
  if (succeeded.length < unchangedRuns) return undefined;
  // Compared by the hash the store computes, so a large output is never read for this. Runs
  // without output are left out: such an agent works by what it does (a message, a file).
  const outputs = new Set(succeeded.map((run) => run.outputHash));
  if (outputs.size !== 1 || outputs.has(null)) return undefined;
  const figures = `The last ${succeeded.length} successful runs of "${agent.name}" since it was scheduled ${schedule.description} all gave the same output`;
  const reference = { agentId: agent.id, agentName: agent.name };
  const slower = slowerSchedulePlan(agent, input.now);
  if (!slower)
    return {
      id: suggestionId('never_changes', agent, schedule.cron, 'pause'),
      kind: 'never_changes',
      ...reference,
      reason: `${figures}, and it runs as seldom as a schedule advice goes. Pausing it until what it watches changes would likely miss nothing; resume it any time.`,
      plan: {
        summary: `Pause "${agent.name}", whose output has not changed.`,
        questions: [],
        operations: [{ type: 'pauseAgent', ...reference }],
      },
    };
  return {
    id: suggestionId('never_changes', agent, slower.cron),
    kind: 'never_changes',
    ...reference,
    reason: `${figures}. Running it ${slower.to} instead of ${slower.from} would likely miss nothing.`,
    plan: slower.plan,
  };
};

/** The spec with each llm.generate step moved to its cheaper model, and what changed. */
function withCheaperModels(spec: AgentSpec, llm: { provider: string; modelName: string }) {
  const changes: { stepId: string; from: string; to: string }[] = [];
  const steps = spec.steps.map((step) => {
    if (step.tool !== 'llm.generate') return step;
    const named = step.with.model;
    // A model written as a template is chosen by each run: not this advice's to change.
    if (typeof named === 'string' && named.includes('{{')) return step;
    const current = typeof named === 'string' ? named : llm.modelName;
    const cheaper = cheaperModel(llm.provider, current);
    if (!cheaper) return step;
    changes.push({ stepId: step.id, from: current, to: cheaper });
    return { ...step, with: { ...step.with, model: cheaper } };
  });
  return { spec: { ...spec, steps }, changes };
}

export const costlyRuns: Adviser = ({ agent, runs, input }) => {
  if (agent.status !== 'active') return undefined;
  if (!agent.spec.steps.some((step) => step.tool === 'llm.generate')) return undefined;
  const counted = (agent.schedule ? runsSinceScheduled(runs, agent.schedule) : runs).filter(
    (run) => run.usage,
  );
  if (counted.length < costRuns) return undefined;
  const tokens = counted.reduce(
    (sum, run) => sum + (run.usage?.inputTokens ?? 0) + (run.usage?.outputTokens ?? 0),
    0,
  );
  const average = Math.round(tokens / counted.length);
  if (average <= costlyTokensPerRun) return undefined;
  const figures = `"${agent.name}" spent ${average.toLocaleString('en-US')} LLM tokens per run on average over its last ${counted.length} runs (${tokens.toLocaleString('en-US')} in all; more than ${costlyTokensPerRun.toLocaleString('en-US')} is costly)`;
  const cheaper = input.llm ? withCheaperModels(agent.spec, input.llm) : undefined;
  if (cheaper && cheaper.changes.length > 0) {
    const moves = cheaper.changes.map(
      (change) => `step "${change.stepId}" from ${change.from} to ${change.to}`,
    );
    return {
      id: suggestionId('cost', agent, 'model', ...cheaper.changes.map((change) => change.to)),
      kind: 'cost',
      agentId: agent.id,
      agentName: agent.name,
      reason: `${figures}. A cheaper model of the same provider costs far less per token: move ${moves.join(', ')}, and check a test run's output still does.`,
      plan: {
        summary: `Use a cheaper model in "${agent.name}": ${moves.join(', ')}.`,
        questions: [],
        operations: [
          {
            type: 'updateAgent',
            agentId: agent.id,
            agentName: agent.name,
            expectedVersion: agent.version,
            spec: cheaper.spec as unknown as Record<string, unknown>,
            before: agent.spec as unknown as Record<string, unknown>,
          },
        ],
      },
    };
  }
  if (!agent.schedule) return undefined;
  const slower = slowerSchedulePlan(agent, input.now);
  if (!slower) return undefined;
  return {
    id: suggestionId('cost', agent, slower.cron),
    kind: 'cost',
    agentId: agent.id,
    agentName: agent.name,
    reason: `${figures}, running ${agent.schedule.description}. No cheaper model of ${input.llm ? `${input.llm.provider}:${input.llm.modelName}` : 'the configured LLM'} is known, so running it ${slower.to} instead of ${slower.from} is what cuts the spend.`,
    plan: slower.plan,
  };
};
