import { describe, expect, it } from 'vitest';
import { toolContext } from '../../../test/support/tool-context.ts';
import { ToolError } from '../tool-error.ts';
import { transformTool } from './transform.ts';

const runData = {
  input: { maximum: 100 },
  steps: {
    extract: {
      records: [
        { name: 'Lamp', price: 40 },
        { name: 'Desk', price: 250 },
        { name: 'Pen', price: 3 },
      ],
    },
  },
};

describe('transform', () => {
  it("evaluates JSONata over the run's data", async () => {
    const result = await transformTool.run(
      transformTool.input.parse({ expression: 'steps.extract.records[price < $$.input.maximum].name' }),
      toolContext({ runData }),
    );
    expect(result).toEqual({ value: ['Lamp', 'Pen'] });
  });

  it('evaluates over given data, and gives null for nothing', async () => {
    const total = await transformTool.run(
      transformTool.input.parse({ expression: '$sum(price)', data: runData.steps.extract.records }),
      toolContext(),
    );
    expect(total).toEqual({ value: 293 });
    const nothing = await transformTool.run(
      transformTool.input.parse({ expression: 'missing.field' }),
      toolContext({ runData }),
    );
    expect(nothing).toEqual({ value: null });
  });

  it('says why an expression does not parse or fails', async () => {
    const parse = await transformTool
      .run(transformTool.input.parse({ expression: 'steps.(' }), toolContext())
      .catch((error: unknown) => error);
    expect(parse).toBeInstanceOf(ToolError);
    expect((parse as ToolError).message).toMatch(/does not parse/);
    const failing = await transformTool
      .run(transformTool.input.parse({ expression: '$number("abc")' }), toolContext())
      .catch((error: unknown) => error);
    expect((failing as ToolError).code).toBe('expression');
  });
});
