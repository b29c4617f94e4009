// Proactive advice: patterns in the workspace's agents and runs that a plan could improve, each
// with the figures that prompted it and the plan to accept. Advice is computed when asked for,
// from the runs as they are; a dismissed suggestion is not made again (until the agent changes,
// which gives it a new id). Each kind of advice is one adviser in advice/: repeated failures and
// agents that never run (failure-advice.ts), a step that dominates the cost (costly-step.ts),
// costly runs and unchanged output (schedule-advice.ts), splits and chains. Which suggestions a
// person has been shown is kept per person (suggestion_views), so the chat raises new advice
// once, "Since you were last here", and never a dismissed one.
import type { RecentRun, StepFigures } from '../../store/run-repository.ts';
import type { Adviser, AdvisorInput, Suggestion } from './advice-context.ts';
import { handFedRuns } from './chain-advice.ts';
import { costlyStep } from './costly-step.ts';
import { neverRuns, repeatedFailures } from './failure-advice.ts';
import { costlyRuns, neverChanges } from './schedule-advice.ts';
import { selectorChanged } from './selector-advice.ts';
import { tooManySteps } from './split-advice.ts';

export { type AdvisorInput, type Suggestion, suggestionKinds } from './advice-context.ts';

const advisers: Adviser[] = [
  repeatedFailures,
  neverRuns,
  tooManySteps,
  handFedRuns,
  costlyStep,
  costlyRuns,
  neverChanges,
  selectorChanged,
];

/** One piece of cost advice per agent: the step that dominates says more than the run's total. */
function oneCostAdvice(suggestions: Suggestion[]): Suggestion[] {
  const pinned = suggestions.some((suggestion) => suggestion.kind === 'costly_step');
  return pinned ? suggestions.filter((suggestion) => suggestion.kind !== 'cost') : suggestions;
}

export function advise(input: AdvisorInput): Suggestion[] {
  const statsOf = new Map(input.stats.map((stats) => [stats.agentId, stats]));
  const runsByAgent = new Map<string, RecentRun[]>();
  for (const run of input.recentRuns)
    runsByAgent.set(run.agentId, [...(runsByAgent.get(run.agentId) ?? []), run]);
  const runsOf = (agentId: string) => runsByAgent.get(agentId) ?? [];
  const stepsByAgent = new Map<string, StepFigures[]>();
  for (const step of input.stepFigures ?? [])
    stepsByAgent.set(step.agentId, [...(stepsByAgent.get(step.agentId) ?? []), step]);
  return input.snapshot.agents.flatMap((agent) =>
    oneCostAdvice(
      advisers
        .map((adviser) =>
          adviser({
            agent,
            stats: statsOf.get(agent.id),
            runs: runsOf(agent.id),
            steps: stepsByAgent.get(agent.id) ?? [],
            input,
            runsOf,
          }),
        )
        .filter((suggestion) => suggestion !== undefined),
    ),
  );
}
