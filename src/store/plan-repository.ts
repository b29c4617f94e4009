// Plans: proposed by a planner, then applied, rejected, undone or superseded by a newer plan.
import { and, desc, eq, exists, inArray, sql } from 'drizzle-orm';
import type { PlanStatus } from '../domain/plan.ts';
import { isUuid } from '../domain/slug.ts';
import { creationKeyset, type KeysetPage, keysetOrder, pastPosition } from './keyset.ts';
import { conversations, plans } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

export type PlanRecord = typeof plans.$inferSelect;

export async function insertPlan(
  scope: WorkspaceScope,
  values: Pick<PlanRecord, 'status' | 'summary' | 'questions' | 'operations'> &
    Partial<Pick<PlanRecord, 'conversationId' | 'draft' | 'createdBy'>>,
) {
  const [row] = await scope.db
    .insert(plans)
    .values({ workspaceId: scope.workspaceId, ...values })
    .returning();
  if (!row) throw new Error('insert into plans returned no row');
  return row;
}

/**
 * The plan; with `ownedBy`, only if it was proposed in a conversation that member started (a
 * plan is reviewed where it was asked for, so it is as private as its conversation).
 */
export async function findPlan(
  scope: WorkspaceScope,
  planId: string,
  options: { lock?: boolean; ownedBy?: string } = {},
) {
  if (!isUuid(planId)) return undefined;
  const owned =
    options.ownedBy === undefined
      ? undefined
      : exists(
          scope.db
            .select({ id: conversations.id })
            .from(conversations)
            .where(
              and(eq(conversations.id, plans.conversationId), eq(conversations.userId, options.ownedBy)),
            ),
        );
  const query = scope.db
    .select()
    .from(plans)
    .where(and(eq(plans.workspaceId, scope.workspaceId), eq(plans.id, planId), owned));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/**
 * The plans proposed in conversations `userId` started, newest first; with `status`, only those.
 * Plans are as private as the conversation they were asked for in, so another member's never show.
 */
/** Newest first. */
export const planKeyset = creationKeyset<PlanRecord>(plans, 'desc');

/** The plans of the person's own conversations, newest first, a page at a time. */
export async function listOwnPlans(
  scope: WorkspaceScope,
  userId: string,
  options: { status?: PlanStatus } & KeysetPage,
) {
  return scope.db
    .select({ plan: plans })
    .from(plans)
    .innerJoin(conversations, eq(conversations.id, plans.conversationId))
    .where(
      and(
        eq(plans.workspaceId, scope.workspaceId),
        eq(conversations.userId, userId),
        options.status === undefined ? undefined : eq(plans.status, options.status),
        pastPosition(planKeyset, options),
      ),
    )
    .orderBy(...keysetOrder(planKeyset))
    .limit(options.limit)
    .then((rows) => rows.map((row) => row.plan));
}

/** The conversation's plan still waiting for answers or approval, newest first. */
export async function findOpenPlan(scope: WorkspaceScope, conversationId: string) {
  const [row] = await scope.db
    .select()
    .from(plans)
    .where(
      and(
        eq(plans.workspaceId, scope.workspaceId),
        eq(plans.conversationId, conversationId),
        inArray(plans.status, ['needs_answers', 'proposed']),
      ),
    )
    .orderBy(desc(plans.createdAt))
    .limit(1);
  return row;
}

/** The conversation's newest plan, whatever became of it: what "it" in the next message means. */
export async function findLatestPlan(scope: WorkspaceScope, conversationId: string) {
  const [row] = await scope.db
    .select()
    .from(plans)
    .where(and(eq(plans.workspaceId, scope.workspaceId), eq(plans.conversationId, conversationId)))
    .orderBy(desc(plans.createdAt))
    .limit(1);
  return row;
}

export async function updatePlan(
  scope: WorkspaceScope,
  planId: string,
  values: Partial<
    Pick<PlanRecord, 'status' | 'operations' | 'undo' | 'results' | 'appliedBy' | 'appliedAt' | 'undoneAt'>
  > & {
    status?: PlanStatus;
  },
) {
  const [row] = await scope.db
    .update(plans)
    .set(values)
    .where(and(eq(plans.workspaceId, scope.workspaceId), eq(plans.id, planId)))
    .returning();
  if (!row) throw new Error('the plan to update is gone');
  return row;
}

/** The applied plan that started this run (its results name the run), if one did. */
export async function findPlanThatStartedRun(scope: WorkspaceScope, runId: string) {
  const [row] = await scope.db
    .select()
    .from(plans)
    .where(
      and(
        eq(plans.workspaceId, scope.workspaceId),
        eq(plans.status, 'applied'),
        sql`${plans.results} @> ${JSON.stringify([{ runId }])}::jsonb`,
      ),
    )
    .limit(1);
  return row;
}
