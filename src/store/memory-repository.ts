// Shared context and agents' private memory: one table, keyed entries. An entry without an agent
// is the workspace's shared context; with one, that agent's own memory. Writing a key again
// replaces its value (the last writer wins, as with a note someone rewrites).
import { and, arrayContains, desc, eq, isNull, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias, type SelectedFields } from 'drizzle-orm/pg-core';
import { isUuid } from '../domain/slug.ts';
import { agents, memoryEntries, runs, users } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

/** Whose entries: the workspace's shared context (`null`) or one agent's memory. */
export type MemoryOwner = { agentId: string | null };

const entryColumns = {
  id: memoryEntries.id,
  agentId: memoryEntries.agentId,
  key: memoryEntries.key,
  value: memoryEntries.value,
  text: memoryEntries.text,
  tags: memoryEntries.tags,
  sourceRunId: memoryEntries.sourceRunId,
  createdBy: memoryEntries.createdBy,
  createdAt: memoryEntries.createdAt,
  updatedAt: memoryEntries.updatedAt,
  version: memoryEntries.version,
  updatedBy: memoryEntries.updatedBy,
};

const creator = alias(users, 'memory_creator');
const updater = alias(users, 'memory_updater');

/** An entry with who wrote it in words: people's names (members only) and the writing run's agent. */
const detailColumns = {
  ...entryColumns,
  createdByName: creator.name,
  updatedByName: updater.name,
  sourceAgentId: runs.agentId,
  sourceAgentName: agents.name,
  sizeBytes: sql<number>`octet_length(${memoryEntries.value}::text)`.mapWith(Number),
};

/** The entries joined with their writers' names (RLS shows the names of members only). */
function selectDetails<T extends SelectedFields>(scope: WorkspaceScope, extra: T) {
  return scope.db
    .select({ ...detailColumns, ...extra })
    .from(memoryEntries)
    .leftJoin(creator, eq(creator.id, memoryEntries.createdBy))
    .leftJoin(updater, eq(updater.id, memoryEntries.updatedBy))
    .leftJoin(runs, eq(runs.id, memoryEntries.sourceRunId))
    .leftJoin(agents, eq(agents.id, runs.agentId));
}

export interface MemoryRecord {
  id: string;
  agentId: string | null;
  key: string;
  value: unknown;
  text: string;
  tags: string[];
  sourceRunId: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  updatedBy: string | null;
}

export interface MemoryDetails extends MemoryRecord {
  createdByName: string | null;
  updatedByName: string | null;
  sourceAgentId: string | null;
  sourceAgentName: string | null;
  sizeBytes: number;
}

function ownerCondition(scope: WorkspaceScope, owner: MemoryOwner): SQL {
  const condition = and(
    eq(memoryEntries.workspaceId, scope.workspaceId),
    owner.agentId === null ? isNull(memoryEntries.agentId) : eq(memoryEntries.agentId, owner.agentId),
  );
  return condition as SQL;
}

export interface MemoryWrite {
  key: string;
  value: unknown;
  text: string;
  tags: string[];
  sourceRunId?: string | null;
  /** The person writing (also kept as the last writer); none when a run writes. */
  createdBy?: string | null;
  /**
   * Only replace the entry while it is at this version; 0: only create it. Without it the last
   * writer wins. A refused write returns undefined.
   */
  expectedVersion?: number;
}

/** Creates the entry, or replaces the value, text and tags of the one with the same key. */
export async function upsertMemoryEntry(
  scope: WorkspaceScope,
  owner: MemoryOwner,
  entry: MemoryWrite & { expectedVersion?: undefined },
): Promise<MemoryRecord>;
export async function upsertMemoryEntry(
  scope: WorkspaceScope,
  owner: MemoryOwner,
  entry: MemoryWrite,
): Promise<MemoryRecord | undefined>;
export async function upsertMemoryEntry(
  scope: WorkspaceScope,
  owner: MemoryOwner,
  entry: MemoryWrite,
): Promise<MemoryRecord | undefined> {
  const values = {
    workspaceId: scope.workspaceId,
    agentId: owner.agentId,
    key: entry.key,
    value: entry.value ?? null,
    text: entry.text,
    tags: entry.tags,
    sourceRunId: entry.sourceRunId ?? null,
    createdBy: entry.createdBy ?? null,
    updatedBy: entry.createdBy ?? null,
  };
  const update = {
    value: values.value,
    text: values.text,
    tags: values.tags,
    sourceRunId: values.sourceRunId,
    updatedBy: values.updatedBy,
    version: sql`${memoryEntries.version} + 1`,
    updatedAt: sql`now()`,
  };
  const setWhere =
    entry.expectedVersion === undefined
      ? undefined
      : sql`${memoryEntries.version} = ${entry.expectedVersion}`;
  // Two partial unique indexes (shared keys, agent keys): the conflict target names the one
  // that applies, with its predicate.
  const [row] = await scope.db
    .insert(memoryEntries)
    .values(values)
    .onConflictDoUpdate(
      owner.agentId === null
        ? {
            target: [memoryEntries.workspaceId, memoryEntries.key],
            targetWhere: sql`agent_id is null`,
            set: update,
            setWhere,
          }
        : {
            target: [memoryEntries.agentId, memoryEntries.key],
            targetWhere: sql`agent_id is not null`,
            set: update,
            setWhere,
          },
    )
    .returning(entryColumns);
  if (!row && entry.expectedVersion === undefined)
    throw new Error('upsert into memory_entries returned no row');
  return row;
}

export interface MemoryEdit {
  key: string;
  value: unknown;
  text: string;
  tags: string[];
  updatedBy: string | null;
  /** The version the editor started from: the edit is refused if the entry moved on since. */
  expectedVersion: number;
}

/**
 * Changes an entry by id (its key too) while it is still at the expected version. Undefined when
 * it is not (or is gone): the caller reads it again to say which.
 */
export async function editMemoryEntry(
  scope: WorkspaceScope,
  owner: MemoryOwner,
  entryId: string,
  edit: MemoryEdit,
): Promise<MemoryRecord | undefined> {
  if (!isUuid(entryId)) return undefined;
  const [row] = await scope.db
    .update(memoryEntries)
    .set({
      key: edit.key,
      value: edit.value ?? null,
      text: edit.text,
      tags: edit.tags,
      // A person wrote this version, not a run.
      sourceRunId: null,
      updatedBy: edit.updatedBy,
      version: sql`${memoryEntries.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        ownerCondition(scope, owner),
        eq(memoryEntries.id, entryId),
        eq(memoryEntries.version, edit.expectedVersion),
      ),
    )
    .returning(entryColumns);
  return row;
}

/** Deletes an entry by id, only while it is at `expectedVersion` when one is given. */
export async function deleteMemoryEntryById(
  scope: WorkspaceScope,
  owner: MemoryOwner,
  entryId: string,
  expectedVersion?: number,
): Promise<boolean> {
  if (!isUuid(entryId)) return false;
  const conditions = [ownerCondition(scope, owner), eq(memoryEntries.id, entryId)];
  if (expectedVersion !== undefined) conditions.push(eq(memoryEntries.version, expectedVersion));
  const deleted = await scope.db
    .delete(memoryEntries)
    .where(and(...conditions))
    .returning({ id: memoryEntries.id });
  return deleted.length > 0;
}

/** The tags in use, most used first (for a filter), up to 200. */
export async function listMemoryTags(
  scope: WorkspaceScope,
  owner: MemoryOwner,
): Promise<{ tag: string; count: number }[]> {
  const result = await scope.db.execute(sql`
    select tag, count(*)::int as count
    from ${memoryEntries}, unnest(${memoryEntries.tags}) as tag
    where ${ownerCondition(scope, owner)}
    group by tag
    order by count desc, tag
    limit 200`);
  const rows = (result as unknown as { rows: { tag: string; count: number }[] }).rows;
  return rows.map((row) => ({ tag: String(row.tag), count: Number(row.count) }));
}

export async function findMemoryEntry(
  scope: WorkspaceScope,
  owner: MemoryOwner,
  key: string,
): Promise<MemoryDetails | undefined> {
  const [row] = await selectDetails(scope, {}).where(
    and(ownerCondition(scope, owner), eq(memoryEntries.key, key)),
  );
  return row;
}

export async function findMemoryEntryById(
  scope: WorkspaceScope,
  entryId: string,
): Promise<MemoryDetails | undefined> {
  if (!isUuid(entryId)) return undefined;
  const [row] = await selectDetails(scope, {}).where(
    and(eq(memoryEntries.workspaceId, scope.workspaceId), eq(memoryEntries.id, entryId)),
  );
  return row;
}

export async function deleteMemoryEntry(scope: WorkspaceScope, owner: MemoryOwner, key: string) {
  const deleted = await scope.db
    .delete(memoryEntries)
    .where(and(ownerCondition(scope, owner), eq(memoryEntries.key, key)))
    .returning({ id: memoryEntries.id });
  return deleted.length > 0;
}

export interface MemoryListFilter {
  limit: number;
  prefix?: string;
  tags?: string[];
  /** Entries updated before this (updatedAt, id) position: the next page. */
  before?: { updatedAt: Date; id: string };
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function filterConditions(
  scope: WorkspaceScope,
  owner: MemoryOwner,
  filter: Omit<MemoryListFilter, 'limit'>,
) {
  const conditions: SQL[] = [ownerCondition(scope, owner)];
  if (filter.prefix) conditions.push(like(memoryEntries.key, `${escapeLike(filter.prefix)}%`));
  if (filter.tags && filter.tags.length > 0) conditions.push(arrayContains(memoryEntries.tags, filter.tags));
  return conditions;
}

/** Entries most recently updated first. */
export async function listMemoryEntries(
  scope: WorkspaceScope,
  owner: MemoryOwner,
  filter: MemoryListFilter,
): Promise<MemoryDetails[]> {
  const conditions = filterConditions(scope, owner, filter);
  if (filter.before) {
    const { updatedAt, id } = filter.before;
    const earlier = or(
      lt(memoryEntries.updatedAt, updatedAt),
      and(eq(memoryEntries.updatedAt, updatedAt), lt(memoryEntries.id, id)),
    );
    if (earlier) conditions.push(earlier);
  }
  return selectDetails(scope, {})
    .where(and(...conditions))
    .orderBy(desc(memoryEntries.updatedAt), desc(memoryEntries.id))
    .limit(filter.limit);
}

// Matches are marked with control characters that never reach a client: the snippet is
// HTML-escaped first, then the marks become <b> and </b> (entries hold any text, markup included).
const headlineOptions = 'MaxFragments=2, MaxWords=20, MinWords=5, StartSel=\u0002, StopSel=\u0003';

function safeSnippet(headline: string) {
  return headline
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replaceAll('\u0002', '<b>')
    .replaceAll('\u0003', '</b>');
}

/**
 * Full-text search (English stemming, web-search syntax: words, "quoted phrases", -excluded,
 * or), best match first, with a highlighted snippet of the text.
 */
export async function searchMemoryEntries(
  scope: WorkspaceScope,
  owner: MemoryOwner,
  query: { text: string; limit: number; tags?: string[]; offset?: number },
): Promise<(MemoryDetails & { rank: number; snippet: string })[]> {
  const tsQuery = sql`websearch_to_tsquery('english', ${query.text})`;
  const conditions = filterConditions(scope, owner, { tags: query.tags });
  conditions.push(sql`${memoryEntries.search} @@ ${tsQuery}`);
  const rank = sql<number>`ts_rank(${memoryEntries.search}, ${tsQuery})`.mapWith(Number);
  const rows = await selectDetails(scope, {
    rank,
    snippet: sql<string>`ts_headline('english', ${memoryEntries.text}, ${tsQuery}, ${headlineOptions})`,
  })
    .where(and(...conditions))
    .orderBy(desc(rank), desc(memoryEntries.updatedAt), desc(memoryEntries.id))
    .limit(query.limit)
    .offset(query.offset ?? 0);
  return rows.map((row) => ({ ...row, snippet: safeSnippet(row.snippet) }));
}
