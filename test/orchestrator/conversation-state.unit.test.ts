// The agents a reply names are exactly those it names: a name that is only part of a longer one
// ("Reporting Agent" inside "Reporting Agent (old)") is not among them.
import { describe, expect, it } from 'vitest';
import { emptyConversationState, nextConversationState } from '../../src/orchestrator/conversation-state.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';

const snapshot = fixtureSnapshot();
const stateAfter = (reply: string, text = 'which ones?') =>
  nextConversationState(emptyConversationState, { text, answer: { reply }, snapshot });

describe('the agents a reply names', () => {
  it('does not find a name inside a longer one', () => {
    expect(stateAfter('"Reporting Agent (old)" failed: its account expired.').lastTurnAgents).toEqual([
      'Reporting Agent (old)',
    ]);
  });

  it('finds both when both are named, in the order they are named', () => {
    expect(stateAfter('"Reporting Agent" succeeded; "Reporting Agent (old)" failed.').lastTurnAgents).toEqual(
      ['Reporting Agent', 'Reporting Agent (old)'],
    );
    expect(stateAfter('- "Reporting Agent (old)": 0%\n- "Reporting Agent": 100%').lastTurnAgents).toEqual([
      'Reporting Agent (old)',
      'Reporting Agent',
    ]);
  });

  it('makes the one agent a reply names the subject of "it"', () => {
    expect(stateAfter('1 of 9 agents: "Reporting Agent (old)".').subject).toBe('Reporting Agent (old)');
  });

  it('takes the agents a list is about from the answer, not from every name in its words', () => {
    const state = nextConversationState(emptyConversationState, {
      text: 'which agents never succeeded',
      answer: {
        reply: '"Data Collector" never succeeded (it is chained to "Lead Scraper").',
        referents: ['Data Collector'],
      },
      snapshot,
    });
    expect(state.lastTurnAgents).toEqual(['Data Collector']);
  });
});
