// Drafts stored before they had a `kind` are still read: an open plan saved by an older Orca
// gets its answer planned as it would have been then.
import { describe, expect, it } from 'vitest';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import { parseDraft } from '../../src/orchestrator/builtin/drafts.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const planner = new BuiltInPlanner();
const snapshot = fixtureSnapshot();

describe('reading stored drafts', () => {
  it('maps each draft stored without a kind to its kind', () => {
    expect(parseDraft({ intent: 'create', kind: 'scrape', noun: 'leads' })).toEqual({
      kind: 'create',
      agentKind: 'scrape',
      noun: 'leads',
    });
    expect(parseDraft({ intent: 'connect', kind: 'login', label: 'acme', settings: {} })).toEqual({
      kind: 'connect',
      connectionKind: 'login',
      label: 'acme',
      settings: {},
    });
    expect(parseDraft({ intent: 'unschedule', text: 'x', candidates: ['a'] })).toMatchObject({
      kind: 'schedule',
      intent: 'unschedule',
    });
    expect(parseDraft({ intent: 'unchain', text: 'x', candidates: [], side: 'to', fixed: {} })).toMatchObject(
      {
        kind: 'chain',
        intent: 'unchain',
      },
    );
    expect(parseDraft({ intent: 'fix', fix: 'url', agentId: 'a', stepId: 's' })?.kind).toBe('fix');
    expect(parseDraft({ intent: 'portal', noun: 'invoices' })?.kind).toBe('portal');
    expect(parseDraft({ intent: 'several', parts: ['a', 'b'], pending: 0 })?.kind).toBe('several');
    expect(parseDraft({ question: 'lastRun', text: 'x', candidates: [] })?.kind).toBe('question');
    expect(parseDraft({ intent: 'pause', candidates: ['a'], text: 'pause it' })).toEqual({
      kind: 'action',
      intent: 'pause',
      candidates: ['a'],
      text: 'pause it',
    });
  });

  it('reads a draft it wrote as it is, and none from another planner', () => {
    const written = { kind: 'schedule', intent: 'schedule', text: 'x', agentId: 'a' };
    expect(parseDraft(written)).toBe(written);
    expect(parseDraft({ text: 'monitor it', questions: [] })).toBeUndefined();
    expect(parseDraft(undefined)).toBeUndefined();
  });

  it('answers the question of a new-agent draft stored without a kind', async () => {
    const answer = await planner.plan({
      text: 'https://example.com/pricing',
      snapshot,
      now: corpusNow,
      draft: {
        intent: 'create',
        kind: 'monitor',
        noun: 'records',
        notify: {},
        goal: 'watch the pricing page',
      },
    });
    expect(answer.plan?.questions).toEqual([]);
    expect(answer.plan?.operations[0]).toMatchObject({
      type: 'createAgent',
      // Read as a monitor, as the stored `kind` said: it compares with the last run.
      spec: { steps: expect.arrayContaining([expect.objectContaining({ id: 'compare' })]) },
    });
  });
});
