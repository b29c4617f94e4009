import { describe, expect, it } from 'vitest';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const planner = new BuiltInPlanner();
const plan = (text: string) => planner.plan({ text, snapshot: fixtureSnapshot(), now: corpusNow });

describe("an agent's page changed in words", () => {
  it.each([
    'update the price monitor so it watches https://example.com/plans',
    "the price monitor's page moved to https://example.com/plans",
    'tweak the price monitor so it looks at https://example.com/plans',
  ])('"%s" points every step and the instructions at the new page', async (text) => {
    const operation = (await plan(text)).plan?.operations[0];
    expect(operation?.type).toBe('updateAgent');
    const spec = JSON.stringify(operation && 'spec' in operation ? operation.spec : {});
    expect(spec).toContain('https://example.com/plans');
    expect(spec).not.toContain('https://example.com/pricing');
  });

  it('leaves the page alone when the address is where to post', async () => {
    const operation = (await plan('update the price monitor so it posts to https://hooks.example.com/x')).plan
      ?.operations[0];
    const spec = JSON.stringify(operation && 'spec' in operation ? operation.spec : {});
    expect(spec).toContain('https://example.com/pricing');
  });
});
