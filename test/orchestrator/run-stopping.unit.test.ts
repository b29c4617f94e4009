// "Cancel the running X": never read as "run X"; a run going is stopped from its page, and with
// none going the answer says so. Plain "abort X" with nothing running is left to other rules.
import { describe, expect, it } from 'vitest';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import type { WorkspaceSnapshot } from '../../src/orchestrator/planner.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const planner = new BuiltInPlanner();

/** The fixture with the lead scraper's newest run still going. */
function withRunGoing(): WorkspaceSnapshot {
  const snapshot = fixtureSnapshot();
  const scraper = snapshot.agents.find((agent) => agent.name === 'Lead Scraper');
  if (!scraper?.history) throw new Error('the fixture has no lead scraper history');
  scraper.lastRun = { id: 'going', status: 'running' };
  scraper.history.recent.unshift({
    id: 'going',
    status: 'running',
    trigger: 'schedule',
    createdAt: '2026-11-24T10:55:00.000Z',
    startedAt: '2026-11-24T10:55:00.000Z',
    finishedAt: null,
    seconds: null,
    tokens: 0,
    error: null,
  });
  return snapshot;
}

const ask = (text: string, snapshot = fixtureSnapshot(), lastAgentName?: string) =>
  planner.plan({ text, snapshot, now: corpusNow, ...(lastAgentName ? { lastAgentName } : {}) });

describe('stopping a run', () => {
  it('points to the Stop button of a run that is going, and plans nothing', async () => {
    for (const text of [
      'cancel the running lead scraper',
      'abort the lead scraper',
      'kill the lead scraper job, it is stuck',
      'stop the current run of the lead scrapper',
    ]) {
      const answer = await ask(text, withRunGoing());
      expect(answer.plan, text).toBeUndefined();
      expect(answer.reply, text).toMatch(
        /^"Lead Scraper" has a run running since today at 11:55\. Stop it with the Stop button on that run's page/,
      );
    }
  });

  it('says when nothing is going, and never runs the agent', async () => {
    const answer = await ask('cancel the running lead scraper');
    expect(answer.plan).toBeUndefined();
    expect(answer.reply).toMatch(
      /^"Lead Scraper" has no run going \(its last run succeeded today at \d\d:\d\d\), so there is nothing to stop/,
    );
    const pronoun = await ask('abort its current run', fixtureSnapshot(), 'Weekly Report');
    expect(pronoun.reply).toMatch(/^"Weekly Report" has no run going/);
  });

  it('leaves schedules, plans and a bare "cancel X" with nothing going to the other rules', async () => {
    const unscheduled = await ask('cancel the schedule of the weekly report');
    expect(unscheduled.plan?.operations.map((operation) => operation.type)).toEqual(['unscheduleAgent']);
    const bare = await ask('abort the weekly report');
    expect(bare.reply).not.toMatch(/nothing to stop/);
  });
});
