// Proactive advice: patterns in the workspace's agents and runs that a plan could improve, each
// with the figures that prompted it and the plan to accept. Advice is computed when asked for,
// from the runs as they are; a dismissed suggestion is not made again (until the agent changes,
// which gives it a new id). Each kind of advice is one adviser in advice/.
import type { RecentRun } from '../../store/run-repository.ts';
import type { Adviser, AdvisorInput, Suggestion } from './advice-context.ts';
import { handFedRuns } from './chain-advice.ts';
import { neverRuns, repeatedFailures } from './failure-advice.ts';
import { costlyRuns, neverChanges } from './schedule-advice.ts';
import { tooManySteps } from './split-advice.ts';

export { type AdvisorInput, type Suggestion, suggestionKinds } from './advice-context.ts';

const advisers: Adviser[] = [
  repeatedFailures,
  neverRuns,
  tooManySteps,
  handFedRuns,
  costlyRuns,
  neverChanges,
];

export function advise(input: AdvisorInput): Suggestion[] {
  const statsOf = new Map(input.stats.map((stats) => [stats.agentId, stats]));
  const runsByAgent = new Map<string, RecentRun[]>();
  for (const run of input.recentRuns)
    runsByAgent.set(run.agentId, [...(runsByAgent.get(run.agentId) ?? []), run]);
  const runsOf = (agentId: string) => runsByAgent.get(agentId) ?? [];
  return input.snapshot.agents.flatMap((agent) =>
    advisers
      .map((adviser) =>
        adviser({ agent, stats: statsOf.get(agent.id), runs: runsOf(agent.id), input, runsOf }),
      )
      .filter((suggestion) => suggestion !== undefined),
  );
}
