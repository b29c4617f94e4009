// A follow-up with a request of its own ("and resume it", "then run the reporter too") joins the
// plan waiting for approval; one that only narrows it ("only when it fails") changes its chain.
import { describe, expect, it } from 'vitest';
import type { PlannedChange, PlanOperation } from '../../src/domain/plan.ts';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import {
  addedRequest,
  growPendingPlan,
  keptOperations,
} from '../../src/orchestrator/builtin/pending-plan-growth.ts';
import {
  chainEndingAsked,
  narrowPendingPlan,
} from '../../src/orchestrator/builtin/pending-plan-narrowing.ts';
import type { PlannerRequest } from '../../src/orchestrator/planner.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const snapshot = fixtureSnapshot();
const reference = (name: string) => ({
  agentId: snapshot.agents.find((agent) => agent.name === name)?.id ?? '',
  agentName: name,
});
const pause = (name: string): PlanOperation => ({ type: 'pauseAgent', ...reference(name) });
const chain: PlanOperation = {
  type: 'chainAgents',
  from: reference('Lead Scraper'),
  to: reference('Reporter'),
  on: 'success',
};
const waiting = (operations: PlanOperation[]): PlannedChange => ({
  summary: 'The plan.',
  questions: [],
  operations,
});
const request = (text: string, pending: PlannedChange): PlannerRequest => ({
  text,
  snapshot,
  now: corpusNow,
  lastAgentName: 'Weekly Report',
  conversation: {
    recentAgents: ['Weekly Report'],
    lastTurnAgents: ['Weekly Report'],
    subject: 'Weekly Report',
    pendingPlan: pending,
  },
});
const planner = new BuiltInPlanner();
const types = (operations: readonly PlanOperation[] | undefined) =>
  operations?.map((operation) => operation.type);

describe('a request added to the plan waiting', () => {
  it('reads the request without the words that join it', () => {
    expect(addedRequest('and resume it')).toBe('resume it');
    expect(addedRequest('then run the reporter')).toBe('run the reporter');
    expect(addedRequest('Oh, and also pause the lead scraper too')).toBe('pause the lead scraper');
    expect(addedRequest('pause the data collector as well')).toBe('pause the data collector');
    expect(addedRequest('pause the data collector')).toBeUndefined();
    expect(addedRequest('and')).toBeUndefined();
    expect(addedRequest('ok switch it back on')).toBeUndefined();
  });

  it('drops what the addition supersedes: a delete, the opposite verb, the same verb again', () => {
    const kept = keptOperations(
      [pause('Weekly Report'), pause('Lead Scraper'), chain],
      [
        { type: 'deleteAgent', ...reference('Weekly Report'), expectedVersion: 1 },
        { type: 'resumeAgent', ...reference('Lead Scraper') },
      ],
    );
    expect(kept).toEqual([chain]);
    expect(keptOperations([chain], [{ ...chain, on: 'failure' }])).toEqual([]);
    expect(keptOperations([pause('Reporter')], [pause('Lead Scraper')])).toEqual([pause('Reporter')]);
  });

  it('keeps the plan waiting and adds the request, "it" read against the conversation', async () => {
    const pending = waiting([chain]);
    const text = 'and run it too';
    const answer = await growPendingPlan(text, pending, request(text, pending), (again) =>
      planner.plan(again),
    );
    expect(types(answer?.plan?.operations)).toEqual(['chainAgents', 'runAgent']);
    expect(answer?.plan?.operations[1]).toMatchObject({ agentName: 'Weekly Report' });
    expect(answer?.reply).toMatch(/^I added to the plan waiting for approval: I will run "Weekly Report"/);
  });

  it('adds nothing when the request is a question, or asks one back', async () => {
    const pending = waiting([chain]);
    for (const text of ['and when does it run?', 'also schedule it']) {
      const answer = await growPendingPlan(text, pending, request(text, pending), (again) =>
        planner.plan(again),
      );
      expect(answer, text).toBeUndefined();
    }
  });
});

describe('a narrowing of the chain waiting', () => {
  it('reads the ending asked, only from a message that narrows', () => {
    expect(chainEndingAsked('only when it fails')).toBe('failure');
    expect(chainEndingAsked('but just if it succeeds')).toBe('success');
    expect(chainEndingAsked('actually either way')).toBe('always');
    expect(chainEndingAsked('whatever happens')).toBe('always');
    expect(chainEndingAsked('the reporter fails a lot')).toBeUndefined();
  });

  it('changes the last chain of the plan and keeps the rest', () => {
    const pending = waiting([pause('Weekly Report'), chain]);
    const answer = narrowPendingPlan('only when it fails', pending, request('only when it fails', pending));
    expect(answer?.plan?.operations).toEqual([pause('Weekly Report'), { ...chain, on: 'failure' }]);
    expect(answer?.reply).toMatch(/"Reporter" starts each time "Lead Scraper" fails/);
  });

  it('leaves a plan without a chain, and a message about another agent', () => {
    const paused = waiting([pause('Weekly Report')]);
    expect(
      narrowPendingPlan('only when it fails', paused, request('only when it fails', paused)),
    ).toBeUndefined();
    const chained = waiting([chain]);
    const other = 'only when the monthly report fails';
    expect(narrowPendingPlan(other, chained, request(other, chained))).toBeUndefined();
  });
});
