// "Send me …" and "in my inbox" mean the person's own e-mail when no other channel is named; a
// Slack or webhook address named beside them wins.
import { describe, expect, it } from 'vitest';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const planner = new BuiltInPlanner();
const userEmail = 'ada@example.com';

async function createdSteps(text: string) {
  const answer = await planner.plan({ text, snapshot: fixtureSnapshot(), now: corpusNow, userEmail });
  const created = answer.plan?.operations.find((operation) => operation.type === 'createAgent');
  if (created?.type !== 'createAgent') throw new Error(`no agent planned for "${text}": ${answer.reply}`);
  return created.spec.steps as { tool: string; with?: unknown }[];
}

describe("the person's own e-mail", () => {
  it('is where "send me" and "in my inbox" go', async () => {
    for (const text of [
      'i want a daily digest of https://blog.example.com/feed in my inbox',
      'every morning send me the new items from https://blog.example.com/rss.xml',
    ]) {
      const email = (await createdSteps(text)).find((step) => step.tool === 'notify.email');
      expect(email?.with, text).toMatchObject({ to: userEmail });
    }
  });

  it('is not used when the request names a Slack address', async () => {
    const steps = await createdSteps(
      'send me a slack message at https://hooks.slack.com/services/T/B/X with new items from https://blog.example.com/feed',
    );
    expect(steps.map((step) => step.tool)).not.toContain('notify.email');
    expect(JSON.stringify(steps)).toContain('https://hooks.slack.com/services/T/B/X');
  });
});

describe('e-mail addresses as a field', () => {
  it('"also grab emails" extracts the records\' e-mail addresses and sends no e-mail', async () => {
    for (const text of [
      'make the lead scraper also grab emails',
      'the lead scraper should also collect their email addresses',
    ]) {
      const answer = await planner.plan({ text, snapshot: fixtureSnapshot(), now: corpusNow, userEmail });
      const [operation] = answer.plan?.operations ?? [];
      if (operation?.type !== 'updateAgent')
        throw new Error(`no change planned for "${text}": ${answer.reply}`);
      const steps = operation.spec.steps as {
        tool: string;
        with: { records?: { fields?: Record<string, unknown> } };
      }[];
      expect(
        steps.map((step) => step.tool),
        text,
      ).not.toContain('notify.email');
      expect(steps.find((step) => step.tool === 'html.extract')?.with.records?.fields, text).toHaveProperty(
        'email',
      );
    }
  });
});
