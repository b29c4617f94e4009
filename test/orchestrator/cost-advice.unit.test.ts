// The cost advice: a cheaper model of the configured provider on the agent's llm.generate steps
// when one is known, else a slower schedule (which the API suggestion test covers end to end).
import { describe, expect, it } from 'vitest';
import { validateAgentSpec } from '../../src/domain/agent-spec.ts';
import { advise } from '../../src/orchestrator/advice/advisor.ts';
import { cheaperModel } from '../../src/orchestrator/advice/cheaper-models.ts';
import type { WorkspaceSnapshot } from '../../src/orchestrator/planner.ts';
import type { RecentRun } from '../../src/store/run-repository.ts';

const agentId = '00000000-0000-4000-8000-000000000042';

function input(llm: { provider: string; modelName: string }, steps: Record<string, unknown>[]) {
  const validation = validateAgentSpec({ name: 'Essay Writer', steps });
  if (!validation.success) throw new Error('the fixture spec does not validate');
  const snapshot: WorkspaceSnapshot = {
    agents: [{ id: agentId, name: 'Essay Writer', status: 'active', version: 3, spec: validation.spec }],
    chains: [],
  };
  const recentRuns: RecentRun[] = [1, 2, 3].map((day) => ({
    agentId,
    agentVersion: 3,
    trigger: 'manual',
    status: 'succeeded',
    input: {},
    output: `essay ${day}`,
    outputHash: `hash-${day}`,
    usage: { inputTokens: 30_000, outputTokens: 2_000 } as RecentRun['usage'],
    createdAt: new Date(`2026-11-0${day}T08:00:00Z`),
  }));
  return {
    snapshot,
    stats: [],
    recentRuns,
    createdAt: new Map(),
    now: new Date('2026-11-24T10:00:00Z'),
    llm,
  };
}

describe('cost advice', () => {
  it('knows the cheaper siblings per provider, and none for local models', () => {
    expect(cheaperModel('openai', 'gpt-4o')).toBe('gpt-4o-mini');
    expect(cheaperModel('openai', 'gpt-4.1')).toBe('gpt-4.1-mini');
    expect(cheaperModel('openai', 'gpt-5')).toBe('gpt-5-mini');
    expect(cheaperModel('openai', 'gpt-4o-mini')).toBeUndefined();
    expect(cheaperModel('anthropic', 'claude-opus-4-1')).toBe('claude-sonnet-4-1');
    expect(cheaperModel('anthropic', 'claude-sonnet-4-5')).toBe('claude-haiku-4-5');
    expect(cheaperModel('openai-compatible', 'llama3.1')).toBeUndefined();
  });

  it('moves costly llm.generate steps to the cheaper model, keeping a step that names one already', () => {
    const [suggestion] = advise(
      input({ provider: 'openai', modelName: 'gpt-4o' }, [
        { id: 'draft', tool: 'llm.generate', with: { prompt: 'Write an essay' } },
        { id: 'polish', tool: 'llm.generate', with: { prompt: 'Polish it', model: 'gpt-4o-mini' } },
      ]),
    );
    expect(suggestion?.kind).toBe('cost');
    expect(suggestion?.reason).toMatch(
      /spent 32,000 LLM tokens per run on average over its last 3 runs.*step "draft" from gpt-4o to gpt-4o-mini/,
    );
    const [operation] = suggestion?.plan.operations ?? [];
    if (operation?.type !== 'updateAgent') throw new Error('expected an updateAgent operation');
    expect(operation).toMatchObject({ agentId, expectedVersion: 3 });
    const steps = operation.spec.steps as { id: string; with: { model?: string } }[];
    expect(steps.map((step) => step.with.model)).toEqual(['gpt-4o-mini', 'gpt-4o-mini']);
    expect(validateAgentSpec(operation.spec).success).toBe(true);
  });

  it('gives no model advice for a local model, and nothing for an unscheduled agent then', () => {
    const suggestions = advise(
      input({ provider: 'openai-compatible', modelName: 'llama3.1' }, [
        { id: 'draft', tool: 'llm.generate', with: { prompt: 'Write an essay' } },
      ]),
    );
    expect(suggestions.filter((suggestion) => suggestion.kind === 'cost')).toEqual([]);
  });
});
