// A repeating step in words, where the web app lists an agent's steps and a plan's steps.
import { describe, expect, it } from 'vitest';
import { stepConditions } from '../../web/src/agents/step-summary.ts';
import { stepWords } from '../../web/src/chat/plan/step-words.ts';

const pager = {
  id: 'fetch',
  tool: 'http.request',
  with: { url: '{{ loop.previous ? loop.previous.body.next : input.url }}' },
  repeat: { until: 'loop.output.body.next = null', maxIterations: 50 },
};
const poller = {
  id: 'check',
  tool: 'http.request',
  with: { url: 'https://reports.example.com/q3' },
  repeat: { until: 'loop.output.body.status = "ready"', intervalMs: 30_000 },
};

describe('repeat in words', () => {
  it('says until when, how often at most and how far apart', () => {
    expect(stepConditions(pager)).toEqual(['Repeats until `loop.output.body.next = null`, at most 50 times']);
    expect(stepConditions(poller)).toEqual([
      'Repeats until `loop.output.body.status = "ready"`, at most 100 times, 30.0 s apart',
    ]);
    // A plan's step as the planner wrote it: the defaults are filled in only when it is saved.
    expect(stepWords(poller as never)).toBe(
      'Fetch https://reports.example.com/q3, repeated until `loop.output.body.status = "ready"`, at most 100 times, 30.0 s apart',
    );
    expect(stepConditions({ id: 'once', tool: 'transform', with: {} })).toEqual([]);
  });
});
