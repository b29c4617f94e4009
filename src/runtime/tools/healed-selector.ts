// How a healed selector is reported: a warning in the run's events saying old → new, with the
// structured change the Orchestrator's advice turns into a plan (advice/selector-advice.ts reads
// `fields.healedSelector` back from the run's log events).
import { z } from 'zod';
import type { ToolContext } from '../tool.ts';

export const healField = z
  .boolean()
  .default(true)
  .describe(
    'When a selector no longer matches and an LLM is configured, find its replacement for this run and propose the change; false fails the step instead.',
  );

/** What a healed step changed: `field` of the step's `with`, from its old value to the new one. */
export const healedSelector = z.object({
  tool: z.string(),
  field: z.enum(['selector', 'records']),
  from: z.unknown(),
  to: z.unknown(),
});
export type HealedSelector = z.infer<typeof healedSelector>;

export function reportHealed(context: ToolContext, change: HealedSelector, url: string) {
  const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));
  context.logger.warn(
    `The ${change.field === 'records' ? 'records selector' : 'selector'} ${show(change.from)} matches nothing on ${url} any more; ${show(change.to)} was used for this run. A suggestion proposes the change to the agent.`,
    { healedSelector: change },
  );
}
