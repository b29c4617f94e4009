// Readiness: whether this process can do its work now, for a load balancer or an orchestrator's
// readiness probe (liveness is /api/health, which only says the process serves). Each check is
// bounded in time, so a database that hangs makes the probe answer 503 rather than hang with it.

export type ReadinessCheckName = 'database' | 'migrations' | 'queue' | 'browser';

export interface ReadinessCheckResult {
  ok: boolean;
  /** What is wrong and what to do, when not ok. */
  message?: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Partial<Record<ReadinessCheckName, ReadinessCheckResult>>;
}

/** The checks a process runs; each throws (or answers a message) when it fails. */
export interface ReadinessChecks {
  database(): Promise<void>;
  /** Undefined when every migration is applied, else what is missing. */
  migrations(): Promise<string | undefined>;
  queue(): Promise<void>;
  /** Only in processes that execute runs, where browser tools run. */
  browser?(): Promise<void>;
}

const checkTimeoutMilliseconds = 5000;
// Chromium's first launch on a busy machine takes seconds; after it, the answer is cached.
const browserTimeoutMilliseconds = 30_000;

function withinTime<T>(work: Promise<T>, what: string, milliseconds = checkTimeoutMilliseconds): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${milliseconds / 1000} s`)),
      milliseconds,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function failure(error: unknown): ReadinessCheckResult {
  return { ok: false, message: error instanceof Error ? error.message : String(error) };
}

export class Readiness {
  readonly #checks: ReadinessChecks;

  constructor(checks: ReadinessChecks) {
    this.#checks = checks;
  }

  async check(): Promise<ReadinessReport> {
    const checks: ReadinessReport['checks'] = {};
    const [database, queue, browser] = await Promise.allSettled([
      withinTime(this.#checks.database(), 'the database'),
      withinTime(this.#checks.queue(), 'the queue'),
      this.#checks.browser
        ? withinTime(this.#checks.browser(), 'the browser', browserTimeoutMilliseconds)
        : Promise.resolve(),
    ]);
    checks.database = database.status === 'fulfilled' ? { ok: true } : failure(database.reason);
    if (checks.database.ok) {
      try {
        const missing = await withinTime(this.#checks.migrations(), 'the migrations table');
        checks.migrations = missing ? { ok: false, message: missing } : { ok: true };
      } catch (error) {
        checks.migrations = failure(error);
      }
    } else {
      checks.migrations = { ok: false, message: 'not checked: the database does not answer' };
    }
    checks.queue = queue.status === 'fulfilled' ? { ok: true } : failure(queue.reason);
    if (this.#checks.browser) {
      checks.browser = browser.status === 'fulfilled' ? { ok: true } : failure(browser.reason);
    }
    return { ready: Object.values(checks).every((check) => check.ok), checks };
  }
}

/**
 * A launch check kept for a while: launching Chromium costs about half a second, too much for
 * every probe. A success is trusted for ten minutes, a failure is tried again after thirty
 * seconds (someone may be fixing it), and probes that arrive during a check share it.
 */
export function cachedCheck(
  check: () => Promise<void>,
  options: { successMilliseconds?: number; failureMilliseconds?: number; now?: () => number } = {},
): () => Promise<void> {
  const successMilliseconds = options.successMilliseconds ?? 10 * 60_000;
  const failureMilliseconds = options.failureMilliseconds ?? 30_000;
  const now = options.now ?? Date.now;
  let last: { at: number; error?: unknown } | undefined;
  let pending: Promise<void> | undefined;
  return () => {
    if (last) {
      const age = now() - last.at;
      if (last.error === undefined && age < successMilliseconds) return Promise.resolve();
      if (last.error !== undefined && age < failureMilliseconds) return Promise.reject(last.error);
    }
    pending ??= check()
      .then(
        () => {
          last = { at: now() };
        },
        (error: unknown) => {
          last = { at: now(), error };
          throw error;
        },
      )
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}
