// Resolves `:ws` (id or slug) to a workspace the caller belongs to, with the caller's role there.
// Anything else is 404, never 403, so that ids and slugs of other workspaces do not leak.
import type { MiddlewareHandler } from 'hono';
import { forbidden, notFound, type OrcaError } from '../domain/errors.ts';
import {
  type Action,
  can,
  leastRoleFor,
  personOnlyActions,
  type Role,
  roleAtLeast,
} from '../domain/roles.ts';
import type { Store } from '../store/store.ts';
import { findMember, findWorkspaceOfUser, getWorkspace } from '../store/workspace-repository.ts';
import { requirePrincipal } from './authentication.ts';
import type { ApiContext, ApiEnv, Principal, WorkspaceAccess } from './context.ts';

export function lesserRole(first: Role, second: Role): Role {
  return roleAtLeast(first, second) ? second : first;
}

/** The caller's workspace (by id or slug) and role there; undefined if they do not belong to it. */
export async function findWorkspaceAccess(
  store: Store,
  principal: Principal,
  idOrSlug: string,
): Promise<WorkspaceAccess | undefined> {
  if (principal.kind === 'session') {
    const found = await store.asUser(principal.user.id, (scope) => findWorkspaceOfUser(scope, idOrSlug));
    if (!found) return undefined;
    const { role, ...workspace } = found;
    return { workspace, role, actor: { userId: principal.user.id } };
  }
  // A token is bound to one workspace and never acts above its creator's current role.
  const found = await store.inWorkspace(principal.workspaceId, async (scope) => ({
    workspace: await getWorkspace(scope),
    creator: await findMember(scope, principal.user.id),
  }));
  const named =
    found.workspace &&
    (found.workspace.id === idOrSlug.toLowerCase() || found.workspace.slug === idOrSlug.toLowerCase());
  if (!found.workspace || !named || !found.creator) return undefined;
  return {
    workspace: found.workspace,
    role: lesserRole(principal.role, found.creator.role),
    actor: { userId: principal.user.id, tokenId: principal.tokenId },
  };
}

export const resolveWorkspace: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const principal = requirePrincipal(c);
  const idOrSlug = c.req.param('ws') ?? '';
  const access = await findWorkspaceAccess(c.get('services').store, principal, idOrSlug);
  if (!access) throw notFound(`Workspace "${idOrSlug}"`);
  c.set('access', access);
  await next();
};

/** Why the caller may not take the action, or undefined when their role allows it. */
export function actionRefusal(access: WorkspaceAccess, action: Action): OrcaError | undefined {
  if (access.actor.tokenId && personOnlyActions.has(action)) {
    return forbidden(
      'API tokens cannot manage members, invitations or tokens, or delete the workspace. Sign in as a person to do this.',
    );
  }
  if (!can(access.role, action)) {
    return forbidden(
      `Your role in "${access.workspace.name}" is ${access.role}; this needs ${leastRoleFor[action]} or higher. ` +
        'Ask an owner or admin of the workspace.',
    );
  }
  return undefined;
}

/** The caller's access, after checking that their role allows the action. */
export function requireAction(c: ApiContext, action: Action): WorkspaceAccess {
  const access = c.get('access');
  const refusal = actionRefusal(access, action);
  if (refusal) throw refusal;
  return access;
}
