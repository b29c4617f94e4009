// Chains: when one agent's run ends, another agent starts with an input mapped from its output.
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { conflict } from '../domain/errors.ts';
import { isUuid } from '../domain/slug.ts';
import { creationKeyset, type KeysetPage, keysetOrder, pastPosition, withinPage } from './keyset.ts';
import { type ChainCondition, chains } from './schema.ts';
import { isUniqueViolation, type WorkspaceScope } from './store.ts';

export type ChainRecord = typeof chains.$inferSelect;

export async function insertChain(
  scope: WorkspaceScope,
  values: { fromAgentId: string; toAgentId: string; on: ChainCondition; mapping: string | null },
  createdBy: string | null,
): Promise<ChainRecord> {
  let row: ChainRecord | undefined;
  try {
    [row] = await scope.db
      .insert(chains)
      .values({ workspaceId: scope.workspaceId, ...values, createdBy })
      .returning();
  } catch (error) {
    // The same two agents chained twice at the same moment: the second loses to the unique index.
    if (isUniqueViolation(error)) {
      throw conflict(
        'These two agents were chained at the same moment by another request; look at the chains and try again.',
      );
    }
    throw error;
  }
  if (!row) throw new Error('insert into chains returned no row');
  return row;
}

/**
 * Serialises changes to a workspace's chains until the transaction ends: the loop check reads
 * every chain, and two chains made at once (A→B and B→A) must not both pass it.
 */
export async function lockChains(scope: WorkspaceScope) {
  await scope.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`orca:chains:${scope.workspaceId}`}))`);
}

export async function listChains(
  scope: WorkspaceScope,
  filter: { agentId?: string } = {},
  page?: KeysetPage,
): Promise<ChainRecord[]> {
  // An agent filter that is no id matches nothing (the column is a uuid).
  if (filter.agentId !== undefined && !isUuid(filter.agentId)) return [];
  const touchesAgent = filter.agentId
    ? or(eq(chains.fromAgentId, filter.agentId), eq(chains.toAgentId, filter.agentId))
    : undefined;
  const query = scope.db
    .select()
    .from(chains)
    .where(and(eq(chains.workspaceId, scope.workspaceId), touchesAgent, pastPosition(chainKeyset, page)))
    .orderBy(...keysetOrder(chainKeyset))
    .$dynamic();
  return withinPage(query, page);
}

/** Oldest first. */
export const chainKeyset = creationKeyset<ChainRecord>(chains, 'asc');

export async function findChain(scope: WorkspaceScope, chainId: string) {
  if (!isUuid(chainId)) return undefined;
  const [row] = await scope.db
    .select()
    .from(chains)
    .where(and(eq(chains.workspaceId, scope.workspaceId), eq(chains.id, chainId)));
  return row;
}

export async function findChainBetween(scope: WorkspaceScope, fromAgentId: string, toAgentId: string) {
  const [row] = await scope.db
    .select()
    .from(chains)
    .where(
      and(
        eq(chains.workspaceId, scope.workspaceId),
        eq(chains.fromAgentId, fromAgentId),
        eq(chains.toAgentId, toAgentId),
      ),
    );
  return row;
}

export async function deleteChain(scope: WorkspaceScope, chainId: string) {
  if (!isUuid(chainId)) return undefined;
  const [row] = await scope.db
    .delete(chains)
    .where(and(eq(chains.workspaceId, scope.workspaceId), eq(chains.id, chainId)))
    .returning();
  return row;
}

/** The enabled chains that start from an agent: what its ending run fans out to. */
export async function chainsFrom(scope: WorkspaceScope, agentId: string): Promise<ChainRecord[]> {
  return scope.db
    .select()
    .from(chains)
    .where(
      and(
        eq(chains.workspaceId, scope.workspaceId),
        eq(chains.fromAgentId, agentId),
        eq(chains.enabled, true),
      ),
    )
    .orderBy(asc(chains.createdAt));
}

export async function updateChain(
  scope: WorkspaceScope,
  chainId: string,
  change: { on?: ChainCondition; mapping?: string | null; enabled?: boolean },
): Promise<ChainRecord | undefined> {
  const [row] = await scope.db
    .update(chains)
    .set(change)
    .where(and(eq(chains.workspaceId, scope.workspaceId), eq(chains.id, chainId)))
    .returning();
  return row;
}
