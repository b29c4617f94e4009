// The out-of-sample judge on hand-made answers (not the planner's: the blind cases are a
// measurement, never a contract): alternatives, fix plans beside answers, unordered targets.
import { describe, expect, it } from 'vitest';
import type { PlanOperation } from '../../src/domain/plan.ts';
import type { PlannerAnswer } from '../../src/orchestrator/planner.ts';
import { judgeOutOfSample, withTestRuns } from './out-of-sample-judge.ts';

const answer = (reply: string, operations: PlanOperation[] = [], questions: string[] = []): PlannerAnswer =>
  ({
    reply,
    plan: { summary: reply, operations, questions: questions.map((id) => ({ id, text: id })) },
  }) as PlannerAnswer;

const pause = (agentName: string): PlanOperation => ({ type: 'pauseAgent', agentId: agentName, agentName });

describe('the out-of-sample judge', () => {
  it('lists each plan with and without a test run after each new agent', () => {
    expect(withTestRuns(['createAgent', 'scheduleAgent'])).toEqual([
      ['createAgent', 'scheduleAgent'],
      ['createAgent', 'runAgent', 'scheduleAgent'],
    ]);
    expect(withTestRuns(['createAgent', 'createAgent'])).toHaveLength(4);
  });

  it('counts an alternative outcome as understood, and only a listed one', () => {
    const entry = {
      text: 'x',
      operations: ['pauseAgent' as const],
      or: [{ text: 'x', question: 'agent' as const }],
    };
    expect(judgeOutOfSample(entry, answer('which?', [], ['agent']))).toEqual([]);
    expect(judgeOutOfSample(entry, answer('which?', [], ['url']))).not.toEqual([]);
  });

  it('takes a fix plan beside an explanation only when the case allows it', () => {
    const fix = answer('it failed: ECONNRESET', [pause('Weekly Report')]);
    expect(judgeOutOfSample({ text: 'why', reply: /ECONNRESET/, planAllowed: true }, fix)).toEqual([]);
    expect(judgeOutOfSample({ text: 'why', reply: /ECONNRESET/ }, fix)).not.toEqual([]);
    expect(judgeOutOfSample({ text: 'why', reply: /404/, planAllowed: true }, fix)).not.toEqual([]);
  });

  it('compares targets in any order when asked to, and no others', () => {
    const entry = {
      text: 'x',
      operations: ['pauseAgent' as const, 'pauseAgent' as const],
      sameTargets: ['A', 'B'],
    };
    expect(judgeOutOfSample(entry, answer('ok', [pause('B'), pause('A')]))).toEqual([]);
    expect(judgeOutOfSample(entry, answer('ok', [pause('B'), pause('C')]))).not.toEqual([]);
  });

  it('checks the account kind and the chain ending', () => {
    const connect: PlanOperation = {
      type: 'connectAccount',
      service: 'crm',
      kind: 'oauth2',
      label: '',
      settings: { allowedHosts: ['crm.example.com'] },
    };
    const entry = {
      text: 'x',
      operations: ['connectAccount' as const],
      account: { kind: 'api_key' as const },
    };
    expect(judgeOutOfSample(entry, answer('ok', [connect]))).toEqual(['account kind oauth2, not api_key']);
    const chain: PlanOperation = {
      type: 'chainAgents',
      from: { agentName: 'A' },
      to: { agentName: 'B' },
      on: 'success',
    };
    expect(
      judgeOutOfSample(
        { text: 'x', operations: ['chainAgents'], chained: { on: 'failure' } },
        answer('ok', [chain]),
      ),
    ).toEqual(['chain on success, not failure']);
  });
});
