// The selector_changed advice on the fixture workspace: a heal in the agent's current version
// becomes one plan that changes the step's selector, the newest replacement wins, and heals it
// cannot apply (an older version, a selector made from an expression) are left out.
import { describe, expect, it } from 'vitest';
import { validateAgentSpec } from '../../src/domain/agent-spec.ts';
import { advise } from '../../src/orchestrator/advice/advisor.ts';
import type { HealedSelectorEvent } from '../../src/store/healed-selector-repository.ts';
import { fixtureAdvice } from './fixture-advice.ts';
import { agentId, fixtureSnapshot } from './fixture-workspace.ts';

const name = 'Weekly Report';

function browserSnapshot() {
  const validation = validateAgentSpec({
    name,
    steps: [
      { id: 'open', tool: 'browser.goto', with: { url: 'https://bank.example/account' } },
      { id: 'tab', tool: 'browser.click', with: { selector: '.tab-statements' } },
      { id: 'pick', tool: 'browser.click', with: { selector: '{{ input.button }}' } },
    ],
  });
  if (!validation.success) throw new Error('the spec does not validate');
  const snapshot = fixtureSnapshot();
  return {
    ...snapshot,
    agents: snapshot.agents.map((agent) =>
      agent.name === name ? { ...agent, spec: validation.spec } : agent,
    ),
  };
}

function heal(change: Partial<HealedSelectorEvent>): HealedSelectorEvent {
  const snapshot = browserSnapshot();
  const agent = snapshot.agents.find((candidate) => candidate.name === name);
  return {
    agentId: agentId(name),
    agentVersion: agent?.version ?? 1,
    runId: 'run-1',
    stepId: 'tab',
    tool: 'browser.click',
    field: 'selector',
    from: '.tab-statements',
    to: 'a.nav__item--docs',
    at: new Date('2026-12-01T10:00:00Z'),
    ...change,
  };
}

const advice = (heals: HealedSelectorEvent[]) =>
  advise({ ...fixtureAdvice({ snapshot: browserSnapshot() }), healedSelectors: heals }).filter(
    (suggestion) => suggestion.kind === 'selector_changed',
  );

describe('selector changed', () => {
  it('proposes the newest replacement of each healed selector as one change to the agent', () => {
    const [suggestion, ...others] = advice([
      heal({ runId: 'run-2', to: 'nav a[href$="/statements"]' }),
      heal({ runId: 'run-1' }),
    ]);
    expect(others).toEqual([]);
    expect(suggestion?.reason).toContain('step "tab": ".tab-statements" → "nav a[href$="/statements"]"');
    expect(suggestion?.reason).toContain('2 runs');
    const operation = suggestion?.plan.operations[0] as {
      type: string;
      spec: { steps: { with: unknown }[] };
    };
    expect(operation.type).toBe('updateAgent');
    expect(operation.spec.steps[1]?.with).toEqual({ selector: 'nav a[href$="/statements"]' });
    expect(operation.spec.steps[2]?.with).toEqual({ selector: '{{ input.button }}' });
  });

  it('keeps its id across runs of the same heal, so a dismissed one stays dismissed', () => {
    const [first] = advice([heal({ runId: 'run-1' })]);
    const [again] = advice([heal({ runId: 'run-3' }), heal({ runId: 'run-1' })]);
    expect(again?.id).toBe(first?.id);
  });

  it('leaves out heals of an older version and of selectors the step does not hold as written', () => {
    expect(advice([heal({ agentVersion: 0 })])).toEqual([]);
    expect(advice([heal({ stepId: 'pick', from: 'button.go', to: 'button.next' })])).toEqual([]);
    expect(advice([heal({ stepId: 'gone' })])).toEqual([]);
  });
});
