// Invitations: an admin invites an e-mail address with a role; the person opens the link, signs
// in with that address and accepts. Links expire and work once.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { publicUrlOf } from '../../config.ts';
import { conflict, forbidden, notFound, OrcaError, ruleViolated } from '../../domain/errors.ts';
import { can, roleAtLeast } from '../../domain/roles.ts';
import { hashSecret, newSecret } from '../../domain/secret-token.ts';
import { findInvitationByHash } from '../../store/account-repository.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import {
  findInvitation,
  type InvitationRecord,
  insertInvitation,
  invitationKeyset,
  listOpenInvitations,
  markInvitationAccepted,
  revokeInvitation,
  revokeOpenInvitations,
} from '../../store/invitation-repository.ts';
import { isUniqueViolation } from '../../store/store.ts';
import {
  getWorkspace,
  insertMembership,
  listMembers,
  lockMemberships,
} from '../../store/workspace-repository.ts';
import { requireSession } from '../authentication.ts';
import type { ApiContext, ApiEnv } from '../context.ts';
import { keysetPageOf, pageParameters, requestedPage } from '../keyset-cursor.ts';
import { locateInWorkspace } from '../location.ts';
import {
  commonErrors,
  emailSchema,
  errorSchema,
  idParameter,
  jsonBody,
  jsonResponse,
  listOf,
  publicRoute,
  roleSchema,
  securedBy,
  timestamp,
  workspaceSchema,
} from '../schemas.ts';
import { iso, workspaceView } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';

const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: roleSchema,
    createdAt: timestamp,
    expiresAt: timestamp,
    expired: z.boolean(),
  })
  .openapi('Invitation');

const createdInvitationSchema = invitationSchema
  .extend({
    acceptUrl: z
      .string()
      .describe('The link to accept; shown only now. It holds the secret invitation token.'),
    token: z.string().describe('The invitation token, shown only now.'),
    emailSent: z
      .boolean()
      .describe('Whether an e-mail was sent (SMTP configured); otherwise share the link.'),
    replacedEarlier: z
      .boolean()
      .describe('Whether an open invitation to this address was revoked: its link no longer works.'),
  })
  .openapi('CreatedInvitation');

const inviteBody = z.strictObject({ email: emailSchema, role: roleSchema.default('builder') });
const workspaceParameters = z.object({ ws: idParameter('ws') });
const tokenParameters = z.object({ token: idParameter('token') });

function invitationView(invitation: InvitationRecord) {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    createdAt: iso(invitation.createdAt),
    expiresAt: iso(invitation.expiresAt),
    expired: invitation.expiresAt.getTime() <= Date.now(),
  };
}

const inviteResponses = {
  201: jsonResponse(createdInvitationSchema, 'The invitation, with its link (shown once).'),
  ...commonErrors,
  409: jsonResponse(errorSchema, 'That address is a member already.'),
};

const inviteRoute = createRoute({
  method: 'post',
  operationId: 'createInvitation',
  path: '/api/workspaces/{ws}/invitations',
  tags: ['members'],
  summary: 'Invite someone by e-mail (admin)',
  security: securedBy,
  request: { params: workspaceParameters, body: jsonBody(inviteBody) },
  responses: inviteResponses,
});

const inviteMemberRoute = createRoute({
  method: 'post',
  operationId: 'addMember',
  path: '/api/workspaces/{ws}/members',
  tags: ['members'],
  summary: 'Add a member: sends an invitation, the same as POST …/invitations (admin)',
  security: securedBy,
  request: { params: workspaceParameters, body: jsonBody(inviteBody) },
  responses: inviteResponses,
});

const listInvitationsRoute = createRoute({
  method: 'get',
  operationId: 'listInvitations',
  path: '/api/workspaces/{ws}/invitations',
  tags: ['members'],
  summary: 'Open invitations (neither accepted nor revoked)',
  security: securedBy,
  request: { params: workspaceParameters, query: z.object(pageParameters()) },
  responses: {
    200: jsonResponse(listOf(invitationSchema), 'A page of open invitations, newest first.'),
    ...commonErrors,
  },
});

const revokeInvitationRoute = createRoute({
  method: 'delete',
  operationId: 'revokeInvitation',
  path: '/api/workspaces/{ws}/invitations/{invitationId}',
  tags: ['members'],
  summary: 'Revoke an open invitation (admin)',
  security: securedBy,
  request: { params: z.object({ ws: idParameter('ws'), invitationId: idParameter('invitationId') }) },
  responses: { 204: { description: 'Revoked.' }, ...commonErrors },
});

const previewRoute = createRoute({
  method: 'get',
  operationId: 'getInvitation',
  security: publicRoute,
  path: '/api/invitations/{token}',
  tags: ['members'],
  summary: 'What an invitation link is for (workspace, role, address)',
  request: { params: tokenParameters },
  responses: {
    200: jsonResponse(
      z.object({
        workspaceName: z.string(),
        email: z.string(),
        role: roleSchema,
        expiresAt: timestamp,
        status: z.string(),
      }),
      'The invitation.',
    ),
    404: commonErrors[404],
  },
});

const acceptRoute = createRoute({
  method: 'post',
  operationId: 'acceptInvitation',
  path: '/api/invitations/{token}/accept',
  tags: ['members'],
  summary: 'Accept an invitation (signed in with the invited address)',
  security: securedBy,
  request: { params: tokenParameters },
  responses: {
    200: jsonResponse(z.object({ workspace: workspaceSchema }), 'You are a member now.'),
    ...commonErrors,
    409: jsonResponse(errorSchema, 'Used already, or you are a member already.'),
  },
});

function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

function invitationStatus(invitation: InvitationRecord): 'open' | 'accepted' | 'revoked' | 'expired' {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (invitation.expiresAt.getTime() <= Date.now()) return 'expired';
  return 'open';
}

async function findInvitationByToken(c: ApiContext, token: string) {
  const invitation = await c
    .get('services')
    .store.system((scope) => findInvitationByHash(scope, hashSecret(token)));
  if (!invitation) {
    throw new OrcaError(
      'not_found',
      'This invitation link is not valid. Check that it was copied whole, or ask for a new one.',
    );
  }
  return invitation;
}

async function invite(c: ApiContext, body: z.infer<typeof inviteBody>) {
  const access = requireAction(c, 'members.manage');
  if (body.role === 'owner' && access.role !== 'owner')
    throw forbidden('Only an owner can invite another owner.');
  const { store, config, mailer, logger } = c.get('services');
  const token = newSecret('invitation');
  const expiresAt = new Date(Date.now() + config.invitationDays * 24 * 60 * 60 * 1000);
  const invitation = await store
    .inWorkspace(access.workspace.id, async (scope) => {
      const members = await listMembers(scope);
      if (members.some((member) => member.email === body.email)) {
        throw conflict(`${body.email} is a member of this workspace already. Change their role instead.`);
      }
      // A new invitation replaces any open one for the same address: only the newest link works.
      const replaced = await revokeOpenInvitations(scope, { email: body.email });
      const created = await insertInvitation(scope, {
        email: body.email,
        role: body.role,
        tokenHash: hashSecret(token),
        invitedBy: access.actor.userId,
        expiresAt,
      });
      await recordAudit(scope, access.actor, {
        action: 'member.invited',
        targetType: 'invitation',
        targetId: created.id,
        details: { email: body.email, role: body.role },
      });
      return { ...created, replacedEarlier: replaced > 0 };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw conflict(`Another invitation to ${body.email} was created at the same moment. Try again.`);
      throw error;
    });
  const acceptUrl = `${publicUrlOf(config)}/invitations/${token}`;
  let emailSent = false;
  if (mailer.configured) {
    try {
      await mailer.send({
        to: body.email,
        subject: `You are invited to ${access.workspace.name} on Orca`,
        text:
          `You have been invited to the workspace "${access.workspace.name}" on Orca as ${body.role}.\n\n` +
          `Open this link to accept (it works once, until ${expiresAt.toUTCString()}):\n${acceptUrl}\n`,
      });
      emailSent = true;
    } catch (error) {
      logger.error('the invitation e-mail could not be sent', error instanceof Error ? error.message : error);
    }
  }
  locateInWorkspace(c, 'invitations', invitation.id);
  return c.json(
    {
      ...invitationView(invitation),
      acceptUrl,
      token,
      emailSent,
      replacedEarlier: invitation.replacedEarlier,
    },
    201,
  );
}

export function registerInvitationRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(inviteRoute, (c) => invite(c, c.req.valid('json')));
  app.openapi(inviteMemberRoute, (c) => invite(c, c.req.valid('json')));

  app.openapi(listInvitationsRoute, async (c) => {
    const access = requireAction(c, 'members.read');
    const query = c.req.valid('query');
    const rows = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, (scope) =>
        listOpenInvitations(scope, requestedPage(invitationKeyset, query)),
      );
    const page = keysetPageOf(invitationKeyset, rows, query.limit);
    return c.json({ items: page.items.map(invitationView), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(revokeInvitationRoute, async (c) => {
    const access = requireAction(c, 'members.manage');
    const { invitationId } = c.req.valid('param');
    await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const invitation = await findInvitation(scope, invitationId);
      if (!invitation || invitationStatus(invitation) === 'accepted' || invitation.revokedAt) {
        throw notFound('This open invitation');
      }
      await revokeInvitation(scope, invitation.id);
      await recordAudit(scope, access.actor, {
        action: 'invitation.revoked',
        targetType: 'invitation',
        targetId: invitation.id,
        details: { email: invitation.email },
      });
    });
    return c.body(null, 204);
  });

  app.openapi(previewRoute, async (c) => {
    const invitation = await findInvitationByToken(c, c.req.valid('param').token);
    const workspace = await c.get('services').store.inWorkspace(invitation.workspaceId, getWorkspace);
    if (!workspace) throw notFound('The workspace of this invitation');
    return c.json(
      {
        workspaceName: workspace.name,
        email: maskEmail(invitation.email),
        role: invitation.role,
        expiresAt: iso(invitation.expiresAt),
        status: invitationStatus(invitation),
      },
      200,
    );
  });

  app.openapi(acceptRoute, async (c) => {
    const principal = requireSession(c);
    const invitation = await findInvitationByToken(c, c.req.valid('param').token);
    const status = invitationStatus(invitation);
    if (status === 'accepted')
      throw conflict('This invitation has been used already. Ask for a new one if you need it.');
    if (status === 'revoked')
      throw ruleViolated('This invitation was revoked or replaced by a newer one. Use the newest link.');
    if (status === 'expired') {
      throw ruleViolated(
        `This invitation expired on ${invitation.expiresAt.toUTCString()}. Ask an admin of the workspace to invite you again.`,
      );
    }
    if (invitation.email !== principal.user.email) {
      throw forbidden(
        `This invitation is for ${maskEmail(invitation.email)}, and you are signed in as ${principal.user.email}. ` +
          'Sign in with the invited address (or sign up with it) and open the link again.',
      );
    }
    const { store } = c.get('services');
    const workspace = await store
      .inWorkspace(invitation.workspaceId, async (scope) => {
        const locked = await lockMemberships(scope);
        if (locked.some((membership) => membership.userId === principal.user.id)) {
          throw conflict('You are a member of this workspace already.');
        }
        // An invitation carries its sender's rights: it lapses if the sender left or lost them.
        const inviterRole = locked.find((membership) => membership.userId === invitation.invitedBy)?.role;
        if (
          !inviterRole ||
          !can(inviterRole, 'members.manage') ||
          !roleAtLeast(inviterRole, invitation.role)
        ) {
          throw ruleViolated(
            'The person who sent this invitation can no longer invite you with this role. Ask an admin for a new invitation.',
          );
        }
        if (!(await markInvitationAccepted(scope, invitation.id, principal.user.id))) {
          throw conflict('This invitation has just been used or revoked.');
        }
        await insertMembership(scope, principal.user.id, invitation.role);
        await recordAudit(
          scope,
          { userId: principal.user.id },
          {
            action: 'member.joined',
            targetType: 'member',
            targetId: principal.user.id,
            details: { email: principal.user.email, role: invitation.role, invitationId: invitation.id },
          },
        );
        return getWorkspace(scope);
      })
      .catch((error: unknown) => {
        // Two invitations to one person accepted at the same moment: the second finds the first.
        if (isUniqueViolation(error)) throw conflict('You are a member of this workspace already.');
        throw error;
      });
    if (!workspace) throw notFound('The workspace of this invitation');
    return c.json({ workspace: workspaceView(workspace, invitation.role) }, 200);
  });
}
