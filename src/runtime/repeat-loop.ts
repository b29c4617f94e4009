// Runs a step with `repeat` (see domain/repeat-spec.ts): iteration after iteration, each
// checkpointed like a forEach item by the executor, until the step's `until` condition holds or
// its maxIterations are spent. The executor supplies how to run and checkpoint one iteration;
// this file decides what each iteration sees, when to stop and how long to pause.
import type { AgentStep } from '../domain/agent-spec.ts';
import { evaluateExpression } from './template-evaluator.ts';
import { ToolError } from './tool-error.ts';

type Repeat = NonNullable<AgentStep['repeat']>;

export interface RepeatLoop {
  step: AgentStep & { repeat: Repeat };
  runData: Record<string, unknown>;
  /** Whether iteration `index` finished in an earlier execution or attempt (it is not run again). */
  finishedBefore(index: number): boolean;
  /** Runs iteration `index` over `data` and checkpoints it (or answers its checkpoint's output). */
  runIteration(index: number, data: Record<string, unknown>): Promise<unknown>;
  /** Waits between iterations; rejects when the run is cancelled meanwhile. */
  pause(milliseconds: number): Promise<void>;
  warn(message: string, fields: Record<string, unknown>): void;
}

/**
 * Truth as JSONata's `$boolean` sees it, since `until` is JSONata: an empty list, an empty text,
 * zero and an empty object are false, and a list is true when any of its members is.
 */
export function jsonataTruth(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.some(jsonataTruth);
  if (typeof value === 'object') return Object.keys(value).length > 0;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return Boolean(value);
}

/** What happened when the iterations ran out before `until` held. */
function limitReached(step: AgentStep & { repeat: Repeat }, last: unknown): string {
  const { until, maxIterations } = step.repeat;
  const gave =
    last === undefined
      ? 'it gave nothing at the last one, so a field it reads may be missing or misspelt (a missing field is not = null: test it with $exists)'
      : `it gave ${JSON.stringify(last)?.slice(0, 200)} at the last one`;
  return `Step ${step.id} ran ${maxIterations} times (its repeat.maxIterations) and its until condition "${until}" never held; ${gave}.`;
}

const limitAdvice =
  'Raise repeat.maxIterations if there is more to fetch, or fix repeat.until so that it holds when the work is done.';

/** Runs the loop; answers the list of the iterations' outputs, in order. */
export async function runRepeatLoop(loop: RepeatLoop): Promise<unknown[]> {
  const { step, runData } = loop;
  const { until, maxIterations, as, intervalMs = 0, onLimit } = step.repeat;
  const outputs: unknown[] = [];
  let condition: unknown;
  let previousRanNow = false;
  for (let index = 0; index < maxIterations; index++) {
    const previous = index === 0 ? null : outputs[index - 1];
    const runsNow = !loop.finishedBefore(index);
    // The pause follows an iteration that ran in this attempt: a loop resumed after a crash or
    // retried after a failure goes on at once (the time it was down, or the backoff, has passed).
    if (runsNow && previousRanNow && intervalMs > 0) await loop.pause(intervalMs);
    const output = await loop.runIteration(index, { ...runData, [as]: { index, previous } });
    previousRanNow = runsNow;
    outputs.push(output);
    condition = await evaluateExpression(
      until,
      { ...runData, [as]: { index, previous, output } },
      `steps.${step.id}.repeat.until`,
    );
    if (jsonataTruth(condition)) return outputs;
  }
  if (onLimit === 'warn') {
    loop.warn(
      `${limitReached(step, condition)} The step goes on with what it has (onLimit warn). ${limitAdvice}`,
      {
        iterations: maxIterations,
      },
    );
    return outputs;
  }
  throw new ToolError('repeat_limit', `${limitReached(step, condition)} ${limitAdvice}`, {
    details: { iterations: maxIterations, until },
  });
}
