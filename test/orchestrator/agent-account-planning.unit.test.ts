// An account asked for the new agent waiting for approval: connected first, with the host the
// agent calls; the agent's calls there carry it, and its test run waits until the secret comes.
import { describe, expect, it } from 'vitest';
import type { PlannedChange } from '../../src/domain/plan.ts';
import { planAccountForPendingAgent } from '../../src/orchestrator/builtin/agent-account-planning.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const snapshot = fixtureSnapshot();
const pending: PlannedChange = {
  summary: 'Create "Orders" and test it.',
  questions: [],
  operations: [
    {
      type: 'createAgent',
      spec: {
        name: 'Orders',
        steps: [{ id: 'fetch', tool: 'http.request', with: { url: 'https://api.shopify.com/orders' } }],
      } as never,
    },
    { type: 'runAgent', agentName: 'Orders', input: {}, test: true },
  ],
};
const plan = (text: string) => planAccountForPendingAgent(text, pending, { text, snapshot, now: corpusNow });

describe('an account for the new agent waiting for approval', () => {
  it('connects the account the agent calls with, names it from the host, and leaves the test run out', () => {
    const answer = plan('it needs an api key');
    const [connect, create, ...rest] = answer?.plan?.operations ?? [];
    expect(connect).toMatchObject({
      type: 'connectAccount',
      service: 'shopify',
      kind: 'api_key',
      settings: { allowedHosts: ['api.shopify.com'] },
    });
    expect(JSON.stringify(create)).toContain('"auth":{"connection":"shopify"}');
    expect(rest).toEqual([]);
  });

  it('takes the name given, and asks the kind when none is said', () => {
    expect(plan('connect one called shop-api, it takes a token')?.plan?.operations[0]).toMatchObject({
      service: 'shop-api',
    });
    expect(plan('connect an account for it called orders-main')?.plan?.questions.map((q) => q.id)).toEqual([
      'kind',
    ]);
  });

  it('adds nothing for a message that asks for no account', () => {
    expect(plan('call it Orders Feed')).toBeUndefined();
  });
});
