// The reads and writes of a whole-workspace bundle that the other repositories do not offer:
// every agent with every version, workrooms, the export profile, memory entries in bulk, and the
// clear part of connections. Secret columns (sealed secrets, token hashes) are never selected.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AgentSpec } from '../domain/agent-spec.ts';
import {
  agents,
  agentVersions,
  type ConnectionKind,
  connections,
  exportProfiles,
  memoryEntries,
  workrooms,
} from './schema.ts';
import type { WorkspaceScope } from './store.ts';

export interface StoredAgentWithVersions {
  id: string;
  name: string;
  status: 'active' | 'paused';
  workroomId: string | null;
  monthlyBudget: number | null;
  currentVersion: number;
  versions: { version: number; spec: AgentSpec; note: string | null; createdAt: Date }[];
}

/** Every agent, oldest first, with its versions oldest first. */
export async function listAgentsWithVersions(scope: WorkspaceScope): Promise<StoredAgentWithVersions[]> {
  const agentRows = await scope.db
    .select({
      id: agents.id,
      name: agents.name,
      status: agents.status,
      workroomId: agents.workroomId,
      monthlyBudget: agents.monthlyBudget,
      currentVersion: agents.currentVersion,
    })
    .from(agents)
    .where(eq(agents.workspaceId, scope.workspaceId))
    .orderBy(asc(agents.createdAt), asc(agents.id));
  const versionRows = await scope.db
    .select({
      agentId: agentVersions.agentId,
      version: agentVersions.version,
      spec: agentVersions.spec,
      note: agentVersions.note,
      createdAt: agentVersions.createdAt,
    })
    .from(agentVersions)
    .where(eq(agentVersions.workspaceId, scope.workspaceId))
    .orderBy(asc(agentVersions.agentId), asc(agentVersions.version));
  return agentRows.map((agent) => ({
    id: agent.id,
    name: agent.name,
    status: agent.status,
    workroomId: agent.workroomId,
    monthlyBudget: agent.monthlyBudget,
    currentVersion: agent.currentVersion,
    versions: versionRows
      .filter((row) => row.agentId === agent.id)
      .map(({ version, spec, note, createdAt }) => ({ version, spec, note, createdAt })),
  }));
}

/** Creates an agent with all its versions under their own numbers. */
export async function insertAgentWithVersions(
  scope: WorkspaceScope,
  agent: {
    name: string;
    status: 'active' | 'paused';
    workroomId: string | null;
    monthlyBudget: number | null;
    currentVersion: number;
    versions: { version: number; spec: AgentSpec; note: string | null; createdAt: Date }[];
    /** Given apart for each agent: one transaction's now() would leave their order to chance. */
    createdAt: Date;
  },
  createdBy: string,
): Promise<string> {
  const [row] = await scope.db
    .insert(agents)
    .values({
      workspaceId: scope.workspaceId,
      name: agent.name,
      status: agent.status,
      currentVersion: agent.currentVersion,
      workroomId: agent.workroomId,
      monthlyBudget: agent.monthlyBudget,
      createdAt: agent.createdAt,
      createdBy,
    })
    .returning({ id: agents.id });
  if (!row) throw new Error('insert into agents returned no row');
  await scope.db.insert(agentVersions).values(
    agent.versions.map((version) => ({
      workspaceId: scope.workspaceId,
      agentId: row.id,
      version: version.version,
      spec: version.spec,
      note: version.note,
      createdAt: version.createdAt,
      createdBy,
    })),
  );
  return row.id;
}

/** The names among `names` that agents of the workspace have already (case aside). */
export async function agentNamesTaken(scope: WorkspaceScope, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await scope.db
    .select({ name: agents.name })
    .from(agents)
    .where(
      and(
        eq(agents.workspaceId, scope.workspaceId),
        inArray(
          sql`lower(${agents.name})`,
          names.map((name) => name.trim().toLowerCase()),
        ),
      ),
    );
  return rows.map((row) => row.name);
}

export async function listWorkroomRows(scope: WorkspaceScope) {
  return scope.db
    .select({
      id: workrooms.id,
      name: workrooms.name,
      description: workrooms.description,
      monthlyBudget: workrooms.monthlyBudget,
    })
    .from(workrooms)
    .where(eq(workrooms.workspaceId, scope.workspaceId))
    .orderBy(asc(workrooms.createdAt), asc(workrooms.id));
}

export async function insertWorkroomRow(
  scope: WorkspaceScope,
  values: { name: string; description: string; monthlyBudget: number | null; createdAt: Date },
  createdBy: string,
): Promise<string> {
  const [row] = await scope.db
    .insert(workrooms)
    .values({ workspaceId: scope.workspaceId, ...values, createdBy })
    .returning({ id: workrooms.id });
  if (!row) throw new Error('insert into workrooms returned no row');
  return row.id;
}

export async function findExportProfileRow(scope: WorkspaceScope) {
  const [row] = await scope.db
    .select({
      settings: exportProfiles.settings,
      letterheadContentType: exportProfiles.letterheadContentType,
      letterhead: exportProfiles.letterhead,
    })
    .from(exportProfiles)
    .where(eq(exportProfiles.workspaceId, scope.workspaceId));
  return row;
}

/** Creates or replaces the workspace's export profile. */
export async function saveExportProfileRow(
  scope: WorkspaceScope,
  values: {
    settings: Record<string, unknown>;
    letterheadContentType: string | null;
    letterhead: Buffer | null;
  },
  updatedBy: string,
) {
  await scope.db
    .insert(exportProfiles)
    .values({ workspaceId: scope.workspaceId, ...values, updatedBy })
    .onConflictDoUpdate({
      target: exportProfiles.workspaceId,
      set: { ...values, updatedBy, updatedAt: new Date() },
    });
}

/** Every memory entry of the workspace: shared (agentId null) and each agent's own. */
export async function listAllMemoryEntries(scope: WorkspaceScope) {
  return scope.db
    .select({
      agentId: memoryEntries.agentId,
      key: memoryEntries.key,
      value: memoryEntries.value,
      text: memoryEntries.text,
      tags: memoryEntries.tags,
    })
    .from(memoryEntries)
    .where(eq(memoryEntries.workspaceId, scope.workspaceId))
    .orderBy(asc(memoryEntries.createdAt), asc(memoryEntries.key));
}

/** The shared context keys among `keys` that the workspace has already. */
export async function sharedKeysTaken(scope: WorkspaceScope, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await scope.db
    .select({ key: memoryEntries.key })
    .from(memoryEntries)
    .where(
      and(
        eq(memoryEntries.workspaceId, scope.workspaceId),
        sql`${memoryEntries.agentId} is null`,
        inArray(memoryEntries.key, [...keys]),
      ),
    );
  return rows.map((row) => row.key);
}

export async function insertMemoryEntries(
  scope: WorkspaceScope,
  agentId: string | null,
  entries: readonly { key: string; value: unknown; text: string; tags: string[] }[],
  createdBy: string,
) {
  if (entries.length === 0) return;
  await scope.db.insert(memoryEntries).values(
    entries.map((entry) => ({
      workspaceId: scope.workspaceId,
      agentId,
      key: entry.key,
      value: entry.value ?? null,
      text: entry.text,
      tags: entry.tags,
      createdBy,
      updatedBy: createdBy,
    })),
  );
}

/** Connections without their sealed secret or status: what an account to connect again needs. */
export async function listConnectionOutlines(scope: WorkspaceScope) {
  return scope.db
    .select({
      service: connections.service,
      label: connections.label,
      kind: connections.kind,
      isDefault: connections.isDefault,
      settings: connections.settings,
    })
    .from(connections)
    .where(eq(connections.workspaceId, scope.workspaceId))
    .orderBy(asc(connections.service), asc(connections.createdAt));
}

export type ConnectionOutline = {
  service: string;
  label: string;
  kind: ConnectionKind;
  isDefault: boolean;
  settings: Record<string, unknown>;
};
