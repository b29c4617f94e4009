// transform: reshape data with a JSONata expression, over the run's data or a given value.
import jsonata from 'jsonata';
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { ToolError } from '../tool-error.ts';

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
    let compiled: ReturnType<typeof jsonata>;
    try {
      compiled = jsonata(request.expression);
    } catch (error) {
      throw new ToolError('expression', `The expression does not parse: ${(error as Error).message}.`, {
        cause: error,
      });
    }
    try {
      const value = await compiled.evaluate(request.data === undefined ? context.runData : request.data);
      // JSONata returns its own sequence arrays; a JSON round trip gives plain data to store.
      return { value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
    } catch (error) {
      throw new ToolError('expression', `The expression failed: ${(error as Error).message}.`, {
        cause: error,
      });
    }
  },
});
