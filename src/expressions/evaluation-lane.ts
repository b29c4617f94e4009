// Which workspace an evaluation is made for, carried by async context rather than by argument:
// the code between a run (or a hook call, or a chain) and the evaluator — templates, tools,
// mappings — need not know about the pool's fairness. The pool serves the lanes in turn, so
// one workspace's slow expressions cannot make every other workspace wait behind them.
import { AsyncLocalStorage } from 'node:async_hooks';

const lanes = new AsyncLocalStorage<string>();

/** The lane of evaluations made outside any workspace's work. */
export const sharedLane = 'orca';

/** Runs `work` with every evaluation it makes counted in `lane` (a workspace id). */
export function inExpressionLane<T>(lane: string, work: () => Promise<T>): Promise<T> {
  return lanes.run(lane, work);
}

/** The lane the current evaluation belongs to. */
export function currentExpressionLane(): string {
  return lanes.getStore() ?? sharedLane;
}
