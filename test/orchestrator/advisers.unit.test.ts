// Each adviser on the fixture workspace's runs: what it finds, the figures it gives in words, the
// plan it proposes, and the near misses it stays quiet about.
import { describe, expect, it } from 'vitest';
import { validateAgentSpec } from '../../src/domain/agent-spec.ts';
import { advise } from '../../src/orchestrator/advice/advisor.ts';
import type { WorkspaceSnapshot } from '../../src/orchestrator/planner.ts';
import { dailyRuns, fixtureAdvice } from './fixture-advice.ts';
import { agentId, fixtureSnapshot } from './fixture-workspace.ts';

const ofKind = (input: ReturnType<typeof fixtureAdvice>, kind: string) =>
  advise(input).filter((suggestion) => suggestion.kind === kind);

function spec(raw: Record<string, unknown>) {
  const validation = validateAgentSpec(raw);
  if (!validation.success) throw new Error(`the spec of ${String(raw.name)} does not validate`);
  return validation.spec;
}

/** The fixture workspace with one agent changed. */
function withAgent(name: string, change: Partial<WorkspaceSnapshot['agents'][number]>): WorkspaceSnapshot {
  const snapshot = fixtureSnapshot();
  return {
    ...snapshot,
    agents: snapshot.agents.map((agent) => (agent.name === name ? { ...agent, ...change } : agent)),
  };
}

const hourly = {
  cron: '0 * * * *',
  timezone: 'Europe/Berlin',
  text: null,
  input: {},
  enabled: true,
  missed: 'skip' as const,
  description: 'every hour at :00',
  nextRun: null,
};

describe('repeated failures', () => {
  it('is quiet about the fixture runs, where no agent failed three of its last five', () => {
    expect(ofKind(fixtureAdvice(), 'repeated_failures')).toEqual([]);
  });

  it('names how many of the last runs failed and the error, and lets the failing step retry', () => {
    const input = fixtureAdvice({
      runs: {
        'Weekly Report': [
          ...dailyRuns('2026-11-23T07:00:00Z', 3, { status: 'failed', trigger: 'schedule' }),
          ...dailyRuns('2026-11-16T07:00:00Z', 2, { status: 'succeeded', trigger: 'schedule' }),
        ],
      },
    });
    const [suggestion, ...others] = ofKind(input, 'repeated_failures');
    expect(others).toEqual([]);
    expect(suggestion?.agentName).toBe('Weekly Report');
    expect(suggestion?.reason).toContain('3 of its last 5 runs failed');
    expect(suggestion?.reason).toContain('ECONNRESET');
    expect(suggestion?.plan.operations[0]).toMatchObject({ type: 'updateAgent', agentName: 'Weekly Report' });
  });

  it('counts only runs of the agent as it is now: a fix starts the count again', () => {
    const input = fixtureAdvice({
      snapshot: withAgent('Weekly Report', { version: 2 }),
      runs: {
        'Weekly Report': dailyRuns('2026-11-23T07:00:00Z', 4, { status: 'failed', trigger: 'schedule' }),
      },
    });
    expect(ofKind(input, 'repeated_failures')).toEqual([]);
  });

  it('pauses an agent whose failures a retry would not get through', () => {
    const input = fixtureAdvice({
      runs: { 'Monthly Report': dailyRuns('2026-11-24T06:30:00Z', 4, { status: 'failed' }) },
    });
    const [suggestion] = ofKind(input, 'repeated_failures');
    expect(suggestion?.reason).toMatch(
      /4 of its last 4 runs failed: GET https:\/\/example.com\/team answered 404/,
    );
    expect(suggestion?.plan.operations).toEqual([
      { type: 'pauseAgent', agentId: agentId('Monthly Report'), agentName: 'Monthly Report' },
    ]);
  });
});

describe('a costly step', () => {
  const summarizing = spec({
    name: 'Weekly Report',
    steps: [
      { id: 'fetch', tool: 'http.request', with: { url: 'https://example.com/team' } },
      { id: 'summarize', tool: 'llm.generate', with: { prompt: 'Summarize {{ steps.fetch.body }}' } },
      { id: 'tidy', tool: 'llm.generate', with: { prompt: 'Tidy {{ steps.summarize.text }}' } },
    ],
  });
  const snapshot = withAgent('Weekly Report', { spec: summarizing });
  const steps = (summarize: number, tidy: number) => ({
    'Weekly Report': [
      { stepId: 'fetch', tool: 'http.request', runs: 3, tokens: 0, seconds: 6 },
      { stepId: 'summarize', tool: 'llm.generate', runs: 3, tokens: summarize, seconds: 60 },
      { stepId: 'tidy', tool: 'llm.generate', runs: 3, tokens: tidy, seconds: 9 },
    ],
  });

  it('names the step with its share of the tokens and moves that step alone to a cheaper model', () => {
    const input = fixtureAdvice({
      snapshot,
      steps: steps(27_000, 3_000),
      llm: { provider: 'openai', modelName: 'gpt-4o' },
    });
    const [suggestion, ...others] = ofKind(input, 'costly_step');
    expect(others).toEqual([]);
    expect(suggestion?.reason).toContain(
      'Step "summarize" (llm.generate) is most of what "Weekly Report" costs: 27,000 of its 30,000 LLM tokens (90%; 9,000 per run) over its last 3 successful runs',
    );
    expect(suggestion?.reason).toContain('gpt-4o-mini costs far less per token than gpt-4o');
    const operation = suggestion?.plan.operations[0];
    if (operation?.type !== 'updateAgent') throw new Error('expected an updateAgent operation');
    const models = (operation.spec.steps as { id: string; with: { model?: string } }[]).map((step) => [
      step.id,
      step.with.model,
    ]);
    expect(models).toEqual([
      ['fetch', undefined],
      ['summarize', 'gpt-4o-mini'],
      ['tidy', undefined],
    ]);
    expect(validateAgentSpec(operation.spec).success).toBe(true);
  });

  it('is quiet when no step dominates, or the agent costs little', () => {
    const llm = { provider: 'openai', modelName: 'gpt-4o' };
    expect(ofKind(fixtureAdvice({ snapshot, steps: steps(15_000, 15_000), llm }), 'costly_step')).toEqual([]);
    expect(ofKind(fixtureAdvice({ snapshot, steps: steps(2_700, 300), llm }), 'costly_step')).toEqual([]);
  });

  it('slows the schedule of an agent whose time goes to one step that no model change makes cheaper', () => {
    const input = fixtureAdvice({
      snapshot: withAgent('Lead Scraper', { schedule: hourly }),
      steps: {
        'Lead Scraper': [
          { stepId: 'fetch', tool: 'http.request', runs: 4, tokens: 0, seconds: 300 },
          { stepId: 'extract', tool: 'html.extract', runs: 4, tokens: 0, seconds: 20 },
        ],
      },
    });
    const [suggestion] = ofKind(input, 'costly_step');
    expect(suggestion?.reason).toContain(
      'Step "fetch" (http.request) is most of what "Lead Scraper" costs: 300 of its 320 seconds of run time (94%; 75 s per run) over its last 4 successful runs',
    );
    expect(suggestion?.reason).toContain('daily instead of hourly');
    expect(suggestion?.plan.operations[0]).toMatchObject({ type: 'scheduleAgent', cron: '0 8 * * *' });
  });
});

describe('an agent that never changes its output', () => {
  const scheduled = withAgent('Lead Scraper', { schedule: hourly });
  const runs = (outputs: unknown[]) =>
    outputs.map((output, index) => ({
      at: new Date(Date.parse('2026-11-24T09:00:00Z') - index * 3_600_000).toISOString(),
      status: 'succeeded' as const,
      trigger: 'schedule' as const,
      output,
    }));

  it('suggests a slower schedule when its last five successful runs gave the same output', () => {
    const same = { leads: [{ name: 'Ada' }] };
    const input = fixtureAdvice({
      snapshot: scheduled,
      runs: { 'Lead Scraper': runs([same, same, same, same, same]) },
    });
    const [suggestion] = ofKind(input, 'never_changes');
    expect(suggestion?.reason).toContain(
      'The last 5 successful runs of "Lead Scraper" since it was scheduled every hour at :00 all gave the same output',
    );
    expect(suggestion?.plan.operations[0]).toMatchObject({ type: 'scheduleAgent', cron: '0 8 * * *' });
  });

  it('suggests pausing when the schedule is as slow as advice goes', () => {
    const same = { price: '€10' };
    const input = fixtureAdvice({
      runs: { 'example.com Price Monitor': runs([same, same, same, same, same]) },
    });
    const [suggestion] = ofKind(input, 'never_changes');
    expect(suggestion?.plan.operations[0]).toMatchObject({
      type: 'pauseAgent',
      agentName: 'example.com Price Monitor',
    });
  });

  it('is quiet for a watcher, whose steps run only when something changed: quiet is it working', () => {
    const same = { changed: false };
    const base = fixtureSnapshot().agents.find((agent) => agent.name === 'Lead Scraper');
    if (!base) throw new Error('The fixture workspace has no Lead Scraper.');
    const watcher = withAgent('Lead Scraper', {
      schedule: hourly,
      spec: {
        ...base.spec,
        steps: [
          ...base.spec.steps,
          {
            id: 'tell',
            tool: 'notify.email',
            if: 'steps.compare.value.changed',
            with: { subject: 'Changed' },
            onError: 'fail' as const,
          },
        ],
      },
    });
    expect(
      ofKind(
        fixtureAdvice({ snapshot: watcher, runs: { 'Lead Scraper': runs([same, same, same, same, same]) } }),
        'never_changes',
      ),
    ).toEqual([]);
  });

  it('is quiet when one output differs, or when the runs give no output at all', () => {
    const same = { leads: [] };
    expect(
      ofKind(
        fixtureAdvice({
          snapshot: scheduled,
          runs: { 'Lead Scraper': runs([same, same, { leads: ['Ada'] }, same, same]) },
        }),
        'never_changes',
      ),
    ).toEqual([]);
    expect(
      ofKind(
        fixtureAdvice({
          snapshot: scheduled,
          runs: { 'Lead Scraper': runs([null, null, null, null, null]) },
        }),
        'never_changes',
      ),
    ).toEqual([]);
  });
});

describe('a split', () => {
  it('splits an agent of more than twelve steps, with the figures', () => {
    const steps = [{ id: 's1', tool: 'transform', with: { expression: 'input.word' } }];
    for (let index = 2; index <= 14; index++)
      steps.push({ id: `s${index}`, tool: 'transform', with: { expression: `steps.s${index - 1}.value` } });
    const long = spec({ name: 'Lead Scraper', steps, output: { text: '{{ steps.s14.value }}' } });
    const input = fixtureAdvice({ snapshot: { ...withAgent('Lead Scraper', { spec: long }), chains: [] } });
    const [suggestion] = ofKind(input, 'split');
    expect(suggestion?.reason).toMatch(/"Lead Scraper" has 14 steps \(more than 12\)/);
    expect(suggestion?.plan.operations.map((operation) => operation.type)).toEqual([
      'createAgent',
      'createAgent',
      'chainAgents',
      'pauseAgent',
    ]);
  });
});

describe('a chain', () => {
  it('chains an agent started by hand, again and again, with what another produced', () => {
    const rows = (day: number) => ({ rows: [{ sheet: 'deals', day }] });
    const input = fixtureAdvice({
      runs: {
        'Data Collector': dailyRuns('2026-11-24T07:00:00Z', 3, { status: 'succeeded' }).map((run, index) => ({
          ...run,
          output: rows(index),
        })),
        Reporter: dailyRuns('2026-11-24T08:00:00Z', 3, { status: 'succeeded' }).map((run, index) => ({
          ...run,
          input: { data: rows(index) },
        })),
      },
    });
    const [suggestion] = ofKind(input, 'chain');
    expect(suggestion?.reason).toContain(
      '3 of the last 3 runs of "Reporter" were started by hand, 3 of them with the output of a run of "Data Collector" as "data" in their input',
    );
    expect(suggestion?.plan.operations[0]).toMatchObject({
      type: 'chainAgents',
      from: { agentName: 'Data Collector' },
      to: { agentName: 'Reporter' },
      mapping: '{"data": output}',
    });
  });
});
