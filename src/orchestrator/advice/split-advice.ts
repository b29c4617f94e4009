// Advice to split an agent with too many steps into two agents chained one after the other, at
// a point where the second part needs nothing of the first but its last step's output. The
// original is paused, not deleted: undoing the plan, or resuming it, brings it back as it was.
import { type Adviser, suggestionId } from './advice-context.ts';
import { proposeSplit } from './split-proposal.ts';

/** More steps than this is more than one person can review at a glance: worth two agents. */
export const maximumSteps = 12;

export const tooManySteps: Adviser = ({ agent, input }) => {
  const steps = agent.spec.steps;
  if (agent.status !== 'active' || steps.length <= maximumSteps) return undefined;
  const proposal = proposeSplit(
    agent,
    input.snapshot,
    input.now,
    `"${agent.name}" has ${steps.length} steps (more than ${maximumSteps}). `,
  );
  if (proposal.kind === 'refused') return undefined;
  return {
    id: suggestionId('split', agent),
    kind: 'split',
    agentId: agent.id,
    agentName: agent.name,
    reason: proposal.reason,
    plan: proposal.plan,
  };
};
