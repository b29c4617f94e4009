import { describe, expect, it } from 'vitest';
import { emptyConversationState } from '../conversation-state.ts';
import { agentByAge } from './follow-ups.ts';
import { laterPartWhileAsking } from './several-intents.ts';

const agents = [{ name: 'Reporting Agent' }, { name: 'Reporting Agent (old)' }, { name: 'Lead Scraper' }];
const about = (subject: string) => ({ ...emptyConversationState, subject, recentAgents: [subject] });

describe('agentByAge', () => {
  it('finds the newer or older agent alike the one talked about', () => {
    expect(agentByAge('and pause the new one', about('Reporting Agent (old)'), agents)?.name).toBe(
      'Reporting Agent',
    );
    expect(agentByAge('delete the old one', about('Reporting Agent'), agents)?.name).toBe(
      'Reporting Agent (old)',
    );
  });

  it('finds nothing when no agent of the other age is alike, or the words give a reason', () => {
    expect(agentByAge('pause the new one', about('Lead Scraper'), agents)).toBeUndefined();
    expect(agentByAge('pause the new one', about('Reporting Agent'), agents)).toBeUndefined();
    expect(
      agentByAge('just delete it, the new one replaced it', about('Reporting Agent (old)'), agents),
    ).toBeUndefined();
  });
});

describe('laterPartWhileAsking', () => {
  const asking = {
    reply: 'What marks each of the people on the page?',
    plan: {
      summary: 'A new agent, once these are answered.',
      questions: [{ id: 'records', text: 'What marks each of the people on the page?' }],
      operations: [],
      draft: { kind: 'create', url: 'https://example.org/people' },
    },
  };

  it('keeps a request about the new agent as a later part, asking the same questions', () => {
    const answer = laterPartWhileAsking(
      asking,
      'scrape https://example.org/people',
      'and send the results to the reporter',
    );
    expect(answer?.plan?.questions.map((question) => question.id)).toEqual(['records']);
    expect(answer?.plan?.draft).toEqual({
      kind: 'several',
      parts: ['scrape https://example.org/people', 'send the results to the reporter'],
      pending: 0,
      inner: asking.plan.draft,
    });
  });

  it('leaves words that are no request, or not about the new agent, to the draft', () => {
    expect(laterPartWhileAsking(asking, 'scrape it', 'the ones in the table')).toBeUndefined();
    expect(laterPartWhileAsking(asking, 'scrape it', 'pause the lead scraper')).toBeUndefined();
    expect(laterPartWhileAsking({ reply: 'ok' }, 'scrape it', 'and run it daily')).toBeUndefined();
  });
});
