// `repeat` on a step: run the step again and again until a condition holds, for paginated APIs
// (follow a `next` cursor, ask for page=N until one comes back empty) and for polling ("until the
// report is ready"). Here are its shape and the checks made when a spec is saved; the loop itself
// runs in runtime/repeat-loop.ts.
import { z } from 'zod';
import { expressionsIn, templateStrings } from './template.ts';

/** Names the run's data already uses: a loop variable called so would hide them from the step. */
const reservedNames = ['input', 'steps', 'run'];

export const defaultMaximumIterations = 100;

/**
 * Built from the spec's own `identifier` and `expression` schemas, so a loop variable and a
 * condition are held to the same rules (and messages) as everywhere else in a spec.
 */
export function repeatSchema(identifier: z.ZodString, expression: z.ZodString) {
  return z
    .strictObject({
      until: expression.describe(
        'JSONata expression, checked after each iteration; the loop stops when it is true. `loop.output` is this iteration’s output.',
      ),
      maxIterations: z
        .number('must be a whole number from 1 to 1000')
        .int('must be a whole number from 1 to 1000')
        .min(1, 'must be at least 1')
        .max(1000, 'must be at most 1000; for more, split the work over runs')
        .default(defaultMaximumIterations),
      as: identifier
        .refine((name) => !reservedNames.includes(name), {
          message: `must not be ${reservedNames.join(', ')}: the step would no longer see that part of the run's data; use a name such as loop or page`,
        })
        .default('loop'),
      intervalMs: z
        .number('must be a number of milliseconds from 0 to 600000')
        .int('must be a whole number of milliseconds')
        .min(0, 'must not be negative')
        .max(
          600_000,
          'must be at most 600000 (ten minutes); to wait longer between checks, schedule the agent',
        )
        .optional(),
      onLimit: z
        .enum(['fail', 'warn'], 'must be fail (the step fails) or warn (the step succeeds with a warning)')
        .default('fail'),
    })
    .describe('Run the step again until `until` holds; its output is the list of the iterations’ outputs.');
}

export interface RepeatIssue {
  /** Under the step, such as `repeat.until`. */
  field: string;
  message: string;
}

/**
 * What is wrong with a step's loop beyond its shape: `repeat` with `forEach`, a condition that
 * cannot change between iterations, or one that reads a step that has not run yet.
 */
export function repeatIssues(
  step: { id: string; with: unknown; forEach?: unknown; repeat?: { until: string; as: string } },
  earlierSteps: ReadonlySet<string>,
): RepeatIssue[] {
  const { repeat } = step;
  if (!repeat) return [];
  const issues: RepeatIssue[] = [];
  if (step.forEach !== undefined) {
    issues.push({
      field: 'repeat',
      message:
        'a step cannot have both forEach and repeat; loop over the items in one step and repeat in another (a transform step can prepare the list)',
    });
  }
  // Nothing but the loop variable changes from one iteration to the next: a condition that does
  // not read it holds at once or never, which is not a loop.
  if (!new RegExp(`(?<![\\w$])${repeat.as}\\b`).test(repeat.until)) {
    issues.push({
      field: 'repeat.until',
      message: `does not use ${repeat.as}, so it gives the same answer at every iteration; test this iteration's output, such as ${repeat.as}.output.body.next = null`,
    });
  }
  for (const [, referenced] of repeat.until.matchAll(/\bsteps\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (!referenced || earlierSteps.has(referenced)) continue;
    issues.push({
      field: 'repeat.until',
      message:
        referenced === step.id
          ? `refers to steps.${referenced}, this step, whose output exists only once the loop has ended; use ${repeat.as}.output (this iteration's output) instead`
          : `refers to steps.${referenced}, which is not an earlier step; a step can use the output of the steps before it`,
    });
  }
  // The iteration's own output exists only once it has run: `with` builds on the one before.
  const ownOutput = new RegExp(`(?<![\\w$.])${repeat.as}\\.output\\b`);
  for (const template of templateStrings(step.with, 'with')) {
    if (!expressionsIn(template.value).some((text) => ownOutput.test(text))) continue;
    issues.push({
      field: template.path,
      message: `reads ${repeat.as}.output, which exists only in repeat.until (once the iteration has run); use ${repeat.as}.previous, the iteration before's output (null at first)`,
    });
  }
  return issues;
}
