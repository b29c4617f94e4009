// Members of a workspace: list, change role, remove (or leave). Invitations add members.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { forbidden, notFound, ruleViolated } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import { revokeApiTokensOf } from '../../store/api-token-repository.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import {
  countOwnersForUpdate,
  deleteMembership,
  findMember,
  listMembers,
  type MemberRecord,
  updateMembershipRole,
} from '../../store/workspace-repository.ts';
import type { ApiContext, ApiEnv, WorkspaceAccess } from '../context.ts';
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
  path: '/api/workspaces/{ws}/members',
  tags: ['members'],
  summary: 'Members of the workspace',
  security: securedBy,
  request: { params: z.object({ ws: idParameter('ws') }) },
  responses: { 200: jsonResponse(listOf(memberSchema), 'The members.'), ...commonErrors },
});

const changeRoleRoute = createRoute({
  method: 'patch',
  path: '/api/workspaces/{ws}/members/{userId}',
  tags: ['members'],
  summary: "Change a member's role (admin; only an owner grants or takes away ownership)",
  security: securedBy,
  request: { params: memberParameters, body: jsonBody(z.strictObject({ role: roleSchema })) },
  responses: { 200: jsonResponse(memberSchema, 'The member after the change.'), ...commonErrors },
});

const removeMemberRoute = createRoute({
  method: 'delete',
  path: '/api/workspaces/{ws}/members/{userId}',
  tags: ['members'],
  summary: 'Remove a member (admin), or leave (your own id)',
  security: securedBy,
  request: { params: memberParameters },
  responses: { 204: { description: 'Removed.' }, ...commonErrors },
});

/** Only owners may touch ownership: promote to owner, or demote or remove an owner. */
function checkOwnershipRule(access: WorkspaceAccess, target: MemberRecord, newRole?: Role) {
  const touchesOwnership = target.role === 'owner' || newRole === 'owner';
  if (touchesOwnership && access.role !== 'owner') {
    throw forbidden('Only an owner can grant ownership or change or remove an owner.');
  }
}

async function findTargetMember(c: ApiContext, access: WorkspaceAccess, userId: string) {
  const target = await c
    .get('services')
    .store.inWorkspace(access.workspace.id, (scope) => findMember(scope, userId));
  if (!target) throw notFound('This member');
  return target;
}

export function registerMemberRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listMembersRoute, async (c) => {
    const access = requireAction(c, 'members.read');
    const members = await c.get('services').store.inWorkspace(access.workspace.id, listMembers);
    return c.json({ items: members.map(memberView), nextCursor: null }, 200);
  });

  app.openapi(changeRoleRoute, async (c) => {
    const access = requireAction(c, 'members.manage');
    const { userId } = c.req.valid('param');
    const { role } = c.req.valid('json');
    const target = await findTargetMember(c, access, userId);
    checkOwnershipRule(access, target, role);
    const updated = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      if (target.role === 'owner' && role !== 'owner' && (await countOwnersForUpdate(scope)) <= 1) {
        throw ruleViolated('A workspace needs at least one owner. Make another member an owner first.');
      }
      await updateMembershipRole(scope, target.userId, role);
      await recordAudit(scope, access.actor, {
        action: 'member.role_changed',
        targetType: 'member',
        targetId: target.userId,
        details: { email: target.email, from: target.role, to: role },
      });
      return findMember(scope, target.userId);
    });
    return c.json(memberView(updated ?? { ...target, role }), 200);
  });

  app.openapi(removeMemberRoute, async (c) => {
    const { userId } = c.req.valid('param');
    const leaving = c.get('access').actor.userId === userId.toLowerCase() && !c.get('access').actor.tokenId;
    const access = leaving ? c.get('access') : requireAction(c, 'members.manage');
    const target = await findTargetMember(c, access, userId);
    if (!leaving) checkOwnershipRule(access, target);
    await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      if (target.role === 'owner' && (await countOwnersForUpdate(scope)) <= 1) {
        throw ruleViolated(
          leaving
            ? 'You are the last owner: make another member an owner before you leave, or delete the workspace.'
            : 'A workspace needs at least one owner.',
        );
      }
      await deleteMembership(scope, target.userId);
      await revokeApiTokensOf(scope, target.userId);
      await recordAudit(scope, access.actor, {
        action: leaving ? 'member.left' : 'member.removed',
        targetType: 'member',
        targetId: target.userId,
        details: { email: target.email, role: target.role },
      });
    });
    return c.body(null, 204);
  });
}
