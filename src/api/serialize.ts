// Records as the API shows them: dates as ISO strings, secrets and hashes never.
import type { Role } from '../domain/roles.ts';
import type { UserRecord } from '../store/account-repository.ts';
import type { WorkspaceRecord } from '../store/workspace-repository.ts';

export const iso = (date: Date) => date.toISOString();
export const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export function userView(user: UserRecord) {
  return { id: user.id, email: user.email, name: user.name, createdAt: iso(user.createdAt) };
}

export function workspaceView(workspace: WorkspaceRecord, role: Role) {
  return {
    id: workspace.id,
    slug: workspace.slug,
    name: workspace.name,
    role,
    createdAt: iso(workspace.createdAt),
    updatedAt: iso(workspace.updatedAt),
  };
}
