// Evaluates JSONata in child processes that the pool kills when an expression outlives its time
// limit, so no expression can hold Orca's event loop: health checks, other runs and SIGTERM are
// served meanwhile. A child is a process rather than a worker thread because a worker thread
// that runs out of heap can abort the whole Orca process (Node's resourceLimits are best effort:
// `[1..10000000]` and `$pad("x", 1e8)` aborted it here); a child only loses itself. Children
// stay up between evaluations and cache what they compiled, so an evaluation costs one message
// each way.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  describeLimit,
  ExpressionFailure,
  type ExpressionLimitKind,
  type ExpressionLimits,
} from './expression-limits.ts';

/** At least this much wall time beyond the limit before a child is killed (see #deadline). */
const backstopSlackMs = 1000;
/** A deadline timer this much later than due means this process was not running meanwhile. */
const stalledAfterMs = 250;

const childScript = fileURLToPath(new URL('./expression-process.mjs', import.meta.url));

interface Job {
  /** Whose evaluation this is (a workspace): lanes are served in turn. */
  lane: string;
  expressions: string[];
  data: unknown;
  results: unknown[];
  resolve(values: unknown[]): void;
  reject(error: ExpressionFailure): void;
}

/** What a child answers for one expression of a job. */
interface Answer {
  /** Sent once, when the child has started. */
  ready?: true;
  id: number;
  index: number;
  json?: string;
  limit?: ExpressionLimitKind;
  message?: string;
  /** JSONata's error code, such as S0201 for a syntax error. */
  code?: string;
}

interface Child {
  process: ChildProcess;
  /** Started: evaluations are timed from here, not from the start of the process. */
  ready: boolean;
  job?: { id: number; work: Job; timer: NodeJS.Timeout };
}

export class ExpressionPool {
  readonly limits: ExpressionLimits;
  readonly #children = new Set<Child>();
  readonly #idle: Child[] = [];
  readonly #waiting: Job[] = [];
  /** When each lane was last given a child, in dispatches. */
  readonly #lastServed = new Map<string, number>();
  #nextId = 0;
  #closed = false;

  constructor(limits: ExpressionLimits) {
    this.limits = limits;
  }

  /**
   * Evaluates each expression over `data`, in order; the first that fails rejects the whole.
   * `lane` says whose evaluation it is: waiting evaluations are taken lane by lane.
   */
  evaluate(expressions: string[], data: unknown, lane = 'orca'): Promise<unknown[]> {
    if (expressions.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      if (this.#closed) {
        reject(new ExpressionFailure('expressions are no longer evaluated: Orca is stopping', { index: 0 }));
        return;
      }
      this.#waiting.push({ lane, expressions, data, results: [], resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops every child; evaluations still waiting fail. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#waiting.splice(0)) {
      job.reject(
        new ExpressionFailure('expressions are no longer evaluated: Orca is stopping', { index: 0 }),
      );
    }
    await Promise.all([...this.#children].map((child) => this.#stop(child)));
  }

  #dispatch() {
    while (this.#waiting.length > 0) {
      const child = this.#idle.pop();
      if (!child) {
        // A child being started takes the next job when it says it is ready.
        if (this.#children.size < this.limits.processes) this.#spawn();
        return;
      }
      const work = this.#takeNext();
      const id = this.#nextId++;
      this.#lastServed.set(work.lane, id);
      child.job = { id, work, timer: this.#deadline(child) };
      // A job in flight keeps Orca alive until it is answered; an idle child does not.
      child.process.channel?.ref();
      try {
        child.process.send({ id, expressions: work.expressions, data: work.data, limits: this.limits });
      } catch (error) {
        this.#finish(child, () =>
          work.reject(
            new ExpressionFailure(`the data cannot be read: ${(error as Error).message}`, { index: 0 }),
          ),
        );
      }
    }
  }

  /**
   * The oldest waiting job of the lane served longest ago (or never): a workspace that queues
   * many slow evaluations waits behind its own, not in front of everyone else's.
   */
  #takeNext(): Job {
    let chosen = 0;
    let chosenServed = Number.POSITIVE_INFINITY;
    for (const [index, job] of this.#waiting.entries()) {
      const served = this.#lastServed.get(job.lane) ?? -1;
      if (served < chosenServed) {
        chosen = index;
        chosenServed = served;
      }
    }
    const [job] = this.#waiting.splice(chosen, 1);
    if (this.#waiting.length === 0) this.#lastServed.clear();
    return job as Job;
  }

  #spawn(): Child {
    const process = fork(childScript, [], {
      // Only our flags: the parent's (a TypeScript loader, inspector) have no business there.
      execArgv: [`--max-old-space-size=${this.limits.memoryMb}`],
      serialization: 'advanced',
      // An out-of-memory child prints V8's report; the failure is reported as a limit instead.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const child: Child = { process, ready: false };
    this.#children.add(child);
    // Until it is ready the child is awaited (its channel keeps Orca alive); idle, it is not.
    process.unref();
    process.on('message', (answer: Answer) => this.#answered(child, answer));
    process.on('exit', (code, signal) => this.#exited(child, code, signal));
    return child;
  }

  /**
   * The child stops an evaluation at the time limit itself, counting only evaluation time. This
   * kill is the backstop for work it cannot interrupt (a regular expression in native code), so it
   * allows slack: on a busy machine, waiting for a core must not fail an expression like `1 + 1`.
   *
   * Node runs due timers before it reads pending I/O. When this process did not get a core for
   * longer than the deadline, the timer would fire on waking although the child's answer is
   * already waiting in the pipe (seen in CI: "1 + 1" failed as too slow). So the timer only
   * decides after that I/O is read (setImmediate runs after the poll phase), and a timer that
   * fired late — this process was not running — gives the child one more window, once.
   */
  #deadline(child: Child, secondChance = true): NodeJS.Timeout {
    const delay = this.limits.timeoutMs + Math.max(backstopSlackMs, this.limits.timeoutMs);
    const due = performance.now() + delay;
    const timer = setTimeout(() => {
      const lateness = performance.now() - due;
      setImmediate(() => {
        const job = child.job;
        if (!job || job.timer !== timer) return;
        if (secondChance && lateness > stalledAfterMs) {
          job.timer = this.#deadline(child, false);
          return;
        }
        this.#fail(child, 'time');
      });
    }, delay);
    return timer;
  }

  #answered(child: Child, answer: Answer) {
    if (answer.ready) {
      child.ready = true;
      child.process.channel?.unref();
      if (this.#children.has(child)) this.#idle.push(child);
      this.#dispatch();
      return;
    }
    const job = child.job;
    if (!job || job.id !== answer.id) return;
    const { work } = job;
    if (answer.limit || answer.message !== undefined) {
      const message = answer.limit ? describeLimit(answer.limit, this.limits) : (answer.message as string);
      this.#finish(child, () =>
        work.reject(
          new ExpressionFailure(message, { index: answer.index, limit: answer.limit, code: answer.code }),
        ),
      );
      return;
    }
    work.results[answer.index] = answer.json === undefined ? undefined : JSON.parse(answer.json);
    if (answer.index === work.expressions.length - 1) {
      this.#finish(child, () => work.resolve(work.results));
      return;
    }
    // Each expression of a job has the whole time limit.
    clearTimeout(job.timer);
    job.timer = this.#deadline(child);
  }

  /** The job ended and the child is usable again. */
  #finish(child: Child, settle: () => void) {
    if (child.job) clearTimeout(child.job.timer);
    child.job = undefined;
    child.process.channel?.unref();
    if (this.#children.has(child)) this.#idle.push(child);
    settle();
    this.#dispatch();
  }

  /** The job hit a hard limit: its child is killed and another takes its place. */
  #fail(child: Child, limit: ExpressionLimitKind) {
    const job = child.job;
    this.#forget(child);
    child.process.kill('SIGKILL');
    this.#replace();
    if (job) {
      clearTimeout(job.timer);
      job.work.reject(
        new ExpressionFailure(describeLimit(limit, this.limits), {
          index: job.work.results.length,
          limit,
        }),
      );
    }
    this.#dispatch();
  }

  #exited(child: Child, code: number | null, signal: NodeJS.Signals | null) {
    if (!this.#children.has(child)) return;
    if (!child.job) {
      this.#forget(child);
      if (!child.ready) {
        // A child that cannot even start would fail again: what waits for one fails instead.
        const reason = `the evaluating process did not start (exit code ${code}, signal ${signal})`;
        for (const job of this.#waiting.splice(0)) job.reject(new ExpressionFailure(reason, { index: 0 }));
      }
      return;
    }
    // V8 aborts a process whose heap is full; the kernel kills one that takes the machine's memory.
    const outOfMemory = signal === 'SIGABRT' || signal === 'SIGKILL' || code === 134 || code === 137;
    if (outOfMemory) {
      this.#fail(child, 'memory');
      return;
    }
    const job = child.job;
    this.#forget(child);
    this.#replace();
    clearTimeout(job.timer);
    job.work.reject(
      new ExpressionFailure(`the evaluating process stopped (exit code ${code}, signal ${signal})`, {
        index: job.work.results.length,
      }),
    );
    this.#dispatch();
  }

  /** Starts a child in place of one that died, so the next evaluation does not wait for a start. */
  #replace() {
    if (!this.#closed && this.#children.size < this.limits.processes) this.#spawn();
  }

  #forget(child: Child) {
    this.#children.delete(child);
    const at = this.#idle.indexOf(child);
    if (at >= 0) this.#idle.splice(at, 1);
  }

  #stop(child: Child): Promise<void> {
    this.#forget(child);
    const job = child.job;
    // No job left on a stopped child: a deadline already fired must not arm another timer.
    child.job = undefined;
    if (job) {
      clearTimeout(job.timer);
      job.work.reject(
        new ExpressionFailure('expressions are no longer evaluated: Orca is stopping', {
          index: job.work.results.length,
        }),
      );
    }
    if (child.process.exitCode !== null || child.process.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.process.once('exit', () => resolve());
      child.process.kill('SIGKILL');
    });
  }
}
