// The writing half of the run-event seam: every transaction that appends run events (and so every
// run status change, which always appends a `status` event) also sends a notice on one channel
// with `pg_notify`. PostgreSQL (and PGlite, which is PostgreSQL) holds a notice sent inside a
// transaction until it commits, and drops it if it rolls back, so a listener that wakes on one
// finds the events it announces already visible. The payload stays small: which workspace, which
// run, what kind; the listener reads the events themselves from the table.
// See docs/decisions/0033-run-event-notices.md.
import { type SQLWrapper, sql } from 'drizzle-orm';
import type { runEvents } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

/** The one channel of run-event notices (lower case: LISTEN folds unquoted names). */
export const runEventChannel = 'orca_run_events';

export type RunEventKind = (typeof runEvents.$inferSelect)['kind'];

export interface RunEventNotice {
  workspaceId: string;
  runId: string;
  /** `status` when the announced events include a status change, else the last event's kind. */
  kind: RunEventKind;
}

/** The notice that announces these kinds of events (in order) of a run, or none for no events. */
function noticeOf(scope: WorkspaceScope, runId: string, kinds: RunEventKind[]): RunEventNotice | undefined {
  const last = kinds.at(-1);
  if (!last) return undefined;
  return { workspaceId: scope.workspaceId, runId, kind: kinds.includes('status') ? 'status' : last };
}

/**
 * Runs the insert of a run's events and announces them at commit, in one statement: the notice
 * rides on the insert as `with … select pg_notify(…)`, a round trip less for every transaction that
 * writes events (three in a one-step run). A data-modifying `with` runs once whether or not the
 * outer select reads it, and fails the statement if it fails, so no notice goes out without its
 * events.
 */
export async function insertAnnouncingRunEvents(
  scope: WorkspaceScope,
  insert: SQLWrapper,
  runId: string,
  kinds: RunEventKind[],
) {
  const notice = noticeOf(scope, runId, kinds);
  if (!notice) return;
  // Identical notices of one transaction are delivered once, so a run's many log lines in one
  // transaction cost listeners one wake-up.
  await scope.db.execute(
    sql`with inserted as (${insert.getSQL()}) select pg_notify(${runEventChannel}, ${JSON.stringify(notice)})`,
  );
}

/** The notice a payload carries, or undefined if it is not one of ours (never thrown on). */
export function parseRunEventNotice(payload: string): RunEventNotice | undefined {
  try {
    const value = JSON.parse(payload) as Partial<RunEventNotice>;
    if (typeof value.workspaceId !== 'string' || typeof value.runId !== 'string') return undefined;
    if (typeof value.kind !== 'string') return undefined;
    return value as RunEventNotice;
  } catch {
    return undefined;
  }
}
