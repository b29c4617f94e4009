// One workspace's runaway expressions must not make every other workspace wait behind them
// (found attacking issue 11, item 2): the evaluating processes take waiting evaluations lane by
// lane (a lane is a workspace), not first come, first served. Before, with four runaway
// evaluations of one workspace queued first, another workspace's `1 + 1` was answered last.
import { afterAll, describe, expect, it } from 'vitest';
import {
  currentExpressionLane,
  inExpressionLane,
  sharedLane,
} from '../../src/expressions/evaluation-lane.ts';
import { defaultExpressionLimits } from '../../src/expressions/expression-limits.ts';
import { ExpressionPool } from '../../src/expressions/expression-pool.ts';

const pool = new ExpressionPool({ ...defaultExpressionLimits, timeoutMs: 300, processes: 1 });
afterAll(() => pool.close());

const runaway = '($f := function($x){ $f($x) }; $f(1))';

describe('expression pool fairness', () => {
  it("answers another workspace's evaluation before the rest of one workspace's runaway queue", async () => {
    await pool.evaluate(['1'], {}, 'warm-up');
    const answered: string[] = [];
    const noisy = [1, 2, 3, 4].map((number) =>
      pool.evaluate([runaway], {}, 'noisy-workspace').then(
        () => answered.push(`noisy ${number} answered`),
        () => answered.push(`noisy ${number} stopped`),
      ),
    );
    const quiet = pool.evaluate(['1 + 1'], {}, 'quiet-workspace').then((values) => {
      answered.push(`quiet ${JSON.stringify(values)}`);
    });
    await Promise.all([...noisy, quiet]);
    // The first runaway had the process already; the quiet workspace goes next.
    expect(answered).toEqual([
      'noisy 1 stopped',
      'quiet [2]',
      'noisy 2 stopped',
      'noisy 3 stopped',
      'noisy 4 stopped',
    ]);
  });

  it('keeps the lane through awaits, and uses the shared lane outside any', async () => {
    expect(currentExpressionLane()).toBe(sharedLane);
    const seen = await inExpressionLane('workspace-a', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return currentExpressionLane();
    });
    expect(seen).toBe('workspace-a');
  });
});
