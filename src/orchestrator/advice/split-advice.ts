// Advice to split an agent with too many steps into two agents chained one after the other, at
// a point where the second part needs nothing of the first but its last step's output. The
// original is paused, not deleted: undoing the plan, or resuming it, brings it back as it was.
import type { PlanOperation } from '../../domain/plan.ts';
import { schedulePreview } from '../schedule-preview.ts';
import { type Adviser, suggestionId } from './advice-context.ts';
import { middleSplit, splitAgent } from './agent-split.ts';

/** More steps than this is more than one person can review at a glance: worth two agents. */
export const maximumSteps = 12;

const nameLimit = 80;

function partName(name: string, part: number, taken: ReadonlySet<string>): string {
  const suffix = ` (part ${part})`;
  const base = `${name.slice(0, nameLimit - suffix.length - 3)}${suffix}`;
  if (!taken.has(base.toLowerCase())) return base;
  for (let number = 2; ; number++) {
    const candidate = `${name.slice(0, nameLimit - suffix.length - 3 - String(number).length)}${suffix} ${number}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export const tooManySteps: Adviser = ({ agent, input }) => {
  const steps = agent.spec.steps;
  if (agent.status !== 'active' || steps.length <= maximumSteps) return undefined;
  // The original is paused by the split: chains into or out of it would stop, and what it keeps
  // in its own memory (files it has downloaded, the page it last saw) would not follow it into
  // two new agents. Such agents are left whole rather than split into something that behaves
  // differently.
  const chained = input.snapshot.chains.some(
    (chain) => chain.fromAgentId === agent.id || chain.toAgentId === agent.id,
  );
  const keepsMemory = steps.some(
    (step) =>
      step.tool.startsWith('memory.') && (step.with as { scope?: unknown } | undefined)?.scope === 'agent',
  );
  if (chained || keepsMemory) return undefined;
  const at = middleSplit(agent.spec);
  if (at === undefined) return undefined;
  const taken = new Set(input.snapshot.agents.map((candidate) => candidate.name.toLowerCase()));
  const first = partName(agent.name, 1, taken);
  const split = splitAgent(agent.spec, at, [
    first,
    partName(agent.name, 2, new Set([...taken, first.toLowerCase()])),
  ]);
  if (!split) return undefined;
  const operations: PlanOperation[] = [
    { type: 'createAgent', spec: split.first as unknown as Record<string, unknown> },
    { type: 'createAgent', spec: split.second as unknown as Record<string, unknown> },
    {
      type: 'chainAgents',
      from: { agentName: split.first.name },
      to: { agentName: split.second.name },
      on: 'success',
      mapping: split.mapping,
    },
  ];
  // The pipeline runs when the agent ran: its schedule moves to the first part.
  const schedule = agent.schedule;
  if (schedule?.enabled) {
    const preview = schedulePreview(
      { cron: schedule.cron, timezone: schedule.timezone },
      undefined,
      input.now,
    );
    operations.push({
      type: 'scheduleAgent',
      agentName: split.first.name,
      cron: schedule.cron,
      timezone: schedule.timezone,
      input: schedule.input,
      missed: schedule.missed,
      description: preview.description,
      nextRuns: preview.nextRuns,
      before: null,
    });
  }
  operations.push({ type: 'pauseAgent', agentId: agent.id, agentName: agent.name });
  const firstSteps = steps.slice(0, at);
  return {
    id: suggestionId('split', agent),
    kind: 'split',
    agentId: agent.id,
    agentName: agent.name,
    reason: `"${agent.name}" has ${steps.length} steps (more than ${maximumSteps}). Its steps ${steps[at]?.id} to ${steps.at(-1)?.id} use nothing of the ${firstSteps.length} before them but the output of "${split.handOff}", so it splits cleanly into "${split.first.name}" (${firstSteps.length} steps) and "${split.second.name}" (${steps.length - at} steps), chained so the second starts with the first's output${schedule?.enabled ? ' on the same schedule' : ''}. "${agent.name}" is paused, not deleted.`,
    plan: {
      summary: `Split "${agent.name}" into "${split.first.name}" and "${split.second.name}", chained; pause "${agent.name}".`,
      questions: [],
      operations,
    },
  };
};
