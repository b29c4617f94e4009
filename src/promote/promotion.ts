// Promoting an agent from one workspace to another: read the chosen version and what goes with it
// in the source, read the target, and store the resulting plan in the target as the promoting
// admin's own conversation, where it is reviewed, approved (all or nothing) and undone like any
// plan. Nothing in the target changes until then. Both workspaces audit it.
import { conflict, notFound, ruleViolated } from '../domain/errors.ts';
import type { ScheduleState } from '../domain/plan.ts';
import { checkPlan, describePlanProblems } from '../orchestrator/plan-checks.ts';
import { schedulePreview } from '../orchestrator/schedule-preview.ts';
import { workspaceSnapshot } from '../orchestrator/workspace-snapshot.ts';
import {
  type AgentRecord,
  findAgent,
  findAgentByName,
  findAgentsByOrigin,
  findAgentVersion,
  listAgents,
} from '../store/agent-repository.ts';
import { type AuditActor, recordAudit } from '../store/audit-repository.ts';
import { listChains } from '../store/chain-repository.ts';
import { appendMessage, insertConversation } from '../store/conversation-repository.ts';
import { listHooks } from '../store/hook-repository.ts';
import { insertPlan, type PlanRecord } from '../store/plan-repository.ts';
import { findSchedule, type ScheduleRecord } from '../store/schedule-repository.ts';
import type { Store, WorkspaceScope } from '../store/store.ts';
import { listConnections } from '../store/vault-repository.ts';
import type { AccountFacts } from './account-mapping.ts';
import {
  buildPromotionPlan,
  type PromotionCarry,
  type PromotionChanges,
  type PromotionFacts,
  type SourceChain,
} from './promotion-plan.ts';

interface WorkspaceFacts {
  id: string;
  slug: string;
  name: string;
}

export interface PromotionRequest {
  source: WorkspaceFacts;
  target: WorkspaceFacts;
  actor: AuditActor;
  agentId: string;
  /** The version to promote; the current one when left out. */
  version?: number;
  carry: PromotionCarry;
  /** What to do with a same-named agent of the target not promoted from this one. */
  onExisting: 'refuse' | 'update';
  /** When the promotion is an update the target was offered: its suggestion, for the audit. */
  suggestionId?: string;
}

export interface Promotion {
  plan: PlanRecord;
  conversationId: string;
  changes: PromotionChanges;
  version: number;
}

async function accountsOf(scope: WorkspaceScope): Promise<AccountFacts[]> {
  return (await listConnections(scope)).map((connection) => ({
    id: connection.id,
    service: connection.service,
    label: connection.label,
    kind: connection.kind,
    isDefault: connection.isDefault,
    settings: connection.settings,
  }));
}

function scheduleStateOf(record: ScheduleRecord | undefined, now: Date): ScheduleState | null {
  if (!record) return null;
  const { cron, timezone, text, input, enabled, missed } = record;
  const description = schedulePreview({ cron, timezone }, undefined, now).description;
  return { cron, timezone, text, input, enabled, missed, description };
}

/** The chosen version of the source agent and what goes with it. */
async function readSource(scope: WorkspaceScope, request: PromotionRequest, now: Date) {
  const agent = await findAgent(scope, request.agentId);
  if (!agent) throw notFound('This agent');
  const version = request.version ?? agent.version;
  const found = await findAgentVersion(scope, agent.id, version);
  if (!found) {
    throw notFound(
      `Version ${version} of "${agent.name}" (it has versions 1 to ${agent.version}; leave version out to promote the current one)`,
    );
  }
  const names = new Map((await listAgents(scope, { limit: 1000 })).map((other) => [other.id, other.name]));
  const chains: SourceChain[] = (await listChains(scope, { agentId: agent.id }))
    .filter((chain) => chain.fromAgentId !== chain.toAgentId)
    .map((chain) => {
      const direction = chain.fromAgentId === agent.id ? 'from' : 'to';
      const otherId = direction === 'from' ? chain.toAgentId : chain.fromAgentId;
      return {
        direction,
        other: { id: otherId, name: names.get(otherId) ?? otherId },
        on: chain.on,
        mapping: chain.mapping,
      };
    });
  return {
    agent,
    version,
    spec: found.spec as Record<string, unknown>,
    schedule: scheduleStateOf(await findSchedule(scope, agent.id), now),
    chains,
    hookNames: (await listHooks(scope, agent.id)).map((hook) => hook.name),
    monthlyBudget: agent.monthlyBudget,
    accounts: await accountsOf(scope),
  };
}

/** The target's agent that came from this agent (by its recorded origin), else one of its name. */
async function findCounterpart(
  scope: WorkspaceScope,
  source: WorkspaceFacts,
  agent: { id: string; name: string },
): Promise<{ agent: AgentRecord; matchedBy: 'origin' | 'name' } | undefined> {
  const [promoted] = await findAgentsByOrigin(scope, { workspaceId: source.id, agentId: agent.id });
  if (promoted) return { agent: promoted, matchedBy: 'origin' };
  const named = await findAgentByName(scope, agent.name);
  return named ? { agent: named, matchedBy: 'name' } : undefined;
}

function refuseSameName(request: PromotionRequest, agentName: string) {
  return conflict(
    `"${request.target.name}" already has an agent named "${agentName}" that was not promoted from "${request.source.name}". ` +
      'Rename one of them, or promote again with onExisting "update" to make the promoted spec a new version of it.',
    { onExisting: 'update' },
  );
}

/** Plans the promotion in the target; nothing there changes until the plan is approved. */
export async function planPromotion(store: Store, request: PromotionRequest): Promise<Promotion> {
  if (request.source.id === request.target.id) {
    throw ruleViolated(
      `The agent is already in "${request.target.name}": promote it into another workspace (targetWorkspace names where it goes).`,
    );
  }
  const now = new Date();
  const source = await store.inWorkspace(request.source.id, (scope) => readSource(scope, request, now));
  const promotion = await store.inWorkspace(request.target.id, async (scope) => {
    const existing = await findCounterpart(scope, request.source, source.agent);
    if (existing?.matchedBy === 'name' && request.onExisting !== 'update')
      throw refuseSameName(request, existing.agent.name);
    const counterparts = new Map<string, { id: string; name: string }>();
    for (const chain of source.chains) {
      const other = await findCounterpart(scope, request.source, chain.other);
      if (other) counterparts.set(chain.other.id, { id: other.agent.id, name: other.agent.name });
    }
    const facts: PromotionFacts = {
      source: {
        workspace: request.source,
        agent: { id: source.agent.id, name: source.agent.name },
        version: source.version,
        spec: source.spec,
        schedule: source.schedule,
        chains: source.chains,
        hookNames: source.hookNames,
        monthlyBudget: source.monthlyBudget,
        accounts: source.accounts,
      },
      target: {
        workspace: request.target,
        existing: existing && {
          agent: {
            id: existing.agent.id,
            name: existing.agent.name,
            version: existing.agent.version,
            spec: existing.agent.spec as Record<string, unknown>,
          },
          matchedBy: existing.matchedBy,
        },
        schedule: existing ? scheduleStateOf(await findSchedule(scope, existing.agent.id), now) : null,
        accounts: await accountsOf(scope),
        counterparts,
        chains: await listChains(scope),
      },
      carry: request.carry,
      now,
    };
    const { plan, changes } = buildPromotionPlan(facts);
    // The same checks a planner's plan passes: names free, specs valid, accounts there, chains sound.
    const snapshot = await workspaceSnapshot(scope, undefined, { history: false });
    const problems = describePlanProblems(plan.operations, checkPlan(plan.operations, snapshot));
    if (problems.length > 0) {
      throw ruleViolated(
        `The promotion cannot be planned in "${request.target.name}": ${problems.join('; ')}. Nothing was changed.`,
        problems,
      );
    }
    const conversation = await insertConversation(
      scope,
      request.actor.userId,
      `Promote "${source.agent.name}" v${source.version} from ${request.source.name}`,
    );
    const stored = await insertPlan(scope, {
      conversationId: conversation.id,
      status: 'proposed',
      summary: plan.summary,
      questions: [],
      operations: plan.operations,
      createdBy: request.actor.userId,
    });
    await appendMessage(scope, conversation.id, {
      role: 'assistant',
      text: `${plan.summary} Approve the plan to apply it; undo puts ${request.target.name} back.`,
      planId: stored.id,
    });
    await recordAudit(scope, request.actor, {
      action: 'agent.promotion_planned',
      targetType: 'agent',
      targetId: existing?.agent.id,
      details: {
        planId: stored.id,
        from: { workspaceId: request.source.id, agentId: source.agent.id, version: source.version },
        action: changes.action,
        ...(request.suggestionId ? { suggestionId: request.suggestionId } : {}),
      },
    });
    return { plan: stored, conversationId: conversation.id, changes, version: source.version };
  });
  await store.inWorkspace(request.source.id, (scope) =>
    recordAudit(scope, request.actor, {
      action: 'agent.promoted_out',
      targetType: 'agent',
      targetId: source.agent.id,
      details: {
        version: source.version,
        to: { workspaceId: request.target.id, planId: promotion.plan.id },
      },
    }),
  );
  return promotion;
}
