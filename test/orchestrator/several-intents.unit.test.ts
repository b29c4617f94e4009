// Several requests in one message, through the built-in planner: the plan for all of them, the
// new agent named (not by id) where a later part refers to it, and a part that waits for an
// answer answered in the next message without losing the others.
import { describe, expect, it } from 'vitest';
import { plannedChangeSchema } from '../../src/domain/plan.ts';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import type { PlannerAnswer, PlannerRequest } from '../../src/orchestrator/planner.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const planner = new BuiltInPlanner();
const snapshot = fixtureSnapshot();

function ask(text: string, extra: Partial<PlannerRequest> = {}) {
  return planner.plan({ text, snapshot, userEmail: 'ada@example.com', now: corpusNow, ...extra });
}

function answer(previous: PlannerAnswer, text: string) {
  return ask(text, { draft: previous.plan?.draft });
}

describe('several requests in one message', () => {
  it('refers to the agent the plan creates by its name only, and the plan is valid', async () => {
    const planned = await ask(
      'build a scraper for https://shop.example.com/catalog using table rows, then send its results to the reporter',
    );
    const chain = planned.plan?.operations.find((operation) => operation.type === 'chainAgents');
    expect(chain).toMatchObject({
      from: { agentName: 'shop.example.com Records Scraper' },
      to: { agentName: 'Reporter' },
    });
    expect(chain?.type === 'chainAgents' && chain.from.agentId).toBeUndefined();
    expect(plannedChangeSchema.safeParse(planned.plan).success).toBe(true);
    expect(planned.plan?.summary).toMatch(/Create "shop\.example\.com Records Scraper".*Then: Chain/);
  });

  it('takes the answer to a part’s own question, then plans the parts after it', async () => {
    const first = await ask('delete the report and pause the lead scraper');
    expect(first.plan?.questions.map((question) => question.id)).toEqual(['agent']);
    expect(first.reply).toMatch(/Then I will plan "pause the lead scraper"/);
    const second = await answer(first, 'the monthly one');
    expect(second.plan?.questions).toEqual([]);
    expect(
      second.plan?.operations.map((operation) => [
        operation.type,
        'agentName' in operation && operation.agentName,
      ]),
    ).toEqual([
      ['deleteAgent', 'Monthly Report'],
      ['pauseAgent', 'Lead Scraper'],
    ]);
  });

  it('carries "it" to a new agent made once its question is answered', async () => {
    const first = await ask(
      'create a scraper for https://example.com/team, run it hourly and send its results to the reporter',
    );
    expect(first.plan?.questions.map((question) => question.id)).toEqual(['records']);
    const second = await answer(first, 'table rows');
    expect(second.plan?.operations.map((operation) => operation.type)).toEqual([
      'createAgent',
      'runAgent',
      'scheduleAgent',
      'chainAgents',
    ]);
    expect(second.plan?.operations.at(-1)).toMatchObject({
      from: { agentName: 'example.com People Scraper' },
      to: { agentName: 'Reporter' },
    });
  });

  it('asks about a part it cannot do; new words for it, or "skip it", make the plan', async () => {
    const first = await ask('delete the job collector and run the ghost agent');
    expect(first.plan?.questions[0]).toMatchObject({ id: 'part' });
    expect(first.plan?.questions[0]?.text).toMatch(/could not do part 2, "run the ghost agent"/);
    const reworded = await answer(first, 'run the data collector');
    expect(reworded.plan?.operations.map((operation) => operation.type)).toEqual(['deleteAgent', 'runAgent']);
    const skipped = await answer(first, 'skip it');
    expect(skipped.plan?.operations.map((operation) => operation.type)).toEqual(['deleteAgent']);
  });

  it('does not act on a new agent where only its id would do', async () => {
    const planned = await ask('monitor https://example.com/careers and pause it');
    expect(planned.plan?.operations).toEqual([]);
    expect(planned.plan?.questions[0]?.text).toMatch(/does not exist until this plan is approved/);
  });

  it('plans at most 20 requests from one message, and says so for more', async () => {
    const many = Array.from({ length: 25 }, () => 'lead scraper -> every 4 hours').join(', ');
    const answer = await ask(many);
    expect(answer.plan).toBeUndefined();
    expect(answer.reply).toMatch(/^Your message asks for 25 things; I plan at most 20 at once/);
  });

  it('reads a message padded with long runs of spaces and blank lines as the plain one', async () => {
    const plain = await ask('pause the reporter because it keeps failing');
    const padded = await ask(
      `pause the reporter${' '.repeat(9000)}because it keeps failing${'\n'.repeat(500)}`,
    );
    expect(padded.plan?.operations).toEqual(plain.plan?.operations);
  });
});
