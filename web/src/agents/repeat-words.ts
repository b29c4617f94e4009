// A step's `repeat` loop in words, for the agent's step list and a plan's steps: "until
// `loop.output.body.next = null`, at most 100 times, 2.0 s apart".
import { duration } from '../shared/format.ts';

/** The loop's condition and bounds, or undefined when the step does not repeat. */
export function repeatInWords(repeat: unknown): string | undefined {
  if (!repeat || typeof repeat !== 'object') return undefined;
  const { until, maxIterations, intervalMs } = repeat as {
    until?: unknown;
    maxIterations?: unknown;
    intervalMs?: unknown;
  };
  if (typeof until !== 'string') return undefined;
  // 100 is the limit a spec gets when it names none (domain/repeat-spec.ts).
  const most = typeof maxIterations === 'number' ? maxIterations : 100;
  const apart = typeof intervalMs === 'number' && intervalMs > 0 ? `, ${duration(intervalMs)} apart` : '';
  return `until \`${until}\`, at most ${most} times${apart}`;
}
