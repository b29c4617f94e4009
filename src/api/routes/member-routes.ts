// Members of a workspace: list, change role, remove (or leave). Invitations add members.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { forbidden, notFound, ruleViolated } from '../../domain/errors.ts';
import { can, type Role, roleAtLeast } from '../../domain/roles.ts';
import { revokeApiTokensOf } from '../../store/api-token-repository.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import { revokeOpenInvitations } from '../../store/invitation-repository.ts';
import type { WorkspaceScope } from '../../store/store.ts';
import {
  deleteMembership,
  findMember,
  listMembers,
  lockMemberships,
  type MemberRecord,
  memberKeyset,
  updateMembershipRole,
} from '../../store/workspace-repository.ts';
import type { ApiEnv, WorkspaceAccess } from '../context.ts';
import { keysetPageOf, pageParameters, requestedPage } from '../keyset-cursor.ts';
import {
  commonErrors,
  idParameter,
  jsonBody,
  jsonResponse,
  listOf,
  roleSchema,
  securedBy,
  timestamp,
} from '../schemas.ts';
import { requireAction } from '../workspace-access.ts';

const memberSchema = z
  .object({ userId: z.string(), email: z.string(), name: z.string(), role: roleSchema, joinedAt: timestamp })
  .openapi('Member');

const memberParameters = z.object({ ws: idParameter('ws'), userId: idParameter('userId') });

function memberView(member: MemberRecord) {
  return { ...member, joinedAt: member.joinedAt.toISOString() };
}

const listMembersRoute = createRoute({
  method: 'get',
  operationId: 'listMembers',
  path: '/api/workspaces/{ws}/members',
  tags: ['members'],
  summary: 'Members of the workspace',
  security: securedBy,
  request: { params: z.object({ ws: idParameter('ws') }), query: z.object(pageParameters()) },
  responses: {
    200: jsonResponse(listOf(memberSchema), 'A page of members, who joined first first.'),
    ...commonErrors,
  },
});

const changeRoleRoute = createRoute({
  method: 'patch',
  operationId: 'updateMember',
  path: '/api/workspaces/{ws}/members/{userId}',
  tags: ['members'],
  summary: "Change a member's role (admin; only an owner grants or takes away ownership)",
  security: securedBy,
  request: { params: memberParameters, body: jsonBody(z.strictObject({ role: roleSchema })) },
  responses: { 200: jsonResponse(memberSchema, 'The member after the change.'), ...commonErrors },
});

const removeMemberRoute = createRoute({
  method: 'delete',
  operationId: 'removeMember',
  path: '/api/workspaces/{ws}/members/{userId}',
  tags: ['members'],
  summary: 'Remove a member (admin), or leave (your own id)',
  security: securedBy,
  request: { params: memberParameters },
  responses: { 204: { description: 'Removed.' }, ...commonErrors },
});

/** Only owners may touch ownership: promote to owner, or demote or remove an owner. */
function checkOwnershipRule(actorRole: Role, target: MemberRecord, newRole?: Role) {
  const touchesOwnership = target.role === 'owner' || newRole === 'owner';
  if (touchesOwnership && actorRole !== 'owner') {
    throw forbidden('Only an owner can grant ownership or change or remove an owner.');
  }
}

/**
 * The target member and the actor's role, read with the workspace's memberships locked, so the
 * rules are checked against roles that cannot change before the transaction commits.
 */
async function lockedMembership(
  scope: WorkspaceScope,
  access: WorkspaceAccess,
  userId: string,
  leaving = false,
) {
  const locked = await lockMemberships(scope);
  const target = await findMember(scope, userId);
  if (!target) throw notFound('This member');
  const actorRole = locked.find((membership) => membership.userId === access.actor.userId)?.role;
  if (!actorRole) throw notFound('This workspace');
  if (!leaving && !can(actorRole, 'members.manage')) {
    throw forbidden(
      `Your role in this workspace is now ${actorRole}; managing members needs admin or higher.`,
    );
  }
  const owners = locked.filter((membership) => membership.role === 'owner').length;
  return { target, actorRole, owners };
}

export function registerMemberRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listMembersRoute, async (c) => {
    const access = requireAction(c, 'members.read');
    const query = c.req.valid('query');
    const rows = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, (scope) =>
        listMembers(scope, requestedPage(memberKeyset, query)),
      );
    const page = keysetPageOf(memberKeyset, rows, query.limit);
    return c.json({ items: page.items.map(memberView), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(changeRoleRoute, async (c) => {
    const access = requireAction(c, 'members.manage');
    const { userId } = c.req.valid('param');
    const { role } = c.req.valid('json');
    const updated = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const { target, actorRole, owners } = await lockedMembership(scope, access, userId);
      checkOwnershipRule(actorRole, target, role);
      if (target.role === 'owner' && role !== 'owner' && owners <= 1) {
        throw ruleViolated('A workspace needs at least one owner. Make another member an owner first.');
      }
      await updateMembershipRole(scope, target.userId, role);
      // Invitations a member sent carry the rights they had; a demotion withdraws them.
      if (roleAtLeast(target.role, role) && target.role !== role)
        await revokeOpenInvitations(scope, { invitedBy: target.userId });
      await recordAudit(scope, access.actor, {
        action: 'member.role_changed',
        targetType: 'member',
        targetId: target.userId,
        details: { email: target.email, from: target.role, to: role },
      });
      return { ...target, role };
    });
    c.get('services').accessChanges.announce({ workspaceId: access.workspace.id, userId: updated.userId });
    return c.json(memberView(updated), 200);
  });

  app.openapi(removeMemberRoute, async (c) => {
    const { userId } = c.req.valid('param');
    const leaving = c.get('access').actor.userId === userId.toLowerCase() && !c.get('access').actor.tokenId;
    const access = leaving ? c.get('access') : requireAction(c, 'members.manage');
    await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const { target, actorRole, owners } = await lockedMembership(scope, access, userId, leaving);
      if (!leaving) checkOwnershipRule(actorRole, target);
      if (target.role === 'owner' && owners <= 1) {
        throw ruleViolated(
          leaving
            ? 'You are the last owner: make another member an owner before you leave, or delete the workspace.'
            : 'A workspace needs at least one owner.',
        );
      }
      await deleteMembership(scope, target.userId);
      await revokeApiTokensOf(scope, target.userId);
      await revokeOpenInvitations(scope, { invitedBy: target.userId });
      await recordAudit(scope, access.actor, {
        action: leaving ? 'member.left' : 'member.removed',
        targetType: 'member',
        targetId: target.userId,
        details: { email: target.email, role: target.role },
      });
    });
    // The member's own streams, and those of their tokens (revoked with the membership).
    c.get('services').accessChanges.announce({
      workspaceId: access.workspace.id,
      userId: userId.toLowerCase(),
    });
    return c.body(null, 204);
  });
}
