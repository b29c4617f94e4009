// Agents and their immutable versions. An agent row points at its current version; changing
// the spec writes a new version and moves the pointer, in one transaction.
import { and, asc, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { AgentOrigin } from '../domain/agent-origin.ts';
import type { AgentSpec } from '../domain/agent-spec.ts';
import { isUuid } from '../domain/slug.ts';
import { creationKeyset, type KeyValue, keysetOrder, pastPosition } from './keyset.ts';
import { checkAgentLimit } from './plan-limits.ts';
import { settleRunCharge } from './run-settlement.ts';
import { agents, agentVersions, runs } from './schema.ts';
import type { WorkspaceScope } from './store.ts';
import { inWorkroom } from './workroom-repository.ts';

export type AgentStatus = 'active' | 'paused';

export interface AgentRecord {
  id: string;
  name: string;
  status: AgentStatus;
  version: number;
  spec: AgentSpec;
  /** The workroom the agent belongs to, if any. */
  workroomId: string | null;
  /** Where a promoted or imported agent came from; null for one made here. */
  origin: AgentOrigin | null;
  /** A cap, in credits, on the agent's runs in a billing period; null for none. */
  monthlyBudget: number | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type AgentVersionRecord = typeof agentVersions.$inferSelect;

const agentColumns = {
  id: agents.id,
  name: agents.name,
  status: agents.status,
  version: agents.currentVersion,
  spec: agentVersions.spec,
  workroomId: agents.workroomId,
  origin: agents.origin,
  monthlyBudget: agents.monthlyBudget,
  createdBy: agents.createdBy,
  createdAt: agents.createdAt,
  updatedAt: agents.updatedAt,
};

function currentVersionJoin() {
  return and(eq(agentVersions.agentId, agents.id), eq(agentVersions.version, agents.currentVersion));
}

/** Creates an agent at version 1. Throws a unique violation when the name is taken. */
export async function insertAgent(
  scope: WorkspaceScope,
  spec: AgentSpec,
  createdBy: string,
  note?: string,
  origin?: AgentOrigin,
) {
  await checkAgentLimit(scope);
  const [agent] = await scope.db
    .insert(agents)
    .values({ workspaceId: scope.workspaceId, name: spec.name, currentVersion: 1, createdBy, origin })
    .returning({ id: agents.id });
  if (!agent) throw new Error('insert into agents returned no row');
  await scope.db
    .insert(agentVersions)
    .values({ workspaceId: scope.workspaceId, agentId: agent.id, version: 1, spec, note, createdBy });
  const created = await findAgent(scope, agent.id);
  if (!created) throw new Error('the agent just created cannot be read back');
  return created;
}

export async function findAgent(scope: WorkspaceScope, agentId: string): Promise<AgentRecord | undefined> {
  if (!isUuid(agentId)) return undefined;
  const [row] = await scope.db
    .select(agentColumns)
    .from(agents)
    .innerJoin(agentVersions, currentVersionJoin())
    .where(and(eq(agents.workspaceId, scope.workspaceId), eq(agents.id, agentId)));
  return row;
}

/** The agent, with its row locked until the transaction ends (for read-modify-write). */
export async function findAgentForUpdate(scope: WorkspaceScope, agentId: string) {
  if (!isUuid(agentId)) return undefined;
  const [row] = await scope.db
    .select({
      id: agents.id,
      version: agents.currentVersion,
      status: agents.status,
      name: agents.name,
      updatedAt: agents.updatedAt,
    })
    .from(agents)
    .where(and(eq(agents.workspaceId, scope.workspaceId), eq(agents.id, agentId)))
    .for('update');
  return row;
}

export interface AgentPage {
  limit: number;
  /** The position (agentKeyset) of the last agent of the previous page. */
  after?: readonly KeyValue[];
  status?: AgentStatus;
  /** Case-insensitive part of the name. */
  nameContains?: string;
  /** A workroom's id, or null for agents in none. */
  workroomId?: string | null;
}

/** Oldest first. */
export const agentKeyset = creationKeyset<AgentRecord>(agents, 'asc');

/** Agents oldest first, past a page's position. */
export async function listAgents(scope: WorkspaceScope, page: AgentPage): Promise<AgentRecord[]> {
  const conditions = [eq(agents.workspaceId, scope.workspaceId)];
  if (page.status) conditions.push(eq(agents.status, page.status));
  if (page.nameContains) {
    conditions.push(sql`strpos(lower(${agents.name}), lower(${page.nameContains})) > 0`);
  }
  if (page.workroomId !== undefined) conditions.push(inWorkroom(agents.workroomId, page.workroomId));
  const past = pastPosition(agentKeyset, page);
  if (past) conditions.push(past);
  return scope.db
    .select(agentColumns)
    .from(agents)
    .innerJoin(agentVersions, currentVersionJoin())
    .where(and(...conditions))
    .orderBy(...keysetOrder(agentKeyset))
    .limit(page.limit);
}

/** Writes the next version and makes it current. The caller holds the agent's row lock. */
export async function insertAgentVersion(
  scope: WorkspaceScope,
  agentId: string,
  version: number,
  spec: AgentSpec,
  createdBy: string,
  note?: string,
) {
  await scope.db
    .insert(agentVersions)
    .values({ workspaceId: scope.workspaceId, agentId, version, spec, note, createdBy });
  await scope.db
    .update(agents)
    .set({ currentVersion: version, name: spec.name, updatedAt: new Date() })
    .where(and(eq(agents.workspaceId, scope.workspaceId), eq(agents.id, agentId)));
}

/** Records (or, with null, forgets) where the agent came from. */
export async function setAgentOrigin(scope: WorkspaceScope, agentId: string, origin: AgentOrigin | null) {
  await scope.db
    .update(agents)
    .set({ origin })
    .where(and(eq(agents.workspaceId, scope.workspaceId), eq(agents.id, agentId)));
}

/** The agents copied from this agent of another workspace (promoted or imported), oldest first. */
export async function findAgentsByOrigin(
  scope: WorkspaceScope,
  origin: { workspaceId: string; agentId: string },
): Promise<AgentRecord[]> {
  return scope.db
    .select(agentColumns)
    .from(agents)
    .innerJoin(agentVersions, currentVersionJoin())
    .where(
      and(
        eq(agents.workspaceId, scope.workspaceId),
        sql`${agents.origin}->>'agentId' = ${origin.agentId}`,
        sql`${agents.origin}->>'workspaceId' = ${origin.workspaceId}`,
      ),
    )
    .orderBy(asc(agents.createdAt));
}

/** Every agent of the workspace that came from another workspace. */
export async function listAgentsWithOrigin(scope: WorkspaceScope): Promise<AgentRecord[]> {
  return scope.db
    .select(agentColumns)
    .from(agents)
    .innerJoin(agentVersions, currentVersionJoin())
    .where(and(eq(agents.workspaceId, scope.workspaceId), isNotNull(agents.origin)))
    .orderBy(asc(agents.createdAt));
}

export async function setAgentStatus(scope: WorkspaceScope, agentId: string, status: AgentStatus) {
  await scope.db
    .update(agents)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(agents.workspaceId, scope.workspaceId), eq(agents.id, agentId)));
}

export async function deleteAgent(scope: WorkspaceScope, agentId: string): Promise<boolean> {
  if (!isUuid(agentId)) return false;
  // Its runs go with it; the credits held for those not yet ended are settled first (what their
  // finished steps cost is charged, the rest released), or they would stay held for good. Their
  // rows are locked before the balance row (settlement), in the order a worker ending one takes
  // them: taken the other way round, a worker holding its run's row while it waits for the balance
  // row, and this delete holding the balance row while its cascade waits for that run's row, was a
  // deadlock (seen under test: undoing a plan that created an agent and ran it).
  const unfinished = await scope.db
    .select({ id: runs.id })
    .from(runs)
    .where(
      and(
        eq(runs.workspaceId, scope.workspaceId),
        eq(runs.agentId, agentId),
        inArray(runs.status, ['queued', 'running', 'waiting']),
      ),
    )
    .for('update');
  for (const run of unfinished) await settleRunCharge(scope, run.id);
  const deleted = await scope.db
    .delete(agents)
    .where(and(eq(agents.workspaceId, scope.workspaceId), eq(agents.id, agentId)))
    .returning({ id: agents.id });
  return deleted.length === 1;
}

/** Versions newest first; a page of `limit` below `beforeVersion` when given. */
export async function listAgentVersions(
  scope: WorkspaceScope,
  agentId: string,
  page: { limit: number; beforeVersion?: number },
): Promise<AgentVersionRecord[]> {
  return scope.db
    .select()
    .from(agentVersions)
    .where(
      and(
        eq(agentVersions.workspaceId, scope.workspaceId),
        eq(agentVersions.agentId, agentId),
        page.beforeVersion === undefined ? undefined : lt(agentVersions.version, page.beforeVersion),
      ),
    )
    .orderBy(desc(agentVersions.version))
    .limit(page.limit);
}

export async function findAgentVersion(scope: WorkspaceScope, agentId: string, version: number) {
  const [row] = await scope.db
    .select()
    .from(agentVersions)
    .where(
      and(
        eq(agentVersions.workspaceId, scope.workspaceId),
        eq(agentVersions.agentId, agentId),
        eq(agentVersions.version, version),
      ),
    );
  return row;
}

/** The agent with this name, whatever its case (names are unique per workspace, case aside). */
export async function findAgentByName(scope: WorkspaceScope, name: string): Promise<AgentRecord | undefined> {
  const [row] = await scope.db
    .select(agentColumns)
    .from(agents)
    .innerJoin(agentVersions, currentVersionJoin())
    .where(
      and(eq(agents.workspaceId, scope.workspaceId), sql`lower(${agents.name}) = lower(${name.trim()})`),
    );
  return row;
}

/** Everything needed to bring a deleted agent back as it was (its runs aside). */
export interface AgentSnapshot {
  agent: typeof agents.$inferSelect;
  versions: AgentVersionRecord[];
}

export async function snapshotAgent(
  scope: WorkspaceScope,
  agentId: string,
): Promise<AgentSnapshot | undefined> {
  if (!isUuid(agentId)) return undefined;
  const [agent] = await scope.db
    .select()
    .from(agents)
    .where(and(eq(agents.workspaceId, scope.workspaceId), eq(agents.id, agentId)));
  if (!agent) return undefined;
  const versions = await scope.db
    .select()
    .from(agentVersions)
    .where(and(eq(agentVersions.workspaceId, scope.workspaceId), eq(agentVersions.agentId, agentId)))
    .orderBy(asc(agentVersions.version));
  return { agent, versions };
}

/** Puts a snapshot back under its own id. Throws a unique violation when its name is taken. */
export async function restoreAgentSnapshot(scope: WorkspaceScope, snapshot: AgentSnapshot) {
  await checkAgentLimit(scope);
  const revive = <T extends { createdAt: Date | string }>(row: T) => ({
    ...row,
    createdAt: new Date(row.createdAt),
  });
  await scope.db.insert(agents).values({
    ...revive(snapshot.agent),
    updatedAt: new Date(),
    workspaceId: scope.workspaceId,
  });
  await scope.db
    .insert(agentVersions)
    .values(snapshot.versions.map((version) => ({ ...revive(version), workspaceId: scope.workspaceId })));
}
