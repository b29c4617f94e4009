// Advice to run a scheduled agent less often: when its runs keep giving the same output, or
// when each run spends many LLM tokens. An llm.generate step cannot choose its model (ORCA_LLM
// sets one for every step), so a slower schedule is what cuts the spend.
import {
  type Adviser,
  canonicalJson,
  runsSinceScheduled,
  slowerSchedulePlan,
  suggestionId,
} from './advice-context.ts';

/** This many succeeded runs in a row with one output say the schedule is faster than the data. */
export const unchangedRuns = 5;

/** LLM tokens per run, on average over its recent runs, above which a run is costly. */
export const costlyTokensPerRun = 20_000;
/** Runs with token counts needed before the average counts. */
const costRuns = 3;

export const neverChanges: Adviser = ({ agent, runs, input }) => {
  if (agent.status !== 'active' || !agent.schedule) return undefined;
  const succeeded = runsSinceScheduled(runs, agent.schedule)
    .filter((run) => run.status === 'succeeded')
    .slice(0, unchangedRuns);
  if (succeeded.length < unchangedRuns) return undefined;
  const outputs = new Set(succeeded.map((run) => canonicalJson(run.output)));
  if (outputs.size !== 1) return undefined;
  const slower = slowerSchedulePlan(agent, input.now);
  if (!slower) return undefined;
  return {
    id: suggestionId('never_changes', agent, slower.cron),
    kind: 'never_changes',
    agentId: agent.id,
    agentName: agent.name,
    reason: `The last ${succeeded.length} runs of "${agent.name}" since it was scheduled ${agent.schedule.description} all gave the same output. Running it ${slower.to} instead of ${slower.from} would likely miss nothing.`,
    plan: slower.plan,
  };
};

export const costlyRuns: Adviser = ({ agent, runs, input }) => {
  if (agent.status !== 'active' || !agent.schedule) return undefined;
  if (!agent.spec.steps.some((step) => step.tool === 'llm.generate')) return undefined;
  const counted = runsSinceScheduled(runs, agent.schedule).filter((run) => run.usage);
  if (counted.length < costRuns) return undefined;
  const tokens = counted.reduce(
    (sum, run) => sum + (run.usage?.inputTokens ?? 0) + (run.usage?.outputTokens ?? 0),
    0,
  );
  const average = Math.round(tokens / counted.length);
  if (average <= costlyTokensPerRun) return undefined;
  const slower = slowerSchedulePlan(agent, input.now);
  if (!slower) return undefined;
  return {
    id: suggestionId('cost', agent, slower.cron),
    kind: 'cost',
    agentId: agent.id,
    agentName: agent.name,
    reason: `"${agent.name}" spent ${average.toLocaleString('en-US')} LLM tokens per run on average over its last ${counted.length} runs (${tokens.toLocaleString('en-US')} in all; more than ${costlyTokensPerRun.toLocaleString('en-US')} is costly), running ${agent.schedule.description}. Its llm.generate steps cannot choose a cheaper model (ORCA_LLM sets one for all), so running it ${slower.to} instead of ${slower.from} is what cuts the spend.`,
    plan: slower.plan,
  };
};
