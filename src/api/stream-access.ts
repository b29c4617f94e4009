// Whether the caller of a long-lived request (an event stream) may still see it. The request's
// credentials were checked when it began; a stream can stay open for hours, so the caller is
// looked up again every few seconds and at once when this process announces a change that
// concerns them (access-changes.ts). The first look that finds them gone ends the watch.
import type { Action } from '../domain/roles.ts';
import { concerns } from './access-changes.ts';
import { findPrincipalAgain } from './authentication.ts';
import type { ApiServices, Principal, WorkspaceAccess } from './context.ts';
import { actionRefusal, findWorkspaceAccess } from './workspace-access.ts';

export type AccessEndReason =
  | 'session-ended'
  | 'token-revoked'
  | 'access-removed'
  | 'role-insufficient'
  | 'check-failed';

export interface AccessEnd {
  reason: AccessEndReason;
  message: string;
}

export interface StreamCaller {
  principal: Principal;
  access: WorkspaceAccess;
  /** What the stream shows needs this action's role. */
  action: Action;
}

/** Why the caller may no longer take the action in the workspace, or undefined if they still may. */
export async function accessEndOf(
  services: Pick<ApiServices, 'store'>,
  caller: StreamCaller,
): Promise<AccessEnd | undefined> {
  const { store } = services;
  const principal = await findPrincipalAgain(store, caller.principal);
  if (!principal) {
    return caller.principal.kind === 'session'
      ? {
          reason: 'session-ended',
          message: 'Your session ended (signed out or expired). Sign in again and reopen the stream.',
        }
      : {
          reason: 'token-revoked',
          message: 'This API token was revoked or has expired. Use a live token and reopen the stream.',
        };
  }
  const access = await findWorkspaceAccess(store, principal, caller.access.workspace.id);
  if (!access) {
    return {
      reason: 'access-removed',
      message: `You are no longer a member of "${caller.access.workspace.name}", or it was deleted.`,
    };
  }
  const refusal = actionRefusal(access, caller.action);
  return refusal ? { reason: 'role-insufficient', message: refusal.message } : undefined;
}

export interface AccessWatch {
  /** Why access ended, once a look found it ended. */
  readonly end: AccessEnd | undefined;
  /** Resolves when access ends (never, if it does not). */
  readonly ended: Promise<AccessEnd>;
  /**
   * Resolves once no look is under way. A stream awaits it before each event, so that after a
   * change is announced nothing more is sent until the look it started has found access intact.
   */
  settled(): Promise<void>;
  stop(): void;
}

/** Looks the caller up again every `streamAccessCheckMs` and on every change that concerns them. */
export function watchAccess(
  services: Pick<ApiServices, 'store' | 'config' | 'accessChanges' | 'logger'>,
  caller: StreamCaller,
): AccessWatch {
  let end: AccessEnd | undefined;
  let stopped = false;
  let wanted = false;
  let looking: Promise<void> | undefined;
  let resolveEnded: (value: AccessEnd) => void = () => undefined;
  const ended = new Promise<AccessEnd>((resolve) => {
    resolveEnded = resolve;
  });

  const lookWhileWanted = async () => {
    while (wanted && !stopped && !end) {
      wanted = false;
      try {
        end = await accessEndOf(services, caller);
      } catch (error) {
        // Fail closed: a stream whose caller cannot be checked stops; the client resumes it with
        // Last-Event-ID once Orca can check again.
        services.logger.error('Could not check an event stream caller’s access', error);
        end = {
          reason: 'check-failed',
          message: 'Orca could not check your access just now. Reopen the stream to go on.',
        };
      }
      if (end) resolveEnded(end);
    }
    // No await between the loop's last test and this line: a look asked for meanwhile is not lost.
    looking = undefined;
  };
  const look = () => {
    if (stopped || end) return;
    wanted = true;
    // The loop always reaches an await before it could clear `looking`, so this assignment is
    // never of a finished look.
    looking ??= lookWhileWanted();
  };

  const timer = setInterval(look, services.config.streamAccessCheckMs);
  timer.unref();
  const stopListening = services.accessChanges.listen((change) => {
    if (concerns(change, { workspaceId: caller.access.workspace.id, userId: caller.principal.user.id }))
      look();
  });

  return {
    get end() {
      return end;
    },
    ended,
    settled: async () => {
      while (looking) await looking;
    },
    stop: () => {
      stopped = true;
      clearInterval(timer);
      stopListening();
    },
  };
}
