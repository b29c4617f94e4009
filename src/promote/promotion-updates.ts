// Updates offered: when the agent a promoted agent came from has a newer version, the target's
// people are offered it as a suggestion ("Staging has version 5 of X (you have 3): update?"),
// whose accept makes the promotion plan. Only a person who is also a member of the source sees
// it (they could read the agent there anyway), and it shows no more of the source than the spec
// diff: no schedule, chain, webhook or account of the source. Accepting needs what promoting
// needs: admin or owner of both workspaces.

import { diffSpecs } from '../../web/src/agents/version-diff.ts';
import { forbidden, notFound } from '../domain/errors.ts';
import { can } from '../domain/roles.ts';
import type { Suggestion } from '../orchestrator/advice/advisor.ts';
import { findAgent, findAgentVersion, listAgentsWithOrigin } from '../store/agent-repository.ts';
import type { PlanRecord } from '../store/plan-repository.ts';
import type { Store } from '../store/store.ts';
import { findWorkspaceOfUser } from '../store/workspace-repository.ts';
import { planPromotion } from './promotion.ts';
import { describeDiff } from './promotion-plan.ts';

const kind = 'promotion_update';

/** A suggestion's id names the agent's version here and the version offered, so either moving retires it. */
function offerId(agent: { id: string; version: number }, sourceVersion: number) {
  return `${kind}-${agent.id}-v${agent.version}-s${sourceVersion}`;
}

export class PromotionUpdates {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** The newer versions this person may be offered in the target workspace. */
  async offers(workspaceId: string, userId: string): Promise<Suggestion[]> {
    const promoted = await this.#store.inWorkspace(workspaceId, (scope) => listAgentsWithOrigin(scope));
    const offers: Suggestion[] = [];
    for (const agent of promoted) {
      const origin = agent.origin;
      if (!origin) continue;
      const source = await this.#store.asUser(userId, (scope) =>
        findWorkspaceOfUser(scope, origin.workspaceId),
      );
      if (!source) continue;
      const newer = await this.#store.inWorkspace(source.id, async (scope) => {
        const current = await findAgent(scope, origin.agentId);
        if (!current || current.version <= origin.version) return undefined;
        return current;
      });
      if (!newer) continue;
      const spec = { ...(newer.spec as Record<string, unknown>), name: agent.name };
      const before = agent.spec as Record<string, unknown>;
      offers.push({
        id: offerId(agent, newer.version),
        kind,
        agentId: agent.id,
        agentName: agent.name,
        reason: `${source.name} has version ${newer.version} of "${origin.agentName}" (you have version ${origin.version} from it): update? Changes: ${describeDiff(diffSpecs(before, spec))}`,
        plan: {
          summary: `Update "${agent.name}" to version ${newer.version} of "${origin.agentName}" from ${source.name}.`,
          questions: [],
          // For the reviewer's eye only: accepting plans the promotion afresh, accounts mapped.
          operations: [
            {
              type: 'updateAgent',
              agentId: agent.id,
              agentName: agent.name,
              expectedVersion: agent.version,
              spec,
              before,
            },
          ],
        },
      });
    }
    return offers;
  }

  /** The promotion plan for an offer, after checking the person may promote between both. */
  async accept(workspaceId: string, suggestion: Suggestion, userId: string): Promise<PlanRecord> {
    const agent = await this.#store.inWorkspace(workspaceId, (scope) => findAgent(scope, suggestion.agentId));
    if (!agent?.origin) throw notFound('This suggestion');
    const origin = agent.origin;
    const [target, source] = await this.#store.asUser(userId, async (scope) => [
      await findWorkspaceOfUser(scope, workspaceId),
      await findWorkspaceOfUser(scope, origin.workspaceId),
    ]);
    if (!target || !source) throw notFound('This suggestion');
    for (const workspace of [source, target]) {
      if (!can(workspace.role, 'agents.promote'))
        throw forbidden(
          `Your role in "${workspace.name}" is ${workspace.role}; updating a promoted agent needs admin or owner in both "${source.name}" and "${target.name}".`,
        );
    }
    const version = Number(/-s(\d+)$/.exec(suggestion.id)?.[1]);
    const exists = await this.#store.inWorkspace(source.id, (scope) =>
      findAgentVersion(scope, origin.agentId, version),
    );
    if (!exists) throw notFound('This suggestion');
    const promotion = await planPromotion(this.#store, {
      source,
      target,
      actor: { userId },
      agentId: origin.agentId,
      version,
      carry: { schedule: false, hooks: false, chains: false },
      onExisting: 'refuse',
      suggestionId: suggestion.id,
    });
    return promotion.plan;
  }
}
