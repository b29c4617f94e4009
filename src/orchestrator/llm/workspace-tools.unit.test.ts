import { describe, expect, it } from 'vitest';
import { boundedResult, toolResultLimit } from './workspace-tools.ts';

describe('a tool result as the model sees it', () => {
  it('is the JSON itself when it is small', () => {
    expect(boundedResult({ runs: 2, tokens: 3000 })).toBe('{"runs":2,"tokens":3000}');
  });

  it('is cut at the limit, saying so, when it is large', () => {
    const result = boundedResult({ agents: Array.from({ length: 5000 }, (_, index) => `agent ${index}`) });
    expect(result.length).toBeLessThan(toolResultLimit + 200);
    expect(result).toMatch(/\[cut at \d+ characters: ask for less/);
  });
});
