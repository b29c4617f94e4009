// The Location header of a 201 or 202: where the created thing (or the started run) is read.
import type { ApiContext } from './context.ts';

/** The API path of something in a workspace, by the workspace's id (a slug can change). */
export function workspacePath(workspaceId: string, ...segments: string[]): string {
  return `/api/workspaces/${[workspaceId, ...segments].map(encodeURIComponent).join('/')}`;
}

/** Sets Location to a path in the request's workspace. */
export function locateInWorkspace(c: ApiContext, ...segments: string[]): void {
  c.header('Location', workspacePath(c.get('access').workspace.id, ...segments));
}
