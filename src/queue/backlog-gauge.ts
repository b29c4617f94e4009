// How many runs wait on the queue, for refusing new ones when too many do (backpressure). The
// count is pg-boss's own: its monitor counts each queue's ready jobs (queued, due, not started)
// every few seconds for every process on the database, and this gauge reads that count at most
// once a second, only when someone asks. Asking never waits on the database: a start inside a
// transaction (on PGlite, on the one connection everything shares) must not wait for a read that
// waits for it. The answer is therefore a few seconds old; a bound is approximate by nature.

/** A backlog that has passed its bound: the whole queue's, or one workspace's share of it. */
export interface QueueBacklog {
  /**
   * `queue`: runs queued and not started across the database, as pg-boss last counted them, past
   * ORCA_QUEUE_BACKLOG_LIMIT. `workspace`: the starting workspace's queued runs (parked ones
   * included), counted at the start, have reached ORCA_QUEUE_WORKSPACE_BACKLOG_LIMIT.
   */
  bound: 'queue' | 'workspace';
  /** Runs queued and not started under that bound (for a workspace: at least this many). */
  waiting: number;
  limit: number;
  /** For a workspace whose plan caps its runs at once: that cap (why its runs wait longer). */
  maxRunsAtOnce?: number;
}

export interface BacklogGaugeOptions {
  limit: number;
  /** Reads the current count of ready jobs. */
  read(): Promise<number>;
  onError(error: unknown): void;
  /** How old a reading may be before the next question refreshes it. */
  refreshMilliseconds?: number;
  /** A reading older than this is not trusted (nobody asked for a while): runs are admitted. */
  trustMilliseconds?: number;
}

export class BacklogGauge {
  readonly #options: Required<BacklogGaugeOptions>;
  #waiting = 0;
  #readAt = 0;
  #reading: Promise<void> | undefined;

  constructor(options: BacklogGaugeOptions) {
    this.#options = { refreshMilliseconds: 1000, trustMilliseconds: 15_000, ...options };
  }

  /** Reads the count now (at start-up, so that the first question has an answer). */
  async refresh(): Promise<void> {
    this.#reading ??= this.#options
      .read()
      .then((waiting) => {
        this.#waiting = waiting;
        this.#readAt = Date.now();
      })
      .catch(this.#options.onError)
      .finally(() => {
        this.#reading = undefined;
      });
    await this.#reading;
  }

  /** The backlog when it is over the limit by the latest trusted reading; starts a fresh reading when due. */
  overLimit(): QueueBacklog | undefined {
    const age = Date.now() - this.#readAt;
    if (age >= this.#options.refreshMilliseconds) void this.refresh();
    if (age >= this.#options.trustMilliseconds) return undefined;
    if (this.#waiting <= this.#options.limit) return undefined;
    return { bound: 'queue', waiting: this.#waiting, limit: this.#options.limit };
  }
}
