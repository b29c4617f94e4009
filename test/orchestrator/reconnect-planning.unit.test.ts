// Connecting again an account the workspace has: only an account that exists (named, or used by
// the agent named) is reconnected, with its own kind and label; words about connecting again
// with no such account are left to the other rules.
import { describe, expect, it } from 'vitest';
import { asksToReconnect, planReconnect } from '../../src/orchestrator/builtin/reconnect-planning.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const snapshot = fixtureSnapshot();
const plan = (text: string, lastAgentName?: string) =>
  planReconnect(text, { text, snapshot, now: corpusNow, ...(lastAgentName ? { lastAgentName } : {}) });

describe('reconnecting an account', () => {
  it('reads the ways people ask to connect again', () => {
    for (const text of ['reconnect crm', 'Re-Auth the CRM', 'hook up the crm again', 'the crm token expired'])
      expect(asksToReconnect(text), text).toBe(true);
    for (const text of ['connect my github account', 'run the reporter again', 'why did crm fail'])
      expect(asksToReconnect(text), text).toBe(false);
  });

  it('keeps the existing account’s kind and label, and names the agents using it', () => {
    const answer = plan('re-auth crm');
    expect(answer?.plan?.operations).toEqual([
      {
        type: 'connectAccount',
        service: 'crm',
        kind: 'oauth2',
        label: '',
        settings: { allowedHosts: ['crm.example.com'] },
      },
    ]);
    expect(answer?.referents).toEqual(['Reporting Agent (old)']);
  });

  it('finds the account through the agent named, or the one "it" means', () => {
    expect(plan('reconnect the account the reporter uses')?.plan?.operations[0]).toMatchObject({
      service: 'supplier-portal',
      kind: 'login',
    });
    expect(plan('reconnect it', 'Reporter')?.plan?.operations[0]).toMatchObject({
      service: 'supplier-portal',
    });
  });

  it('leaves an account the workspace does not have to connecting it anew', () => {
    expect(plan('reconnect my github account')).toBeUndefined();
    expect(plan('reconnect the data collector')).toBeUndefined();
  });
});
