// Questions about the workspace beyond one message: the answer to "which agent do you mean",
// "it" for the agent the conversation was about, names with slips, and the time an answer
// takes in a workspace of 200 agents with a month of runs each.
import { describe, expect, it } from 'vitest';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import { editDistance } from '../../src/orchestrator/builtin/name-typos.ts';
import type { WorkspaceSnapshot } from '../../src/orchestrator/planner.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const planner = new BuiltInPlanner();
const snapshot = fixtureSnapshot();
const ask = (text: string, extra: { draft?: Record<string, unknown>; lastAgentName?: string } = {}) =>
  planner.plan({ text, snapshot, now: corpusNow, ...extra });

describe('questions about the workspace', () => {
  it('asks which agent when two fit, and answers the question once told', async () => {
    const asked = await ask('how much did the report cost this month?');
    expect(asked.plan?.questions.map((question) => question.id)).toEqual(['agent']);
    // "report" is also the stem of "Reporter" and "Reporting Agent": every one of them is asked about.
    expect(asked.reply).toMatch(/^Which agent do you mean: .*"Weekly Report".*\?$/);
    expect(asked.reply).toContain('"Monthly Report"');
    const answered = await ask('the monthly one', { draft: asked.plan?.draft });
    expect(answered.plan).toBeUndefined();
    expect(answered.reply).toMatch(
      /^"Monthly Report" this month \(since Sunday 1 November\): 2 runs, 25,000 tokens and 2 min 1 s of run time; 1 of 2 succeeded \(50%\)/,
    );
    const options = asked.plan?.questions[0]?.options ?? [];
    const second = await ask('the second', { draft: asked.plan?.draft });
    expect(second.reply.startsWith(`"${options[1]}" this month`)).toBe(true);
  });

  it('reads "it" as the agent the conversation was about', async () => {
    const answer = await ask('did it run today?', { lastAgentName: 'Weekly Report' });
    expect(answer.reply).toMatch(/^No, "Weekly Report" has not run today/);
  });

  it('reads names with a slip or two, and no name where there is none', async () => {
    expect(editDistance('scrapr', 'scraper')).toBe(1);
    expect(editDistance('moniotr', 'monitor')).toBe(1);
    expect((await ask('how did the job colector do lately')).reply).toMatch(/runs? of "Job Collector"/);
    expect((await ask('last runs of the wekly reprot')).reply).toMatch(/5 runs of "Weekly Report"/);
    expect((await ask('what failed this week')).reply).toMatch(/^3 agents failed this week/);
  });

  it('reads the run history only for questions about runs, and the answers to the ones it asked', () => {
    expect(planner.needsRunHistory('did the lead scraper run today?')).toBe(true);
    expect(planner.needsRunHistory('anything broken?')).toBe(true);
    expect(planner.needsRunHistory('the weekly one', { question: 'cost', text: 'x', candidates: [] })).toBe(
      true,
    );
    expect(planner.needsRunHistory('pause the lead scraper')).toBe(false);
    expect(planner.needsRunHistory('monitor https://example.com/pricing for changes')).toBe(false);
  });

  it('leaves "why did it fail" and requests to change things to the other rules', async () => {
    expect((await ask('why did the weekly report fail?')).plan?.operations[0]?.type).toBe('updateAgent');
    expect((await ask('run the lead scraper')).plan?.operations[0]?.type).toBe('runAgent');
  });

  // How fast is measured by bench/orchestrator.bench.ts (p50/p99 with 200 agents), not here: a
  // timed assertion fails on a loaded machine and proves nothing on a quiet one.
  it('answers in a workspace of 200 agents with two months of runs each', async () => {
    const [template] = snapshot.agents;
    if (!template?.history) throw new Error('the fixture has no history');
    const days = Array.from({ length: 62 }, (_, index) => ({
      day: new Date(Date.UTC(2026, 8, 24 + index)).toISOString().slice(0, 10),
      runs: 24,
      succeeded: 23,
      failed: 1,
      tokens: 12000,
      seconds: 600,
    }));
    const large: WorkspaceSnapshot = {
      ...snapshot,
      agents: Array.from({ length: 200 }, (_, index) => ({
        ...template,
        id: `agent-${index}`,
        name: `Agent Number ${index} Watcher`,
        history: { ...template.history, days } as NonNullable<typeof template.history>,
      })),
    };
    const questions = [
      'anything broken?',
      'how much did everything cost this month',
      'did agent number 150 watcher run today',
      'what is scheduled for tomorrow',
      'success rate of agent numbr 77 watcher',
      'show me the last runs',
    ];
    for (const text of questions) {
      const answer = await planner.plan({ text, snapshot: large, now: corpusNow });
      expect(answer.reply).not.toMatch(/did not understand/);
    }
  });
});
