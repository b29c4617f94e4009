// Shared context and agents' private memory: one table, keyed entries. An entry without an agent
// is the workspace's shared context; with one, that agent's own memory. Writing a key again
// replaces its value (the last writer wins, as with a note someone rewrites).
import { and, arrayContains, desc, eq, isNull, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { isUuid } from '../domain/slug.ts';
import { memoryEntries } from './schema.ts';
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
};

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
  createdBy?: string | null;
}

/** Creates the entry, or replaces the value, text and tags of the one with the same key. */
export async function upsertMemoryEntry(
  scope: WorkspaceScope,
  owner: MemoryOwner,
  entry: MemoryWrite,
): Promise<MemoryRecord> {
  const values = {
    workspaceId: scope.workspaceId,
    agentId: owner.agentId,
    key: entry.key,
    value: entry.value ?? null,
    text: entry.text,
    tags: entry.tags,
    sourceRunId: entry.sourceRunId ?? null,
    createdBy: entry.createdBy ?? null,
  };
  const update = {
    value: values.value,
    text: values.text,
    tags: values.tags,
    sourceRunId: values.sourceRunId,
    updatedAt: sql`now()`,
  };
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
          }
        : {
            target: [memoryEntries.agentId, memoryEntries.key],
            targetWhere: sql`agent_id is not null`,
            set: update,
          },
    )
    .returning(entryColumns);
  if (!row) throw new Error('upsert into memory_entries returned no row');
  return row;
}

export async function findMemoryEntry(
  scope: WorkspaceScope,
  owner: MemoryOwner,
  key: string,
): Promise<MemoryRecord | undefined> {
  const [row] = await scope.db
    .select(entryColumns)
    .from(memoryEntries)
    .where(and(ownerCondition(scope, owner), eq(memoryEntries.key, key)));
  return row;
}

export async function findMemoryEntryById(
  scope: WorkspaceScope,
  entryId: string,
): Promise<MemoryRecord | undefined> {
  if (!isUuid(entryId)) return undefined;
  const [row] = await scope.db
    .select(entryColumns)
    .from(memoryEntries)
    .where(and(eq(memoryEntries.workspaceId, scope.workspaceId), eq(memoryEntries.id, entryId)));
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
): Promise<MemoryRecord[]> {
  const conditions = filterConditions(scope, owner, filter);
  if (filter.before) {
    const { updatedAt, id } = filter.before;
    const earlier = or(
      lt(memoryEntries.updatedAt, updatedAt),
      and(eq(memoryEntries.updatedAt, updatedAt), lt(memoryEntries.id, id)),
    );
    if (earlier) conditions.push(earlier);
  }
  return scope.db
    .select(entryColumns)
    .from(memoryEntries)
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
  query: { text: string; limit: number; tags?: string[] },
): Promise<(MemoryRecord & { rank: number; snippet: string })[]> {
  const tsQuery = sql`websearch_to_tsquery('english', ${query.text})`;
  const conditions = filterConditions(scope, owner, { tags: query.tags });
  conditions.push(sql`${memoryEntries.search} @@ ${tsQuery}`);
  const rank = sql<number>`ts_rank(${memoryEntries.search}, ${tsQuery})`.mapWith(Number);
  const rows = await scope.db
    .select({
      ...entryColumns,
      rank,
      snippet: sql<string>`ts_headline('english', ${memoryEntries.text}, ${tsQuery}, ${headlineOptions})`,
    })
    .from(memoryEntries)
    .where(and(...conditions))
    .orderBy(desc(rank), desc(memoryEntries.updatedAt))
    .limit(query.limit);
  return rows.map((row) => ({ ...row, snippet: safeSnippet(row.snippet) }));
}
