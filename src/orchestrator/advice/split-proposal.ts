// Splitting one agent into two chained agents, as a plan: what the split advice suggests for an
// agent with too many steps, and what a person gets who asks to split an agent in chat. When an
// agent cannot be split, the reason says why in words, for the person who asked.
import type { PlannedChange, PlanOperation } from '../../domain/plan.ts';
import type { WorkspaceSnapshot } from '../planner.ts';
import { schedulePreview } from '../schedule-preview.ts';
import { middleSplit, splitAgent } from './agent-split.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

export type SplitProposal =
  | { kind: 'plan'; reason: string; plan: PlannedChange }
  | { kind: 'refused'; reason: string };

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

/** The two agents `agent` splits into, chained, with its schedule moved to the first; or why not. */
export function proposeSplit(
  agent: SnapshotAgent,
  snapshot: WorkspaceSnapshot,
  now: Date,
  why = '',
): SplitProposal {
  const steps = agent.spec.steps;
  if (steps.length < 2)
    return {
      kind: 'refused',
      reason: `"${agent.name}" has only ${steps.length} step${steps.length === 1 ? '' : 's'}: there is nothing to split it into.`,
    };
  // The original is paused by the split: chains into or out of it would stop, and what it keeps
  // in its own memory (files it has downloaded, the page it last saw) would not follow it into
  // two new agents. Such agents are left whole rather than split into something that behaves
  // differently.
  const chain = snapshot.chains.find(
    (candidate) => candidate.fromAgentId === agent.id || candidate.toAgentId === agent.id,
  );
  if (chain) {
    const other = snapshot.agents.find(
      (candidate) => candidate.id === (chain.fromAgentId === agent.id ? chain.toAgentId : chain.fromAgentId),
    );
    return {
      kind: 'refused',
      reason: `"${agent.name}" is chained ${chain.fromAgentId === agent.id ? 'to' : 'from'} "${other?.name ?? 'another agent'}": splitting it would pause it and stop that chain. Unchain them first if you still want it split.`,
    };
  }
  const keepsMemory = steps.some(
    (step) =>
      step.tool.startsWith('memory.') && (step.with as { scope?: unknown } | undefined)?.scope === 'agent',
  );
  if (keepsMemory)
    return {
      kind: 'refused',
      reason: `"${agent.name}" keeps what it remembers between runs in its own memory; two new agents would each start with an empty one, so it would behave differently split.`,
    };
  const at = middleSplit(agent.spec);
  const taken = new Set(snapshot.agents.map((candidate) => candidate.name.toLowerCase()));
  const first = partName(agent.name, 1, taken);
  const split =
    at === undefined
      ? undefined
      : splitAgent(agent.spec, at, [
          first,
          partName(agent.name, 2, new Set([...taken, first.toLowerCase()])),
        ]);
  if (at === undefined || !split)
    return {
      kind: 'refused',
      reason: `"${agent.name}" has no point where its later steps need only the output of the step before them: each part would need what the other part reads (earlier steps' outputs or the run's input), so it cannot be split into two agents that do the same.`,
    };
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
  let scheduled = '';
  if (schedule?.enabled) {
    const preview = schedulePreview({ cron: schedule.cron, timezone: schedule.timezone }, undefined, now);
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
    scheduled = `; "${split.first.name}" runs ${preview.description}`;
  }
  // A paused agent stays paused: only an active one is paused by the split.
  if (agent.status === 'active')
    operations.push({ type: 'pauseAgent', agentId: agent.id, agentName: agent.name });
  const firstSteps = steps.slice(0, at);
  const count = (number: number) => `${number} step${number === 1 ? '' : 's'}`;
  const later =
    steps.length - at === 1
      ? `Its step ${steps[at]?.id} uses`
      : `Its steps ${steps[at]?.id} to ${steps.at(-1)?.id} use`;
  return {
    kind: 'plan',
    reason: `${why}${later} nothing of the ${count(firstSteps.length)} before ${steps.length - at === 1 ? 'it' : 'them'} but the output of "${split.handOff}", so it splits cleanly into "${split.first.name}" (${count(firstSteps.length)}) and "${split.second.name}" (${count(steps.length - at)}), chained so the second starts with the first's output${schedule?.enabled ? ' on the same schedule' : ''}. "${agent.name}" is ${agent.status === 'active' ? 'paused' : 'left paused'}, not deleted.`,
    plan: {
      summary: `Split "${agent.name}" into "${split.first.name}" and "${split.second.name}", chained${scheduled}${agent.status === 'active' ? `; pause "${agent.name}"` : ''}.`,
      questions: [],
      operations,
    },
  };
}
