// What a message adds to the plan waiting for approval: a run of its agent at the end, or a chain
// from its agent to one the workspace has, with the plan's own operations kept in order.
import { describe, expect, it } from 'vitest';
import type { PlannedChange } from '../../src/domain/plan.ts';
import { addToPendingPlan } from '../../src/orchestrator/builtin/pending-plan-additions.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const snapshot = fixtureSnapshot();
const reporter = snapshot.agents.find((agent) => agent.name === 'Reporter');
const rename: PlannedChange = {
  summary: 'Rename "Reporter".',
  questions: [],
  operations: [
    {
      type: 'updateAgent',
      agentId: reporter?.id ?? '',
      agentName: 'Reporter',
      expectedVersion: 1,
      spec: reporter?.spec as never,
    },
  ],
};
const created: PlannedChange = {
  summary: 'Create "Tech Watch" and test it.',
  questions: [],
  operations: [
    { type: 'createAgent', spec: { name: 'Tech Watch', steps: [] } as never },
    { type: 'runAgent', agentName: 'Tech Watch', input: {}, test: true },
  ],
};
const add = (text: string, pending: PlannedChange) =>
  addToPendingPlan(text, pending, { text, snapshot, now: corpusNow });

describe('additions to the plan waiting for approval', () => {
  it('runs the plan’s agent after it, unless the plan runs it already', () => {
    const answer = add('then run it', rename);
    expect(answer?.plan?.operations.map((operation) => operation.type)).toEqual(['updateAgent', 'runAgent']);
    expect(answer?.plan?.operations[1]).toMatchObject({ agentId: reporter?.id, agentName: 'Reporter' });
    expect(add('and test it after', created)).toBeUndefined();
    expect(add('run it every day at 9', rename)).toBeUndefined();
  });

  it('chains the new agent to the agent named, on success unless failures are meant', () => {
    const answer = add('and send the results to the reporting agent once done', created);
    expect(answer?.plan?.operations.at(-1)).toMatchObject({
      type: 'chainAgents',
      from: { agentName: 'Tech Watch' },
      to: { agentName: 'Reporting Agent' },
      on: 'success',
    });
    expect(answer?.plan?.operations).toHaveLength(3);
    expect(
      add('if it fails, pass its output to the reporter', created)?.plan?.operations.at(-1),
    ).toMatchObject({ on: 'failure' });
  });

  it('adds nothing for a message that names no agent to hand over to, or several', () => {
    expect(add('send the results to me', created)).toBeUndefined();
    expect(add('send the results to the lead scraper and the data collector', created)).toBeUndefined();
  });
});
