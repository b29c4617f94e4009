// The process's Prometheus metrics: one registry per process (platform.ts makes it), every name
// prefixed `orca_`, and one small method per thing that happens so that call sites stay one line.
// Labels are closed sets (statuses, triggers, tool names, route patterns) or capped (model
// names), so a busy Orca cannot grow a series per run, per workspace or per address.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What a webhook call came to: a run started, the first call's run answered again (a retry with
 * the same Idempotency-Key), or a refusal by kind (hooks/hook-call-outcome.ts maps errors here).
 */
export type WebhookOutcome =
  | 'started'
  | 'replayed'
  | 'unauthorized'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'insufficient_credits'
  | 'queue_full'
  | 'invalid'
  | 'failed';

/** Queue figures read from the database when Prometheus scrapes. */
export interface QueueFigures {
  /** Runs whose job is due and not yet taken by a worker. */
  depth: number;
  /** How long the oldest of them has waited, in seconds (0 when there is none). */
  oldestAgeSeconds: number;
}

/**
 * Distinct model names kept as labels besides the configured ones: a step may name another model
 * of the provider (llm.generate's `model`), which comes from an agent's spec, not from the
 * operator; further names are counted under `other`.
 */
const maximumModelLabels = 20;

// Seconds. Steps range from a millisecond transform to a many-minute browser walk.
const stepBuckets = [0.005, 0.025, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];
// A schedule fires within milliseconds when all is well; seconds mean a busy or stalled loop.
const lagBuckets = [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60];
const httpBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

export interface MetricsOptions {
  /** Process metrics (CPU, memory, event loop lag, handles); off in unit tests that count series. */
  processMetrics?: boolean;
}

export class Metrics {
  readonly registry = new Registry();
  readonly #runsFinished: Counter<'status' | 'trigger'>;
  readonly #stepDuration: Histogram<'tool' | 'status'>;
  readonly #scheduleLag: Histogram<'kind'>;
  readonly #webhookCalls: Counter<'outcome'>;
  readonly #llmTokens: Counter<'model' | 'direction'>;
  readonly #httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly #eventStreams: Gauge;
  readonly #models = new Set<string>();
  /** The operator's models (ORCA_LLM): always their own label, outside the cap. */
  readonly #configuredModels = new Set<string>();

  constructor(options: MetricsOptions = {}) {
    const registers = [this.registry];
    this.#runsFinished = new Counter({
      name: 'orca_runs_finished_total',
      help: 'Runs that reached a final status, by status and by what started them.',
      labelNames: ['status', 'trigger'],
      registers,
    });
    this.#stepDuration = new Histogram({
      name: 'orca_step_duration_seconds',
      help: 'How long a step took, from its start to its checkpoint, by tool and outcome.',
      labelNames: ['tool', 'status'],
      buckets: stepBuckets,
      registers,
    });
    this.#scheduleLag = new Histogram({
      name: 'orca_schedule_lag_seconds',
      help: 'How late a schedule (or a one-off run) fired: the time it fired minus the time it was due.',
      labelNames: ['kind'],
      buckets: lagBuckets,
      registers,
    });
    this.#webhookCalls = new Counter({
      name: 'orca_webhook_calls_total',
      help: 'Calls to inbound webhooks (POST /api/hooks/:hookId), by outcome.',
      labelNames: ['outcome'],
      registers,
    });
    this.#llmTokens = new Counter({
      name: 'orca_llm_tokens_total',
      help: 'Tokens sent to (input) and received from (output) the LLM, by model.',
      labelNames: ['model', 'direction'],
      registers,
    });
    this.#httpDuration = new Histogram({
      name: 'orca_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern (never the raw path) and status, with their durations (to the response headers).',
      labelNames: ['method', 'route', 'status'],
      buckets: httpBuckets,
      registers,
    });
    this.#eventStreams = new Gauge({
      name: 'orca_event_streams_open',
      help: 'Server-sent event streams open in this process.',
      registers,
    });
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'orca_' });
  }

  runFinished(status: 'succeeded' | 'failed' | 'cancelled', trigger: string) {
    this.#runsFinished.inc({ status, trigger });
  }

  stepFinished(tool: string, status: 'succeeded' | 'failed' | 'waiting', milliseconds: number) {
    this.#stepDuration.observe({ tool, status }, milliseconds / 1000);
  }

  scheduleFired(kind: 'schedule' | 'one-off', dueAt: Date, firedAt: Date = new Date()) {
    this.#scheduleLag.observe({ kind }, Math.max(0, firedAt.getTime() - dueAt.getTime()) / 1000);
  }

  webhookCalled(outcome: WebhookOutcome) {
    this.#webhookCalls.inc({ outcome });
  }

  llmTokens(model: string, input: number, output: number) {
    const label = this.#modelLabel(model);
    if (input > 0) this.#llmTokens.inc({ model: label, direction: 'input' }, input);
    if (output > 0) this.#llmTokens.inc({ model: label, direction: 'output' }, output);
  }

  httpRequest(method: string, route: string, status: number, milliseconds: number) {
    this.#httpDuration.observe({ method, route, status: String(status) }, milliseconds / 1000);
  }

  /** Counts a stream as open; call the answer when it closes. */
  eventStreamOpened(): () => void {
    this.#eventStreams.inc();
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      this.#eventStreams.dec();
    };
  }

  /** Reports the browser contexts open, read when Prometheus scrapes. */
  watchBrowserContexts(count: () => number) {
    new Gauge({
      name: 'orca_browser_contexts_open',
      help: 'Browser contexts open in this process (one per run using the browser).',
      registers: [this.registry],
      collect() {
        this.set(count());
      },
    });
  }

  /**
   * Reports the queue, read from the database when Prometheus scrapes (one statement for both
   * gauges, made once per scrape). A failing read leaves the gauges out rather than failing the
   * scrape: the other metrics still say what happened.
   */
  watchQueue(read: () => Promise<QueueFigures>) {
    let pending: Promise<QueueFigures | undefined> | undefined;
    const figures = () => {
      pending ??= read()
        .catch(() => undefined)
        .finally(() => {
          pending = undefined;
        });
      return pending;
    };
    const registers = [this.registry];
    new Gauge({
      name: 'orca_queue_depth',
      help: 'Runs waiting for a worker: their queue job is due and not yet taken.',
      registers,
      async collect() {
        const read = await figures();
        if (read) this.set(read.depth);
      },
    });
    new Gauge({
      name: 'orca_queue_oldest_age_seconds',
      help: 'How long the oldest run waiting for a worker has waited (0 when none waits).',
      registers,
      async collect() {
        const read = await figures();
        if (read) this.set(read.oldestAgeSeconds);
      },
    });
  }

  /** The text exposition format, as Prometheus scrapes it. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /** Keeps a label for the operator's model, however many other names steps have used first. */
  keepModelLabel(model: string) {
    this.#configuredModels.add(model);
  }

  #modelLabel(model: string): string {
    if (this.#configuredModels.has(model) || this.#models.has(model)) return model;
    if (this.#models.size >= maximumModelLabels) return 'other';
    this.#models.add(model);
    return model;
  }
}
