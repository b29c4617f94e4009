// The workspace the page is in, for every feature below the shell.
import { createContext, useContext } from 'react';
import type { Me } from '../shell/session.ts';

/** A workspace as /api/me lists it: id, slug, name and the user's role there. */
export type Workspace = Me['workspaces'][number];
export type User = Me['user'];

export interface WorkspaceScope {
  workspace: Workspace;
  user: User;
  /** The workspace's slug, as used in API paths and page addresses. */
  ws: string;
  /** Whether the user's role lets them change things (builder and up). */
  canBuild: boolean;
}

const WorkspaceContext = createContext<WorkspaceScope | null>(null);
export const WorkspaceProvider = WorkspaceContext.Provider;

export function useWorkspace(): WorkspaceScope {
  const scope = useContext(WorkspaceContext);
  if (!scope) throw new Error('useWorkspace is used outside a workspace page');
  return scope;
}
