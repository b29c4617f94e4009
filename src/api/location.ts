// The Location header of a 201 or 202: where the created thing (or the started run) is read.
import type { ApiContext } from './context.ts';

/** Sets Location to a path in the request's workspace, by its id (a slug can change). */
export function locateInWorkspace(c: ApiContext, ...segments: string[]): void {
  const workspaceId = c.get('access').workspace.id;
  const path = [workspaceId, ...segments].map(encodeURIComponent).join('/');
  c.header('Location', `/api/workspaces/${path}`);
}
