// The plan a promotion proposes in the target workspace, from what was read in both: create the
// agent or update the one promoted before (with the diff a reviewer reads), point its steps at the
// target's accounts (connecting the missing ones), and carry its schedule and chains when asked.
// Pure: the reads and the storing are promotion.ts's.

import { diffSpecs, type SpecDiff } from '../../web/src/agents/version-diff.ts';
import type { AgentOrigin } from '../domain/agent-origin.ts';
import type { ChainConditionName, PlannedChange, PlanOperation, ScheduleState } from '../domain/plan.ts';
import { schedulePreview } from '../orchestrator/schedule-preview.ts';
import { type AccountFacts, type AccountMapping, mapAccounts } from './account-mapping.ts';

export interface PromotionCarry {
  schedule: boolean;
  hooks: boolean;
  chains: boolean;
}

interface NamedAgent {
  id: string;
  name: string;
}

/** A chain of the source agent, with the agent at its other end. */
export interface SourceChain {
  direction: 'from' | 'to';
  other: NamedAgent;
  on: ChainConditionName;
  mapping: string | null;
}

export interface PromotionFacts {
  source: {
    workspace: { id: string; name: string };
    agent: NamedAgent;
    version: number;
    spec: Record<string, unknown>;
    schedule: ScheduleState | null;
    chains: SourceChain[];
    hookNames: string[];
    /** The source agent's monthly budget: money is the target's own, so it is never carried. */
    monthlyBudget?: number | null;
    accounts: AccountFacts[];
  };
  target: {
    workspace: { id: string; name: string };
    /** The agent this promotion updates, and how it was found. */
    existing?: {
      agent: NamedAgent & { version: number; spec: Record<string, unknown> };
      matchedBy: 'origin' | 'name';
    };
    /** The existing agent's schedule (null: none). */
    schedule: ScheduleState | null;
    accounts: AccountFacts[];
    /** The target's agent for each other agent of the source's chains, by the source agent's id. */
    counterparts: Map<string, NamedAgent>;
    /** The target's chains, to leave out the ones it has already. */
    chains: { fromAgentId: string; toAgentId: string }[];
  };
  carry: PromotionCarry;
  now: Date;
}

/** What the promotion changes, for the answer and the dialog. */
export interface PromotionChanges {
  action: 'create' | 'update';
  diff: SpecDiff;
  accounts: AccountMapping[];
  schedule: 'carried' | 'not_carried' | 'none' | 'disabled';
  chains: { from: string; to: string; on: ChainConditionName; carried: boolean; reason?: string }[];
  hooks: { names: string[]; carried: false };
}

const summaryLimit = 2000;

function quoted(names: readonly string[]) {
  return names.map((name) => `"${name}"`).join(', ');
}

/** The diff in words: steps added, removed, changed (and which fields), settings changed. */
export function describeDiff(diff: SpecDiff): string {
  const parts: string[] = [];
  if (diff.added.length > 0) parts.push(`steps added: ${quoted(diff.added.map((step) => step.id))}`);
  if (diff.removed.length > 0) parts.push(`steps removed: ${quoted(diff.removed.map((step) => step.id))}`);
  if (diff.changed.length > 0)
    parts.push(
      `steps changed: ${diff.changed.map((step) => `"${step.id}" (${step.fields.join(', ')})`).join(', ')}`,
    );
  if (diff.reordered) parts.push('steps reordered');
  if (diff.settings.length > 0)
    parts.push(`settings changed: ${diff.settings.map((setting) => setting.key).join(', ')}`);
  return parts.length > 0 ? `${parts.join('; ')}.` : 'no change to the spec.';
}

function describeAccounts(mappings: readonly AccountMapping[], target: string): string[] {
  return mappings.map((mapping) => {
    const steps = `step${mapping.stepIds.length > 1 ? 's' : ''} ${quoted(mapping.stepIds)}`;
    if (mapping.outcome === 'mapped')
      return `The ${steps} use ${target}'s "${mapping.targetReference}" account.`;
    if (mapping.outcome === 'connect')
      return `${target} has no "${mapping.service}" account: the plan connects one, waiting for its secret (an admin gives it on the Accounts page after approval; check its settings, they are copied from the source account, never its secret). The ${steps} use it.`;
    return `The ${steps} name the account "${mapping.reference}", which neither workspace has: connect it in ${target} before the agent runs.`;
  });
}

export function buildPromotionPlan(facts: PromotionFacts): {
  plan: PlannedChange;
  changes: PromotionChanges;
} {
  const { source, target, carry } = facts;
  const origin: AgentOrigin = {
    workspaceId: source.workspace.id,
    workspaceName: source.workspace.name,
    agentId: source.agent.id,
    agentName: source.agent.name,
    version: source.version,
    via: 'promote',
  };
  const mapped = mapAccounts(source.spec, source.accounts, target.accounts);
  const existing = target.existing?.agent;
  // The target may have renamed the agent: its name there stays.
  const spec = existing ? { ...mapped.spec, name: existing.name } : mapped.spec;
  const agentName = existing?.name ?? String(spec.name);
  const self = existing ? { agentId: existing.id, agentName } : { agentName };
  const operations: PlanOperation[] = [...mapped.connectOperations];
  operations.push(
    existing
      ? {
          type: 'updateAgent',
          agentId: existing.id,
          agentName,
          expectedVersion: existing.version,
          spec,
          before: existing.spec,
          origin,
        }
      : { type: 'createAgent', spec, origin },
  );
  const diff = diffSpecs(existing?.spec ?? {}, spec);
  const lines = [
    existing
      ? `Promote "${source.agent.name}" version ${source.version} from ${source.workspace.name} to ${target.workspace.name}: updates "${agentName}" (version ${existing.version} here${target.existing?.matchedBy === 'name' ? ', an agent of the same name not promoted from there' : ''}) to a new version. Changes: ${describeDiff(diff)}`
      : `Promote "${source.agent.name}" version ${source.version} from ${source.workspace.name} to ${target.workspace.name}: a new agent "${agentName}" with ${diff.added.length} step${diff.added.length === 1 ? '' : 's'}.`,
    ...describeAccounts(mapped.mappings, target.workspace.name),
  ];

  let schedule: PromotionChanges['schedule'] = 'none';
  if (source.schedule && !source.schedule.enabled) {
    schedule = 'disabled';
    lines.push(`Its schedule in ${source.workspace.name} is turned off: not carried.`);
  } else if (source.schedule && !carry.schedule) {
    schedule = 'not_carried';
    lines.push(
      `Its schedule (${source.schedule.description ?? source.schedule.cron}) is not carried${target.schedule ? `; ${target.workspace.name} keeps its own` : ''}.`,
    );
  } else if (source.schedule) {
    schedule = 'carried';
    const preview = schedulePreview(
      { cron: source.schedule.cron, timezone: source.schedule.timezone },
      undefined,
      facts.now,
    );
    operations.push({
      type: 'scheduleAgent',
      ...self,
      cron: source.schedule.cron,
      timezone: preview.timezone,
      input: source.schedule.input,
      missed: source.schedule.missed,
      description: preview.description,
      nextRuns: preview.nextRuns,
      before: target.schedule,
    });
    lines.push(`Its schedule is carried: ${preview.description} (${preview.timezone}).`);
  }

  const chains: PromotionChanges['chains'] = [];
  for (const chain of source.chains) {
    const from = chain.direction === 'from' ? source.agent.name : chain.other.name;
    const to = chain.direction === 'from' ? chain.other.name : source.agent.name;
    const other = target.counterparts.get(chain.other.id);
    if (!carry.chains) {
      chains.push({ from, to, on: chain.on, carried: false, reason: 'not asked for' });
      continue;
    }
    if (!other) {
      const reason = `${target.workspace.name} has no "${chain.other.name}" (promote it first)`;
      chains.push({ from, to, on: chain.on, carried: false, reason });
      lines.push(`The chain "${from}" → "${to}" is not carried: ${reason}.`);
      continue;
    }
    const otherEnd = { agentId: other.id, agentName: other.name };
    const [fromEnd, toEnd] = chain.direction === 'from' ? [self, otherEnd] : [otherEnd, self];
    const already =
      existing &&
      target.chains.some(
        (present) => present.fromAgentId === fromEnd.agentId && present.toAgentId === toEnd.agentId,
      );
    if (already) {
      chains.push({
        from,
        to,
        on: chain.on,
        carried: false,
        reason: `${target.workspace.name} has it already`,
      });
      continue;
    }
    operations.push({
      type: 'chainAgents',
      from: fromEnd,
      to: toEnd,
      on: chain.on,
      ...(chain.mapping ? { mapping: chain.mapping } : {}),
    });
    chains.push({ from, to, on: chain.on, carried: true });
    lines.push(`The chain "${fromEnd.agentName}" → "${toEnd.agentName}" (on ${chain.on}) is carried.`);
  }
  if (!carry.chains && source.chains.length > 0)
    lines.push(
      `Its ${source.chains.length} chain${source.chains.length === 1 ? ' is' : 's are'} not carried.`,
    );

  if (source.hookNames.length > 0) {
    // A webhook's address holds its secret: the target gets new ones, made on the agent's page.
    lines.push(
      carry.hooks
        ? `Its webhooks (${quoted(source.hookNames.map((name) => name || 'unnamed'))}) are not copied: a webhook's address is its secret. Make new ones on the agent's page in ${target.workspace.name} after approval, and give their addresses to the callers.`
        : `Its ${source.hookNames.length} webhook${source.hookNames.length === 1 ? ' is' : 's are'} not carried.`,
    );
  }
  if (source.monthlyBudget != null) {
    lines.push(
      `Its monthly budget in ${source.workspace.name} (${source.monthlyBudget.toLocaleString('en-US')} credits) is not carried: credits are each workspace's own. Set one on the agent's page in ${target.workspace.name} if it needs one.`,
    );
  }
  const summary = lines.join(' ');
  return {
    plan: {
      summary: summary.length > summaryLimit ? `${summary.slice(0, summaryLimit - 1)}…` : summary,
      questions: [],
      operations,
    },
    changes: {
      action: existing ? 'update' : 'create',
      diff,
      accounts: mapped.mappings,
      schedule,
      chains,
      hooks: { names: source.hookNames, carried: false },
    },
  };
}
