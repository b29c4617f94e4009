// The LLM planner's schedule and chain operations, checked like anything a user sends: agents
// found by their exact names (or created earlier in the plan), schedules read and previewed as
// the built-in planner does, mappings parsed, loops refused. A problem goes back to the model to
// repair; it never reaches a plan.
import { cycleClosedBy } from '../../domain/chain-graph.ts';
import { OrcaError } from '../../domain/errors.ts';
import type { ChainConditionName, PlanOperation } from '../../domain/plan.ts';
import { checkMapping } from '../../triggers/chain-rules.ts';
import { parseRunAt, refusePast } from '../../triggers/one-off-settings.ts';
import { onceInWords } from '../builtin/one-off-planning.ts';
import { scheduleState } from '../builtin/schedule-planning.ts';
import type { PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { chosenTimezone, schedulePreview } from '../schedule-preview.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

export const triggerOperationTypes = [
  'scheduleAgent',
  'unscheduleAgent',
  'chainAgents',
  'unchainAgents',
] as const;

export type TriggerOperationType = (typeof triggerOperationTypes)[number];

/** A schedule or chain operation as the model writes it. */
export interface LlmTriggerOperation {
  type: TriggerOperationType;
  agent?: string;
  from?: string;
  to?: string;
  on?: ChainConditionName;
  mapping?: string;
  cron?: string;
  text?: string;
  runAt?: string;
  timezone?: string;
  input?: Record<string, unknown>;
  missed?: 'skip' | 'run_once';
}

export interface TriggerPlanContext {
  request: PlannerRequest;
  /** An existing agent by id or exact name. */
  find(reference: string | undefined): SnapshotAgent | undefined;
  /** Agents created earlier in the plan: lower-case name → name. */
  created: ReadonlyMap<string, string>;
  /** Chains of the workspace and of this plan so far, to refuse loops (agents by id or new name). */
  chains: { fromAgentId: string; toAgentId: string }[];
}

type Outcome = { operation: PlanOperation } | { problem: string };

interface Target {
  agentId?: string;
  agentName: string;
  agent?: SnapshotAgent;
}

function target(reference: string | undefined, context: TriggerPlanContext): Target | undefined {
  const createdName = reference ? context.created.get(reference.trim().toLowerCase()) : undefined;
  if (createdName) return { agentName: createdName };
  const agent = context.find(reference);
  return agent && { agentId: agent.id, agentName: agent.name, agent };
}

function noAgent(reference: string | undefined) {
  return {
    problem: `there is no agent "${reference ?? ''}"; use the exact name of one of the workspace’s agents, or of one this plan creates`,
  };
}

/** One run at one time: the time must read and be ahead, shown in words in the user's zone. */
function oneOff(
  operation: LlmTriggerOperation & { runAt: string },
  found: Target,
  context: TriggerPlanContext,
): Outcome {
  if (operation.cron !== undefined || operation.text !== undefined) {
    return { problem: 'give `runAt` for one run, or `cron` or `text` for a schedule, not both' };
  }
  let at: Date;
  let timezone: string;
  try {
    at = parseRunAt(operation.runAt);
    refusePast(at, context.request.now ?? new Date());
    timezone = chosenTimezone(operation.timezone, context.request.snapshot.timezone).timezone;
  } catch (error) {
    if (error instanceof OrcaError) return { problem: error.message };
    throw error;
  }
  const schema = (found.agent?.spec.input ?? {}) as { required?: string[] };
  const missing = (schema.required ?? []).filter((field) => !(field in (operation.input ?? {})));
  if (missing.length > 0) {
    return { problem: `"${found.agentName}" needs ${missing.join(', ')} in \`input\` for that run` };
  }
  return {
    operation: {
      type: 'scheduleAgent',
      ...(found.agentId ? { agentId: found.agentId } : {}),
      agentName: found.agentName,
      runAt: at.toISOString(),
      timezone,
      ...(operation.input ? { input: operation.input } : {}),
      description: onceInWords(at, timezone, context.request.now ?? new Date()),
      nextRuns: [at.toISOString()],
    },
  };
}

function schedule(operation: LlmTriggerOperation, context: TriggerPlanContext): Outcome {
  const found = target(operation.agent, context);
  if (!found) return noAgent(operation.agent);
  const { runAt } = operation;
  if (runAt !== undefined) return oneOff({ ...operation, runAt }, found, context);
  if (operation.cron === undefined && operation.text === undefined) {
    return { problem: 'give the schedule as `text` (words such as "every weekday at 8am") or as `cron`' };
  }
  if (operation.cron !== undefined && operation.text !== undefined) {
    return { problem: 'give either `cron` or `text`, not both' };
  }
  let preview: ReturnType<typeof schedulePreview>;
  try {
    preview = schedulePreview(
      { cron: operation.cron, text: operation.text, timezone: operation.timezone },
      context.request.snapshot.timezone,
      context.request.now ?? new Date(),
    );
  } catch (error) {
    if (error instanceof OrcaError) return { problem: error.message };
    throw error;
  }
  const existing = found.agent?.schedule;
  const schema = (found.agent?.spec.input ?? {}) as { required?: string[] };
  const runInput = operation.input ?? existing?.input ?? {};
  const missing = (schema.required ?? []).filter((field) => !(field in runInput));
  if (missing.length > 0) {
    return {
      problem: `"${found.agentName}" needs ${missing.join(', ')} in \`input\` for its scheduled runs`,
    };
  }
  return {
    operation: {
      type: 'scheduleAgent',
      ...(found.agentId ? { agentId: found.agentId } : {}),
      agentName: found.agentName,
      ...(operation.cron !== undefined ? { cron: operation.cron } : { text: operation.text }),
      timezone: preview.timezone,
      ...(operation.input ? { input: operation.input } : {}),
      ...(operation.missed ? { missed: operation.missed } : {}),
      description: preview.description,
      nextRuns: preview.nextRuns,
      before: existing ? scheduleState(existing) : null,
    },
  };
}

function unschedule(operation: LlmTriggerOperation, context: TriggerPlanContext): Outcome {
  const agent = context.find(operation.agent);
  if (!agent) return noAgent(operation.agent);
  if (!agent.schedule) return { problem: `"${agent.name}" has no schedule to remove` };
  return {
    operation: {
      type: 'unscheduleAgent',
      agentId: agent.id,
      agentName: agent.name,
      before: scheduleState(agent.schedule),
    },
  };
}

function chain(operation: LlmTriggerOperation, context: TriggerPlanContext): Outcome {
  const from = target(operation.from, context);
  if (!from) return noAgent(operation.from);
  const to = target(operation.to, context);
  if (!to) return noAgent(operation.to);
  if (from.agentName === to.agentName) return { problem: 'a chain joins two different agents' };
  try {
    checkMapping(operation.mapping);
  } catch (error) {
    if (error instanceof OrcaError) return { problem: error.message };
    throw error;
  }
  const key = (side: Target) => side.agentId ?? `new:${side.agentName.toLowerCase()}`;
  const edge = { fromAgentId: key(from), toAgentId: key(to) };
  if (cycleClosedBy(context.chains, edge)) {
    return { problem: `chaining "${from.agentName}" to "${to.agentName}" would make a loop of chains` };
  }
  context.chains.push(edge);
  return {
    operation: {
      type: 'chainAgents',
      from: { ...(from.agentId ? { agentId: from.agentId } : {}), agentName: from.agentName },
      to: { ...(to.agentId ? { agentId: to.agentId } : {}), agentName: to.agentName },
      on: operation.on ?? 'success',
      ...(operation.mapping ? { mapping: operation.mapping } : {}),
    },
  };
}

function unchain(operation: LlmTriggerOperation, context: TriggerPlanContext): Outcome {
  const first = context.find(operation.from);
  if (!first) return noAgent(operation.from);
  const second = context.find(operation.to);
  if (!second) return noAgent(operation.to);
  // People say "unchain the reporter from the collector" either way round.
  const joined = context.request.snapshot.chains.find(
    (item) =>
      (item.fromAgentId === first.id && item.toAgentId === second.id) ||
      (item.fromAgentId === second.id && item.toAgentId === first.id),
  );
  if (!joined) return { problem: `"${first.name}" and "${second.name}" are not chained` };
  const [from, to] = joined.fromAgentId === first.id ? [first, second] : [second, first];
  return {
    operation: {
      type: 'unchainAgents',
      from: { agentId: from.id, agentName: from.name },
      to: { agentId: to.id, agentName: to.name },
    },
  };
}

export function triggerOperation(operation: LlmTriggerOperation, context: TriggerPlanContext): Outcome {
  switch (operation.type) {
    case 'scheduleAgent':
      return schedule(operation, context);
    case 'unscheduleAgent':
      return unschedule(operation, context);
    case 'chainAgents':
      return chain(operation, context);
    case 'unchainAgents':
      return unchain(operation, context);
  }
}
