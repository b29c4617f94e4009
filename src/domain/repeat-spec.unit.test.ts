// What saving a spec says about `repeat`: the defaults a hand-written loop gets, and a message
// naming the step and field for each mistake (a loop over forEach, a condition that cannot
// change, a step that has not run yet, bounds out of range).
import { describe, expect, it } from 'vitest';
import { validateAgentSpec } from './agent-spec.ts';

function specWith(step: Record<string, unknown>, before: Record<string, unknown>[] = []) {
  return {
    name: 'Pager',
    steps: [...before, { id: 'fetch', tool: 'http.request', with: { url: 'https://example.com' }, ...step }],
  };
}

function issuesOf(spec: unknown) {
  const result = validateAgentSpec(spec);
  if (result.success) throw new Error('the spec was accepted');
  return result.issues;
}

describe('repeat in an agent spec', () => {
  it('fills in the defaults of a loop written with until alone', () => {
    const result = validateAgentSpec(specWith({ repeat: { until: 'loop.output.body.next = null' } }));
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.spec.steps[0]?.repeat).toEqual({
      until: 'loop.output.body.next = null',
      maxIterations: 100,
      as: 'loop',
      onLimit: 'fail',
    });
  });

  it('refuses repeat together with forEach', () => {
    const issues = issuesOf(
      specWith({ forEach: { items: '[1, 2]' }, repeat: { until: 'loop.output.status = 200' } }),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'steps.0.repeat',
        step: 'fetch',
        message: expect.stringMatching(/cannot have both forEach and repeat/),
      }),
    ]);
  });

  it('refuses a condition that does not parse, does not read the loop, or reads a later or its own step', () => {
    expect(issuesOf(specWith({ repeat: { until: 'loop.output.(' } }))).toEqual([
      expect.objectContaining({
        path: 'steps.0.repeat.until',
        message: expect.stringMatching(/does not parse/),
      }),
    ]);
    expect(issuesOf(specWith({ repeat: { until: 'input.done = true' } }))).toEqual([
      expect.objectContaining({
        path: 'steps.0.repeat.until',
        message: expect.stringMatching(/does not use loop, so it gives the same answer at every iteration/),
      }),
    ]);
    // The loop variable renamed: the condition must read that name.
    expect(
      issuesOf(specWith({ repeat: { until: 'loop.output.body.done', as: 'page' } }))[0]?.message,
    ).toMatch(/does not use page/);
    expect(
      issuesOf(specWith({ repeat: { until: 'loop.output.body.next = steps.fetch.body.next' } })),
    ).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /this step, whose output exists only once the loop has ended; use loop.output/,
        ),
      }),
    ]);
    expect(issuesOf(specWith({ repeat: { until: 'loop.index = steps.later.value' } }))).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/steps.later, which is not an earlier step/),
      }),
    ]);
    expect(
      issuesOf(
        specWith({
          with: { url: '{{ loop.output.body.next }}' },
          repeat: { until: 'loop.output.body.next = null' },
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        path: 'steps.0.with.url',
        message: expect.stringMatching(
          /reads loop.output, which exists only in repeat.until.*use loop.previous/,
        ),
      }),
    ]);
    const reading = specWith({ repeat: { until: 'loop.index + 1 >= steps.count.value' } }, [
      { id: 'count', tool: 'transform', with: { expression: '3' } },
    ]);
    expect(validateAgentSpec(reading).success).toBe(true);
  });

  it('refuses bounds out of range, unknown fields and a loop variable that hides the run data', () => {
    const issues = issuesOf(
      specWith({
        repeat: {
          until: 'input.x',
          maxIterations: 5000,
          intervalMs: -1,
          onLimit: 'ignore',
          as: 'steps',
          every: 2,
        },
      }),
    );
    const byPath = Object.fromEntries(issues.map((issue) => [issue.path, issue.message]));
    expect(byPath).toEqual({
      'steps.0.repeat': 'unknown field(s) every; remove them',
      'steps.0.repeat.maxIterations': expect.stringMatching(/at most 1000/),
      'steps.0.repeat.intervalMs': 'must not be negative',
      'steps.0.repeat.onLimit': expect.stringMatching(/must be fail .* or warn/),
      'steps.0.repeat.as': expect.stringMatching(/must not be input, steps, run/),
    });
    expect(issuesOf(specWith({ repeat: { until: 'loop.output', maxIterations: 0 } }))[0]).toMatchObject({
      path: 'steps.0.repeat.maxIterations',
      message: 'must be at least 1',
    });
    expect(issuesOf(specWith({ repeat: {} }))[0]).toMatchObject({ path: 'steps.0.repeat.until' });
  });
});
