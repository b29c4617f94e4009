// Connecting an account over a conversation with the built-in planner: an answer may be the
// missing piece alone, such as a bare user name.
import { describe, expect, it } from 'vitest';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import type { PlannerAnswer } from '../../src/orchestrator/planner.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const planner = new BuiltInPlanner();
const snapshot = fixtureSnapshot();

async function conversation(...messages: string[]) {
  let answer: PlannerAnswer | undefined;
  for (const text of messages) {
    answer = await planner.plan({ text, snapshot, draft: answer?.plan?.draft, now: corpusNow });
  }
  return answer as PlannerAnswer;
}

describe('connecting an account over a conversation', () => {
  it('takes a bare user name as the answer to "which user name"', async () => {
    const request = 'connect the acme portal login at https://portal.acme.test/login';
    const asked = await conversation(request);
    expect(asked.plan?.questions.map((question) => question.id)).toEqual(['username']);
    const whole = await conversation(request, 'bob');
    expect(whole.plan?.questions).toEqual([]);
    expect(whole.plan?.operations[0]).toMatchObject({
      type: 'connectAccount',
      kind: 'login',
      settings: { username: 'bob', allowedHosts: ['portal.acme.test'] },
    });
  });
});
