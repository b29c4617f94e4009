// What a question about the workspace is scoped to and measured by: what starts one agent, a
// ranking of the agents by run time or runs, the newest run(s) rather than a period of days.
import { describe, expect, it } from 'vitest';
import { rankAgents, rankingMeasure } from '../../src/orchestrator/builtin/questions/agent-rankings.ts';
import { agentTriggers, asksWhatStarts } from '../../src/orchestrator/builtin/questions/agent-triggers.ts';
import { newestRunsAsked, newestRunsCost } from '../../src/orchestrator/builtin/questions/last-runs.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const snapshot = fixtureSnapshot();
const context = { snapshot, now: corpusNow, timezone: 'Europe/Berlin' };
const agent = (name: string) => {
  const found = snapshot.agents.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no agent ${name} in the fixture`);
  return found;
};

describe('what starts an agent', () => {
  it('is asked in many words, and not by questions about what runs after it or about webhooks', () => {
    for (const text of [
      'what starts the old reporting agent',
      'how does the weekly report get triggered?',
      'what is the reporter started by',
      'does anything kick off the lead scraper',
      'what sets off the data collector',
    ])
      expect(asksWhatStarts(text), text).toBe(true);
    for (const text of [
      'what runs after the lead scraper finishes',
      'which agents are started by a webhook',
      'what is chained to the reporter',
      'what does the weekly report do',
    ])
      expect(asksWhatStarts(text), text).toBe(false);
  });

  it('lists its webhooks, schedule and chains, or says it runs only by hand', () => {
    expect(agentTriggers(agent('Reporting Agent (old)'), context).reply).toMatch(
      /^"Reporting Agent \(old\)" is started by one thing.*\n- a webhook, “crm deal closed”, signed/s,
    );
    expect(agentTriggers(agent('Reporting Agent'), context).reply).toMatch(
      /\n- a chain: it runs after "Lead Scraper" succeeds\n/,
    );
    expect(agentTriggers(agent('Lead Scraper'), context).reply).toMatch(
      /^Nothing starts "Lead Scraper" on its own: .* only when started by hand or from the chat/,
    );
  });
});

describe('agents ranked', () => {
  it('by run time or by runs; tokens and failures are ranked elsewhere', () => {
    expect(rankingMeasure('which agent runs the longest')).toBe('time');
    expect(rankingMeasure("what's the slowest agent")).toBe('time');
    expect(rankingMeasure('which one takes the least time')).toBe('time');
    expect(rankingMeasure('which agent runs most often')).toBe('runs');
    expect(rankingMeasure('which agent uses the most tokens')).toBeUndefined();
    expect(rankingMeasure('which agent fails the most')).toBeUndefined();
  });

  it('from the slowest, or the quickest when asked', () => {
    expect(rankAgents('which agent runs the longest', context)?.reply).toMatch(
      /^The slowest: "Weekly Report", 1 min 14 s a run on average/,
    );
    expect(rankAgents('which is the fastest agent', context)?.reply).toMatch(
      /^The quickest: "Data Collector"/,
    );
    expect(rankAgents('which agent runs the most', context)?.reply).toMatch(
      /^The most run: "Lead Scraper", 7 runs/,
    );
  });
});

describe('the newest runs', () => {
  it('are what "its last run" and "the last 3 runs" ask about, not "the last 7 days"', () => {
    expect(newestRunsAsked('how many tokens did it use on its last run')).toBe(1);
    expect(newestRunsAsked('what did the most recent run cost')).toBe(1);
    expect(newestRunsAsked('how much did it cost last time')).toBe(1);
    expect(newestRunsAsked('what did the last three runs cost')).toBe(3);
    expect(newestRunsAsked('how many tokens in the last 7 days')).toBeUndefined();
    expect(newestRunsAsked('how many tokens last week')).toBeUndefined();
  });

  it('are answered with their own figures', () => {
    expect(newestRunsCost(agent('Weekly Report'), 1, context).reply).toMatch(
      /^The last run of "Weekly Report" used 800 tokens and 6 s of run time: yesterday at 08:00/,
    );
    expect(newestRunsCost(agent('Lead Scraper'), 2, context).reply).toMatch(
      /^The last 2 runs of "Lead Scraper" used 2,900 tokens and 22 s of run time/,
    );
  });
});
