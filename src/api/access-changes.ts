// Tells open event streams of this process, at once, that someone's access may have ended: a
// session signed out, a token was revoked, a member was removed or given another role, a
// workspace was deleted. A stream that hears a change concerning it looks its caller up again.
// Changes made by another process are not heard here; streams also look again every few seconds
// (ORCA_STREAM_ACCESS_CHECK_MS), which catches those.

/** Whom a change concerns; every field given must match a stream for it to look again. */
export interface AccessChange {
  workspaceId?: string;
  userId?: string;
}

export type AccessChangeListener = (change: AccessChange) => void;

export class AccessChanges {
  readonly #listeners = new Set<AccessChangeListener>();

  /** Call after the change has committed, so that a stream looking again sees it. */
  announce(change: AccessChange): void {
    for (const listener of this.#listeners) listener(change);
  }

  /** Returns the function that stops listening. */
  listen(listener: AccessChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** Whether a change concerns a caller acting as `userId` in `workspaceId`. */
export function concerns(change: AccessChange, caller: { workspaceId: string; userId: string }): boolean {
  return (
    (change.workspaceId === undefined || change.workspaceId === caller.workspaceId) &&
    (change.userId === undefined || change.userId === caller.userId)
  );
}
