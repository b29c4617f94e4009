// Hears the run-event notices of the database (run-event-notices.ts) and hands them on. On
// PostgreSQL a dedicated connection LISTENs, outside the pool, so that a notice sent by any
// process on the database (an `orca worker` finishing a run) reaches this one; on PGlite the one
// in-process connection listens through PGlite's own `listen`, which pg-boss's queue relies on
// as well. A notice is a hint to read again, never the data: what one that is lost costs is the
// delay until the reader's safety re-check.
import pg from 'pg';
import type { Database } from './database.ts';
import { parseRunEventNotice, type RunEventNotice, runEventChannel } from './run-event-notices.ts';

export interface RunEventHandlers {
  deliver(notice: RunEventNotice): void;
  /** Called when notices may have been missed (the connection was lost and is back). */
  wakeAll(): void;
  /** Reports a lost connection; listening resumes by itself. */
  onError(error: unknown): void;
}

export interface RunEventListener {
  close(): Promise<void>;
}

const longestReconnectPauseMilliseconds = 30_000;

function deliverPayload(payload: string | undefined, handlers: RunEventHandlers) {
  const notice = payload === undefined ? undefined : parseRunEventNotice(payload);
  if (notice) handlers.deliver(notice);
}

async function listenOnPglite(database: Database, handlers: RunEventHandlers): Promise<RunEventListener> {
  const pglite = database.pglite;
  if (!pglite) throw new Error('listenOnPglite needs a PGlite database');
  const unsubscribe = await pglite.listen(runEventChannel, (payload) => deliverPayload(payload, handlers));
  return {
    close: async () => {
      await unsubscribe().catch(() => undefined);
    },
  };
}

/** LISTENs on a connection of its own, reconnecting with a growing pause when it is lost. */
async function listenOnPostgres(url: string, handlers: RunEventHandlers): Promise<RunEventListener> {
  let closed = false;
  let client: pg.Client | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let failures = 0;

  const connect = async () => {
    const next = new pg.Client({
      connectionString: url,
      keepAlive: true,
      application_name: 'orca-run-events',
    });
    next.on('notification', (message) => {
      if (message.channel === runEventChannel) deliverPayload(message.payload, handlers);
    });
    const lost = (error: unknown) => {
      if (client !== next) return;
      client = undefined;
      next.removeAllListeners();
      next.end().catch(() => undefined);
      handlers.onError(error);
      scheduleReconnect();
    };
    next.on('error', lost);
    next.on('end', () => lost(new Error('the run-event listener’s connection ended')));
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${runEventChannel}`);
    } catch (error) {
      if (client === next) client = undefined;
      next.removeAllListeners();
      await next.end().catch(() => undefined);
      throw error;
    }
    if (closed) await next.end().catch(() => undefined);
  };

  const scheduleReconnect = () => {
    if (closed || reconnectTimer) return;
    const pause = Math.min(longestReconnectPauseMilliseconds, 500 * 2 ** Math.min(failures, 6));
    failures++;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect().then(
        () => {
          failures = 0;
          // Notices sent while nobody listened are gone: every reader looks again.
          handlers.wakeAll();
        },
        (error: unknown) => {
          handlers.onError(error);
          scheduleReconnect();
        },
      );
    }, pause);
    reconnectTimer.unref();
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      clearTimeout(reconnectTimer);
      const current = client;
      client = undefined;
      if (current) {
        current.removeAllListeners();
        current.on('error', () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}

/** Starts hearing run-event notices on the database Orca runs on. */
export function listenForRunEvents(
  database: Database,
  handlers: RunEventHandlers,
): Promise<RunEventListener> {
  switch (database.kind) {
    case 'pglite':
      return listenOnPglite(database, handlers);
    case 'postgres':
      if (!database.url)
        throw new Error('A PostgreSQL database without its URL cannot listen for run events');
      return listenOnPostgres(database.url, handlers);
  }
}
