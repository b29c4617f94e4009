// Several new agents said as a count and each one's words: one request per agent.
import { describe, expect, it } from 'vitest';
import { numberedAgents } from './numbered-agents.ts';

describe('numbered agents', () => {
  it('makes one request per agent of the list', () => {
    expect(
      numberedAgents(
        'create two agents: one that fetches https://a.example.com/x.json, one that checks https://b.example.com',
      ),
    ).toEqual([
      'create an agent that fetches https://a.example.com/x.json',
      'create an agent that checks https://b.example.com',
    ]);
    expect(
      numberedAgents(
        'build 2 bots - one to read https://a.example.com and another that reads https://b.example.com',
      ),
    ).toEqual([
      'build an agent to read https://a.example.com',
      'build an agent that reads https://b.example.com',
    ]);
  });

  it('leaves one agent, or a count with no list, as it was said', () => {
    for (const whole of ['create an agent that checks https://a.example.com', 'create two agents'])
      expect(numberedAgents(whole)).toEqual([whole]);
  });
});
