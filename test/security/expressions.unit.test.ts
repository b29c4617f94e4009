// Issue 11, item 2: no JSONata expression can hold the process. Runaway forms (endless
// recursion, heavy loops, catastrophic regular expressions, huge ranges, huge results, memory)
// fail with a limit error that names where and which limit, while the event loop keeps serving.
// Before the fix, every one of these blocked the event loop (jsonata's own guards run between
// calls only, and step templates had none), so the "answers meanwhile" checks failed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrcaError } from '../../src/domain/errors.ts';
import {
  configureExpressions,
  evaluateExpressions,
  stopExpressions,
} from '../../src/expressions/expression-evaluator.ts';
import { defaultExpressionLimits, ExpressionFailure } from '../../src/expressions/expression-limits.ts';
import { ExpressionPool } from '../../src/expressions/expression-pool.ts';
import { mapToRunInput } from '../../src/hooks/hook-mapping.ts';
import { renderTemplate } from '../../src/runtime/template-evaluator.ts';
import { ToolError } from '../../src/runtime/tool-error.ts';
import { transformTool } from '../../src/runtime/tools/transform.ts';
import { toolContext } from '../support/tool-context.ts';

const limits = { ...defaultExpressionLimits, timeoutMs: 400 };
let server: Server;
let base: string;

beforeAll(async () => {
  configureExpressions(limits);
  server = createServer((_request, response) => response.end('alive'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Started once before timing anything: fetch's first use and the first evaluating process.
  await fetch(base).then((response) => response.text());
  await evaluateExpressions(['1 + 1'], {});
});
afterAll(async () => {
  await stopExpressions();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/**
 * Runs `work` while asking this process's own HTTP server, on loopback, to answer: the answer
 * must come well within the time limit, while the expression is still being evaluated.
 */
async function whileServing<T>(
  work: () => Promise<T>,
): Promise<{ outcome: T | unknown; answeredMs: number }> {
  const evaluation = work().then(
    (value) => value,
    (error: unknown) => error,
  );
  // Let the evaluation reach its process first.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const asked = performance.now();
  const response = await fetch(base);
  expect(await response.text()).toBe('alive');
  const answeredMs = performance.now() - asked;
  let settled = false;
  void evaluation.then(() => (settled = true));
  await Promise.resolve();
  // Answered while the expression was still running, not after it was stopped.
  expect(settled).toBe(false);
  return { outcome: await evaluation, answeredMs };
}

const runaways = {
  'endless tail recursion': '($f := function($x){ $f($x) }; $f(1))',
  'a heavy loop': '$reduce([1..900000], function($a, $b){ $a + $count([1..50]) })',
  'catastrophic backtracking': '$match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", /(a+)+$/)',
  'a string built in one call': '$length($pad("x", 300000000))',
};

describe('expression limits', () => {
  for (const [name, expression] of Object.entries(runaways)) {
    it(`stops ${name} in a with template, naming the field and the time limit, while serving`, async () => {
      const { outcome, answeredMs } = await whileServing(() =>
        renderTemplate(
          { url: 'https://example.com', body: `{{ ${expression} }}` },
          { input: {} },
          'steps.s.with',
        ),
      );
      expect(answeredMs).toBeLessThan(limits.timeoutMs);
      expect(outcome).toBeInstanceOf(ToolError);
      const error = outcome as ToolError;
      expect(error.code).toBe('expression_limit');
      expect(error.message).toContain('steps.s.with.body');
      // Which bound stops a one-call string depends on the machine's speed: time or memory.
      expect(error.message).toMatch(
        /took longer than 400 ms|gave a result larger than|used more than 256 MB/,
      );
      expect(error.details).toMatchObject({ where: 'steps.s.with.body' });
    });
  }

  it('stops non-tail recursion at the depth limit', async () => {
    const error = await renderTemplate('{{ ($f := function($x){ 1 + $f($x) }; $f(1)) }}', {}, 'output').catch(
      (failure: unknown) => failure,
    );
    expect(error).toMatchObject({ code: 'expression_limit', details: { where: 'output', limit: 'depth' } });
    expect((error as Error).message).toContain(`nested deeper than ${limits.maximumDepth}`);
  });

  it('refuses huge ranges before they allocate', async () => {
    for (const expression of ['[1..1000000000]', '$count([1..10000000])']) {
      const error = await renderTemplate(`{{ ${expression} }}`, {}, 'steps.s.if').catch(
        (failure: unknown) => failure,
      );
      expect(error).toMatchObject({ code: 'expression_limit', details: { limit: 'items' } });
      expect((error as Error).message).toContain('steps.s.if');
    }
  });

  it('refuses a result over the size limit', async () => {
    const error = await renderTemplate('{{ $pad("x", 5000000) }}', {}, 'steps.s.forEach.items').catch(
      (failure: unknown) => failure,
    );
    expect(error).toMatchObject({ code: 'expression_limit', details: { limit: 'result' } });
  });

  it('loses only the evaluating process when an expression takes all its memory, and evaluates again after', async () => {
    const pool = new ExpressionPool({ ...limits, timeoutMs: 20_000, memoryMb: 32 });
    try {
      const { outcome, answeredMs } = await whileServing(() =>
        pool.evaluate(['$count([1..900000].{"a": $, "b": [$, $string($), $]})'], {}),
      );
      expect(answeredMs).toBeLessThan(1000);
      expect(outcome).toBeInstanceOf(ExpressionFailure);
      expect(outcome).toMatchObject({ limit: 'memory' });
      expect((outcome as Error).message).toContain('more than 32 MB');
      expect(await pool.evaluate(['1 + 1'], {})).toEqual([2]);
    } finally {
      await pool.close();
    }
  });

  it('fails a transform step with the limit and evaluates again after the process was replaced', async () => {
    const error = await transformTool
      .run(
        transformTool.input.parse({ expression: runaways['endless tail recursion'] }),
        toolContext({ stepId: 'shape' }),
      )
      .catch((failure: unknown) => failure);
    expect(error).toMatchObject({ code: 'expression_limit' });
    expect((error as Error).message).toContain('steps.shape.with.expression');
    const fine = await transformTool.run(
      transformTool.input.parse({ expression: '$sum(steps.a.values)' }),
      toolContext({ runData: { steps: { a: { values: [1, 2, 3] } } } }),
    );
    expect(fine).toEqual({ value: 6 });
  });

  it("fails a hook's runaway mapping with a 422 that names the limit, while serving", async () => {
    const { outcome, answeredMs } = await whileServing(() =>
      mapToRunInput(`{"n": ${runaways['catastrophic backtracking']}}`, { body: {}, headers: {}, query: {} }),
    );
    expect(answeredMs).toBeLessThan(limits.timeoutMs);
    expect(outcome).toBeInstanceOf(OrcaError);
    expect(outcome).toMatchObject({ status: 422, details: [{ path: 'mapping', limit: 'time' }] });
    expect((outcome as Error).message).toContain('took longer than 400 ms');
  });

  it('answers plain field paths in-process exactly as JSONata would', async () => {
    const data = { input: { url: 'u', list: [1, 2], nested: { a: [{ b: 1 }, { b: 2 }] } }, steps: {} };
    const fast = await evaluateExpressions(
      ['input.url', 'input.missing.deeper', 'input.list', 'input.nested.a.b', 'true', 'input.url.length'],
      data,
    );
    expect(fast).toEqual(['u', undefined, [1, 2], [1, 2], true, undefined]);
  });
});
