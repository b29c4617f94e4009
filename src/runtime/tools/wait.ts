// wait: pause the run for a while or until a time. A wait of more than a moment suspends the
// run durably: the worker is released, and the run is picked up again (by any worker, after any
// restart) when the time comes. The end time is fixed when the wait starts, so a resumed run
// never waits twice.
import { z } from 'zod';
import { defineTool, SuspendRun } from '../tool.ts';
import { ToolError } from '../tool-error.ts';

/** Shorter waits happen in the worker: suspending would cost more than it saves. */
export const inProcessWaitMilliseconds = 2000;
const maximumWaitMilliseconds = 31 * 24 * 3600 * 1000;

const units = {
  milliseconds: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
} as const;

const amount = z.number().min(0).max(1_000_000_000);

const input = z
  .strictObject({
    milliseconds: amount.optional(),
    seconds: amount.optional(),
    minutes: amount.optional(),
    hours: amount.optional(),
    days: amount.optional(),
    until: z.iso
      .datetime({ offset: true, error: 'until must be a date and time such as 2026-12-01T08:00:00Z' })
      .optional()
      .describe('Wait until this time instead of for a duration.'),
  })
  .refine(
    (value) => Object.values(value).some((part) => part !== undefined),
    'give a duration (seconds, minutes, hours, days) or until',
  )
  .refine(
    (value) =>
      value.until === undefined ||
      Object.keys(units).every((unit) => value[unit as keyof typeof units] === undefined),
    'give either a duration or until, not both',
  );

const resumeStateSchema = z.object({ until: z.iso.datetime() });

const output = z.object({ waitedUntil: z.string(), waitedMilliseconds: z.number() });

function pause(milliseconds: number, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, milliseconds);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new ToolError('cancelled', 'The wait was cancelled.'));
      },
      { once: true },
    );
  });
}

export const waitTool = defineTool({
  name: 'wait',
  description:
    'Pause the run for a duration (seconds, minutes, hours, days; they add up) or until a time, for up to 31 days. The run keeps its place and frees its worker meanwhile; it goes on after a restart too.',
  input,
  output,
  sideEffect: false,
  async run(request, context) {
    const started = Date.now();
    const resumed = resumeStateSchema.safeParse(context.resumeState);
    let until: number;
    if (resumed.success) {
      until = Date.parse(resumed.data.until);
    } else if (request.until !== undefined) {
      until = Date.parse(request.until);
    } else {
      const duration = Object.entries(units).reduce(
        (total, [unit, factor]) => total + (request[unit as keyof typeof units] ?? 0) * factor,
        0,
      );
      until = started + duration;
    }
    if (until - started > maximumWaitMilliseconds) {
      throw new ToolError(
        'invalid_input',
        'A wait may last at most 31 days; use a schedule for anything longer.',
      );
    }
    const remaining = until - Date.now();
    if (remaining > inProcessWaitMilliseconds) {
      throw new SuspendRun(new Date(until), { until: new Date(until).toISOString() });
    }
    if (remaining > 0) await pause(remaining, context.signal);
    return {
      waitedUntil: new Date(Math.max(until, started)).toISOString(),
      waitedMilliseconds: Date.now() - started,
    };
  },
});
