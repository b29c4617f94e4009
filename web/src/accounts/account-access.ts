// What the person's role lets them do with accounts, as the API decides it (src/domain/roles.ts):
// builders read them (to pick one for an agent), admins and owners connect and change them.
// Viewers may not see them at all.
import type { Workspace } from '../shared/workspace-context.tsx';

export function accountAccess(role: Workspace['role']) {
  return {
    canRead: role === 'owner' || role === 'admin' || role === 'builder',
    canManage: role === 'owner' || role === 'admin',
  };
}
