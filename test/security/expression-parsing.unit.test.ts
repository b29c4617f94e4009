// Issue 11, item 2, found by the review: JSONata *parses* some expressions in time that grows with
// the square of their length (`a.*.*.*…`: 4,000 characters take about 100 ms, 8,000 about 450 ms),
// and parsing happened on the event loop: saving one 1 MB spec full of them froze the API for
// 17 s, and a transform step re-parsed its expression in the worker on every run and loop item.
// Parsing is now bounded where it stays on the event loop (spec checks) and moved to the
// evaluating processes where it is repeated at run time (transform).
import { afterAll, describe, expect, it } from 'vitest';
import { validateAgentSpec } from '../../src/domain/agent-spec.ts';
import { stopExpressions } from '../../src/expressions/expression-evaluator.ts';
import { transformTool } from '../../src/runtime/tools/transform.ts';
import { toolContext } from '../support/tool-context.ts';

/** An expression that parses in time quadratic in its length. */
function slowToParse(length: number) {
  return `a${'.*'.repeat(Math.floor((length - 1) / 2))}`;
}

afterAll(async () => {
  await stopExpressions();
});

describe('parsing expressions on the event loop', () => {
  it('checks a spec full of slow-to-parse expressions in bounded time, and says why it stopped', () => {
    const expression = slowToParse(3999);
    const steps = Array.from({ length: 60 }, (_, index) => ({
      id: `step_${index}`,
      tool: 'transform',
      with: { expression: `{{${expression}}}`, other: `{{${expression}}}` },
    }));
    const started = performance.now();
    const validation = validateAgentSpec({ name: 'slow', steps });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(2000);
    expect(validation.success).toBe(false);
    const messages = validation.success ? [] : validation.issues.map((issue) => issue.message);
    expect(messages.join('\n')).toMatch(/took longer than .* to check/);
  });

  it('refuses a template expression longer than a step condition may be', () => {
    const validation = validateAgentSpec({
      name: 'long',
      steps: [{ id: 'one', tool: 'transform', with: { expression: `{{${slowToParse(8001)}}}` } }],
    });
    expect(validation.success).toBe(false);
    const messages = validation.success ? [] : validation.issues.map((issue) => issue.message);
    expect(messages.join('\n')).toMatch(/longer than 4000 characters/);
  });

  it('still accepts an ordinary spec and names a parse error', () => {
    expect(
      validateAgentSpec({
        name: 'fine',
        steps: [{ id: 'one', tool: 'transform', with: { expression: '{{ input.items[price > 3].name }}' } }],
      }).success,
    ).toBe(true);
    const broken = validateAgentSpec({
      name: 'broken',
      steps: [{ id: 'one', tool: 'transform', with: { expression: '{{ input.( }}' } }],
    });
    expect(broken.success ? [] : broken.issues.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/does not parse/),
    ]);
  });

  it('a transform step does not parse its expression on the event loop', async () => {
    // Started before measuring: the evaluating process's own start is not what is measured.
    await transformTool.run(transformTool.input.parse({ expression: '1 + $count([2])' }), toolContext());
    // How long the event loop went without a turn, in total, while three such steps ran.
    let last = performance.now();
    let blocked = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      if (now - last > 50) blocked += now - last;
      last = now;
    }, 5);
    for (let step = 0; step < 3; step++) {
      await transformTool
        .run(transformTool.input.parse({ expression: slowToParse(8001) }), toolContext({ runData: {} }))
        .catch(() => undefined);
    }
    clearInterval(ticker);
    // Parsing them on the event loop blocked it for about 1 s here.
    expect(blocked).toBeLessThan(250);
  });

  it('a transform expression that does not parse still says so', async () => {
    await expect(
      transformTool.run(transformTool.input.parse({ expression: 'steps.(' }), toolContext()),
    ).rejects.toMatchObject({ code: 'expression', message: expect.stringMatching(/does not parse/) });
  });
});
