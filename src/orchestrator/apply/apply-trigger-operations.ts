// Applying a plan's schedule and chain operations, inside the plan's transaction, with the same
// rules as the schedule and chain API (words or cron in a time zone, mappings that parse, no
// loops); and undoing them, which puts back what was there unless someone changed it since.
import { conflict, ruleViolated } from '../../domain/errors.ts';
import type { PlanOperation, ScheduleState } from '../../domain/plan.ts';
import { findAgent, findAgentByName } from '../../store/agent-repository.ts';
import { type AuditActor, recordAudit } from '../../store/audit-repository.ts';
import {
  type ChainRecord,
  deleteChain,
  findChainBetween,
  insertChain,
  listChains,
  updateChain,
} from '../../store/chain-repository.ts';
import { type HookSnapshot, restoreHook, snapshotHooks } from '../../store/hook-repository.ts';
import {
  deletePendingOneOffRun,
  insertOneOffRun,
  listOneOffRuns,
} from '../../store/one-off-run-repository.ts';
import {
  deleteSchedule,
  findSchedule,
  type ScheduleRecord,
  saveSchedule,
} from '../../store/schedule-repository.ts';
import type { WorkspaceScope } from '../../store/store.ts';
import { agentNames, checkMapping, refuseLoops } from '../../triggers/chain-rules.ts';
import { oneOffRunSettings, oneOffRunView } from '../../triggers/one-off-settings.ts';
import { scheduleSettings } from '../../triggers/schedule-settings.ts';
import { describeCron, nextOccurrence, resolveCron } from '../../triggers/schedule-times.ts';

type Operation<Type extends PlanOperation['type']> = Extract<PlanOperation, { type: Type }>;

interface ChainState {
  on: ChainRecord['on'];
  mapping: string | null;
  enabled: boolean;
}

/** How to put a schedule or a chain back: `applied` is what the plan left, `previous` what it found. */
export type TriggerUndoStep =
  | {
      kind: 'restoreSchedule';
      agentId: string;
      agentName: string;
      applied: ScheduleState | null;
      previous: ScheduleState | null;
    }
  | {
      kind: 'restoreChain';
      fromAgentId: string;
      toAgentId: string;
      names: string;
      applied: ChainState | null;
      previous: ChainState | null;
    }
  | {
      /** A one-off run the plan added: undoing cancels it, unless it has fired meanwhile. */
      kind: 'removeOneOffRun';
      agentId: string;
      agentName: string;
      oneOffRunId: string;
    }
  | {
      /** A hook of a deleted agent: external callers keep their address when the deletion is undone. */
      kind: 'restoreHook';
      agentName: string;
      hook: HookSnapshot;
    };

export interface TriggerContext {
  scope: WorkspaceScope;
  actor: AuditActor;
  planId: string;
  /** The approving user's time zone, for a schedule operation that names none. */
  userTimezone?: string | null;
  /** The plan's undo steps, in the order of its operations. */
  undo: { push(step: TriggerUndoStep): void };
}

export interface TriggerResult {
  agentId: string;
  agentName: string;
  toAgentId?: string;
  toAgentName?: string;
  chainId?: string;
  note?: string;
}

function replan(message: string): never {
  throw conflict(`${message} Send your request again for a new plan.`);
}

function scheduleState(record: ScheduleRecord): ScheduleState {
  return {
    cron: record.cron,
    timezone: record.timezone,
    text: record.text,
    input: record.input,
    enabled: record.enabled,
    missed: record.missed,
  };
}

/** Same timing, input and policy: what a person would call the same schedule. */
function sameSchedule(record: ScheduleRecord | undefined, state: ScheduleState | null) {
  if (!record || !state) return !record && !state;
  return (
    record.cron === state.cron &&
    record.timezone === state.timezone &&
    record.enabled === state.enabled &&
    record.missed === state.missed &&
    JSON.stringify(record.input) === JSON.stringify(state.input)
  );
}

function sameChain(record: ChainRecord | undefined, state: ChainState | null) {
  if (!record || !state) return !record && !state;
  return record.on === state.on && record.mapping === state.mapping && record.enabled === state.enabled;
}

/** An agent named by id, or by name when this plan created it a moment ago. */
async function targetAgent(scope: WorkspaceScope, target: { agentId?: string; agentName: string }) {
  const agent = target.agentId
    ? await findAgent(scope, target.agentId)
    : await findAgentByName(scope, target.agentName);
  if (!agent) replan(`The agent "${target.agentName}" no longer exists.`);
  return agent;
}

/**
 * An operation that carries both a cron and words must mean the same by both: the reviewer read
 * the words, so an edit that changed only the cron would apply something they did not see.
 */
function refuseDisagreeingWords(operation: { cron?: string; text?: string; agentName?: string }) {
  if (operation.cron === undefined || operation.text === undefined) return;
  let fromWords: string | undefined;
  try {
    fromWords = resolveCron({ text: operation.text });
  } catch {
    fromWords = undefined;
  }
  if (fromWords !== resolveCron({ cron: operation.cron })) {
    throw ruleViolated(
      `The schedule operation says "${operation.text}" but its cron is "${operation.cron}". Give one of them, or make them agree.`,
      [{ path: 'cron', message: 'cron and words disagree' }],
    );
  }
}

/** A one-off run ("next Tuesday at 3pm"): added beside the agent's schedule, which stays. */
async function applyOneOff(
  context: TriggerContext,
  operation: Operation<'scheduleAgent'> & { runAt: string },
): Promise<TriggerResult> {
  const { scope, actor, planId } = context;
  const agent = await targetAgent(scope, operation);
  if (operation.cron !== undefined || operation.text !== undefined) {
    throw ruleViolated('A schedule operation gives runAt, or cron or text, not both.', [
      { path: 'runAt', message: 'runAt with cron or text' },
    ]);
  }
  // Refused when its time passed before approval, with the API's 422: nothing runs by surprise.
  const values = oneOffRunSettings(
    { runAt: operation.runAt, timezone: operation.timezone, input: operation.input },
    { userTimezone: context.userTimezone, spec: agent.spec },
  );
  const saved = await insertOneOffRun(scope, agent.id, values, actor.userId);
  await recordAudit(scope, actor, {
    action: 'schedule.created',
    targetType: 'agent',
    targetId: agent.id,
    details: { runAt: saved.runAt.toISOString(), timezone: saved.timezone, oneOff: true, planId },
  });
  context.undo.push({
    kind: 'removeOneOffRun',
    agentId: agent.id,
    agentName: agent.name,
    oneOffRunId: saved.id,
  });
  return { agentId: agent.id, agentName: agent.name, note: oneOffRunView(saved).description };
}

export async function applySchedule(
  context: TriggerContext,
  operation: Operation<'scheduleAgent'>,
): Promise<TriggerResult> {
  const { runAt } = operation;
  if (runAt !== undefined) return applyOneOff(context, { ...operation, runAt });
  const { scope, actor, planId } = context;
  const agent = await targetAgent(scope, operation);
  const existing = await findSchedule(scope, agent.id);
  if (operation.before !== undefined && !sameSchedule(existing, operation.before)) {
    replan(`The schedule of "${agent.name}" changed since this plan was made.`);
  }
  refuseDisagreeingWords(operation);
  const settings = scheduleSettings(
    {
      cron: operation.cron,
      text: operation.cron === undefined ? operation.text : undefined,
      timezone: operation.timezone,
      input: operation.input,
      missed: operation.missed,
      enabled: true,
    },
    { existing, userTimezone: context.userTimezone, spec: agent.spec },
  );
  const saved = await saveSchedule(scope, agent.id, settings.values, actor.userId);
  await recordAudit(scope, actor, {
    action: existing ? 'schedule.changed' : 'schedule.created',
    targetType: 'agent',
    targetId: agent.id,
    details: { cron: saved.cron, timezone: saved.timezone, enabled: saved.enabled, planId },
  });
  context.undo.push({
    kind: 'restoreSchedule',
    agentId: agent.id,
    agentName: agent.name,
    applied: scheduleState(saved),
    previous: existing ? scheduleState(existing) : null,
  });
  return {
    agentId: agent.id,
    agentName: agent.name,
    note: `${describeCron(saved.cron, saved.timezone)}. ${settings.note}`,
  };
}

export async function applyUnschedule(
  context: TriggerContext,
  operation: Operation<'unscheduleAgent'>,
): Promise<TriggerResult> {
  const { scope, actor, planId } = context;
  const agent = await targetAgent(scope, operation);
  const existing = await findSchedule(scope, agent.id);
  if (operation.before && !sameSchedule(existing, operation.before)) {
    replan(`The schedule of "${agent.name}" changed since this plan was made.`);
  }
  if (!existing) return { agentId: agent.id, agentName: agent.name, note: 'no schedule' };
  await deleteSchedule(scope, agent.id);
  await recordAudit(scope, actor, {
    action: 'schedule.deleted',
    targetType: 'agent',
    targetId: agent.id,
    details: { planId },
  });
  context.undo.push({
    kind: 'restoreSchedule',
    agentId: agent.id,
    agentName: agent.name,
    applied: null,
    previous: scheduleState(existing),
  });
  return { agentId: agent.id, agentName: agent.name };
}

export async function applyChain(
  context: TriggerContext,
  operation: Operation<'chainAgents'>,
): Promise<TriggerResult> {
  const { scope, actor, planId } = context;
  checkMapping(operation.mapping);
  const from = await targetAgent(scope, operation.from);
  const to = await targetAgent(scope, operation.to);
  const names = `"${from.name}" → "${to.name}"`;
  const wanted: ChainState = { on: operation.on, mapping: operation.mapping ?? null, enabled: true };
  const result = { agentId: from.id, agentName: from.name, toAgentId: to.id, toAgentName: to.name };
  const existing = await findChainBetween(scope, from.id, to.id);
  if (existing) {
    if (sameChain(existing, wanted)) return { ...result, chainId: existing.id, note: 'no change' };
    await updateChain(scope, existing.id, wanted);
    await recordAudit(scope, actor, {
      action: 'chain.changed',
      targetType: 'chain',
      targetId: existing.id,
      details: { from: from.name, to: to.name, on: wanted.on, planId },
    });
    context.undo.push({
      kind: 'restoreChain',
      fromAgentId: from.id,
      toAgentId: to.id,
      names,
      applied: wanted,
      previous: { on: existing.on, mapping: existing.mapping, enabled: existing.enabled },
    });
    return { ...result, chainId: existing.id };
  }
  await refuseLoops(scope, from.id, to.id);
  const chain = await insertChain(
    scope,
    { fromAgentId: from.id, toAgentId: to.id, on: wanted.on, mapping: wanted.mapping },
    actor.userId,
  );
  await recordAudit(scope, actor, {
    action: 'chain.created',
    targetType: 'chain',
    targetId: chain.id,
    details: { from: from.name, to: to.name, on: chain.on, planId },
  });
  context.undo.push({
    kind: 'restoreChain',
    fromAgentId: from.id,
    toAgentId: to.id,
    names,
    applied: wanted,
    previous: null,
  });
  return { ...result, chainId: chain.id };
}

export async function applyUnchain(
  context: TriggerContext,
  operation: Operation<'unchainAgents'>,
): Promise<TriggerResult> {
  const { scope, actor, planId } = context;
  const from = await targetAgent(scope, operation.from);
  const to = await targetAgent(scope, operation.to);
  const result = { agentId: from.id, agentName: from.name, toAgentId: to.id, toAgentName: to.name };
  const existing = await findChainBetween(scope, from.id, to.id);
  if (!existing) return { ...result, note: 'no chain' };
  await deleteChain(scope, existing.id);
  await recordAudit(scope, actor, {
    action: 'chain.deleted',
    targetType: 'chain',
    targetId: existing.id,
    details: { from: from.name, to: to.name, planId },
  });
  context.undo.push({
    kind: 'restoreChain',
    fromAgentId: from.id,
    toAgentId: to.id,
    names: `"${from.name}" → "${to.name}"`,
    applied: null,
    previous: { on: existing.on, mapping: existing.mapping, enabled: existing.enabled },
  });
  return { ...result, chainId: existing.id };
}

/**
 * The steps that bring back an agent's schedule and chains, which go when the agent is deleted;
 * undone after the agent itself is back.
 */
export async function triggerRestoreSteps(
  scope: WorkspaceScope,
  agent: { id: string; name: string },
): Promise<TriggerUndoStep[]> {
  const steps: TriggerUndoStep[] = [];
  const schedule = await findSchedule(scope, agent.id);
  if (schedule) {
    steps.push({
      kind: 'restoreSchedule',
      agentId: agent.id,
      agentName: agent.name,
      applied: null,
      previous: scheduleState(schedule),
    });
  }
  const chains = await listChains(scope, { agentId: agent.id });
  const names = chains.length > 0 ? await agentNames(scope) : new Map<string, string>();
  for (const chain of chains) {
    steps.push({
      kind: 'restoreChain',
      fromAgentId: chain.fromAgentId,
      toAgentId: chain.toAgentId,
      names: `"${names.get(chain.fromAgentId)}" → "${names.get(chain.toAgentId)}"`,
      applied: null,
      previous: { on: chain.on, mapping: chain.mapping, enabled: chain.enabled },
    });
  }
  for (const hook of await snapshotHooks(scope, agent.id)) {
    steps.push({ kind: 'restoreHook', agentName: agent.name, hook });
  }
  return steps;
}

/** Puts a schedule or chain back as the plan found it; refuses when it changed since. */
export async function undoTriggerStep(
  scope: WorkspaceScope,
  actor: AuditActor,
  step: TriggerUndoStep,
  planId: string,
) {
  switch (step.kind) {
    case 'removeOneOffRun': {
      const removed = await deletePendingOneOffRun(scope, step.agentId, step.oneOffRunId);
      if (!removed) {
        const fired = (await listOneOffRuns(scope, step.agentId)).some(
          (item) => item.id === step.oneOffRunId,
        );
        if (fired)
          throw conflict(`The one-off run of "${step.agentName}" has already started; it cannot be undone.`);
        break;
      }
      await recordAudit(scope, actor, {
        action: 'schedule.deleted',
        targetType: 'agent',
        targetId: step.agentId,
        details: { oneOffRunId: step.oneOffRunId, planId, undo: true },
      });
      break;
    }
    case 'restoreHook': {
      if (!(await restoreHook(scope, step.hook))) {
        throw conflict(
          `The webhook "${step.hook.name || step.hook.tokenPrefix}" of "${step.agentName}" cannot come back: its address is in use again.`,
        );
      }
      await recordAudit(scope, actor, {
        action: 'hook.created',
        targetType: 'hook',
        targetId: step.hook.id,
        details: { agentId: step.hook.agentId, planId, undo: true },
      });
      break;
    }
    case 'restoreSchedule': {
      const current = await findSchedule(scope, step.agentId);
      if (!current && step.applied && !(await findAgent(scope, step.agentId))) {
        throw conflict(`"${step.agentName}" has been deleted since; there is no schedule to put back.`);
      }
      if (!sameSchedule(current, step.applied)) {
        throw conflict(
          `The schedule of "${step.agentName}" was changed after the plan; undoing would lose those changes.`,
        );
      }
      if (!step.previous) {
        await deleteSchedule(scope, step.agentId);
      } else {
        const agent = await findAgent(scope, step.agentId);
        if (!agent) {
          throw conflict(`"${step.agentName}" has been deleted since; there is no schedule to put back.`);
        }
        // Counted from now: occurrences that passed while the plan was in force do not fire late.
        const { cron, timezone, text, input, enabled, missed } = step.previous;
        const nextFireAt = enabled ? nextOccurrence(cron, timezone, new Date()) : null;
        await saveSchedule(
          scope,
          step.agentId,
          { cron, timezone, text, input, enabled, missed, nextFireAt },
          actor.userId,
        );
      }
      await recordAudit(scope, actor, {
        action: step.previous ? 'schedule.changed' : 'schedule.deleted',
        targetType: 'agent',
        targetId: step.agentId,
        details: { planId, undo: true },
      });
      break;
    }
    case 'restoreChain': {
      const current = await findChainBetween(scope, step.fromAgentId, step.toAgentId);
      if (!sameChain(current, step.applied)) {
        throw conflict(
          `The chain ${step.names} was changed after the plan; undoing would lose those changes.`,
        );
      }
      let chainId = current?.id;
      if (current && !step.previous) {
        await deleteChain(scope, current.id);
      } else if (current && step.previous) {
        await updateChain(scope, current.id, step.previous);
      } else if (step.previous) {
        if (!(await findAgent(scope, step.fromAgentId)) || !(await findAgent(scope, step.toAgentId))) {
          throw conflict(`An agent of the chain ${step.names} has been deleted since; it cannot come back.`);
        }
        await refuseLoops(scope, step.fromAgentId, step.toAgentId);
        const chain = await insertChain(
          scope,
          {
            fromAgentId: step.fromAgentId,
            toAgentId: step.toAgentId,
            on: step.previous.on,
            mapping: step.previous.mapping,
          },
          actor.userId,
        );
        if (!step.previous.enabled) await updateChain(scope, chain.id, { enabled: false });
        chainId = chain.id;
      }
      await recordAudit(scope, actor, {
        action: !step.previous ? 'chain.deleted' : current ? 'chain.changed' : 'chain.created',
        targetType: 'chain',
        targetId: chainId,
        details: { planId, undo: true },
      });
      break;
    }
  }
}
