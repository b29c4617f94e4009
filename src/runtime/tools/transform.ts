// transform: reshape data with a JSONata expression, over the run's data or a given value.
import { z } from 'zod';
import { evaluateExpression } from '../template-evaluator.ts';
import { defineTool } from '../tool.ts';

const input = z.strictObject({
  expression: z
    .string()
    .min(1)
    .max(20_000)
    .describe('A JSONata expression, e.g. steps.extract.records[price < 100].name'),
  data: z
    .unknown()
    .optional()
    .describe('What the expression reads; the run data (input, steps, …) when left out.'),
});

const output = z.object({ value: z.unknown() });

export const transformTool = defineTool({
  name: 'transform',
  description:
    'Compute a value with a JSONata expression: filter, map, group, join or reshape the input and earlier steps’ outputs.',
  input,
  output,
  sideEffect: false,
  async run(request, context) {
    // Not parsed here: parsing too can take long (quadratic in the length for some forms), so it
    // happens in the evaluating process, under the time limit; a syntax error says it does not parse.
    const data = request.data === undefined ? context.runData : request.data;
    const value = await evaluateExpression(
      request.expression,
      data,
      `steps.${context.stepId}.with.expression`,
    );
    return { value: value === undefined ? null : value };
  },
});
