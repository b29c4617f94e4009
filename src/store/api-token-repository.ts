// API tokens of a workspace. The secret is shown once at creation; only its hash is kept.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Role } from '../domain/roles.ts';
import { isUuid } from '../domain/slug.ts';
import { creationKeyset, type KeysetPage, keysetOrder, pastPosition, withinPage } from './keyset.ts';
import { apiTokens } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

const publicColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  role: apiTokens.role,
  tokenPrefix: apiTokens.tokenPrefix,
  createdBy: apiTokens.createdBy,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

export type ApiTokenRecord = { [K in keyof typeof publicColumns]: (typeof apiTokens.$inferSelect)[K] };

export async function insertApiToken(
  scope: WorkspaceScope,
  values: {
    name: string;
    role: Role;
    tokenHash: string;
    tokenPrefix: string;
    createdBy: string;
    expiresAt: Date | null;
  },
): Promise<ApiTokenRecord> {
  const [row] = await scope.db
    .insert(apiTokens)
    .values({ workspaceId: scope.workspaceId, ...values })
    .returning(publicColumns);
  if (!row) throw new Error('insert into api_tokens returned no row');
  return row;
}

/** Newest first. */
export const apiTokenKeyset = creationKeyset<ApiTokenRecord>(apiTokens, 'desc');

export async function listLiveApiTokens(scope: WorkspaceScope, page?: KeysetPage): Promise<ApiTokenRecord[]> {
  const query = scope.db
    .select(publicColumns)
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.workspaceId, scope.workspaceId),
        isNull(apiTokens.revokedAt),
        pastPosition(apiTokenKeyset, page),
      ),
    )
    .orderBy(...keysetOrder(apiTokenKeyset))
    .$dynamic();
  return withinPage(query, page);
}

/** Revokes a live token; undefined when there is no such live token in the workspace. */
export async function revokeApiToken(scope: WorkspaceScope, id: string): Promise<ApiTokenRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await scope.db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(
      and(eq(apiTokens.workspaceId, scope.workspaceId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)),
    )
    .returning(publicColumns);
  return row;
}

/** Revokes every token a member created, when that member leaves or is removed. */
export async function revokeApiTokensOf(scope: WorkspaceScope, userId: string) {
  await scope.db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.workspaceId, scope.workspaceId),
        eq(apiTokens.createdBy, userId),
        isNull(apiTokens.revokedAt),
      ),
    );
}
