// "Stop e-mailing me about X": X loses its e-mail step and keeps working; it is never paused for
// it, and an agent that tells no one is said so.
import { describe, expect, it } from 'vitest';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import type { WorkspaceSnapshot } from '../../src/orchestrator/planner.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const planner = new BuiltInPlanner();

/** The fixture with the price monitor e-mailing its owner and posting to Slack. */
function withNotices(): WorkspaceSnapshot {
  const snapshot = fixtureSnapshot();
  const monitor = snapshot.agents.find((agent) => agent.name === 'example.com Price Monitor');
  if (!monitor) throw new Error('the fixture has no price monitor');
  monitor.spec = {
    ...monitor.spec,
    steps: [
      ...monitor.spec.steps,
      { id: 'email', tool: 'notify.email', with: { to: 'ada@example.com', subject: 'Changed', text: 'x' } },
      { id: 'webhook', tool: 'notify.webhook', with: { url: 'https://hooks.slack.com/services/T/B/X' } },
    ],
  } as typeof monitor.spec;
  return snapshot;
}

const ask = (text: string, snapshot: WorkspaceSnapshot) => planner.plan({ text, snapshot, now: corpusNow });

function toolsAfter(answer: Awaited<ReturnType<typeof ask>>): string[] {
  const [operation] = answer.plan?.operations ?? [];
  if (operation?.type !== 'updateAgent') throw new Error(`no change planned: ${answer.reply}`);
  return (operation.spec.steps as { tool: string }[]).map((step) => step.tool);
}

describe('stopping notices', () => {
  it('takes out the e-mail step and keeps the rest', async () => {
    for (const text of [
      'stop emailing me about the price monitor',
      'stop sending me emails',
      'no more mails from the price monitr',
    ]) {
      const answer = await ask(text, withNotices());
      const tools = toolsAfter(answer);
      expect(tools, text).not.toContain('notify.email');
      expect(tools, text).toContain('notify.webhook');
      expect(tools, text).toContain('http.request');
      expect(answer.reply, text).toMatch(/no longer e-mail to ada@example\.com: it keeps running/);
    }
  });

  it('takes out the Slack post when that is what is named, and every notice for "notifications"', async () => {
    expect(toolsAfter(await ask('remove the slack alert from the price monitor', withNotices()))).toContain(
      'notify.email',
    );
    const all = toolsAfter(await ask('no more notifications from the price monitor', withNotices()));
    expect(all.filter((tool) => tool.startsWith('notify.'))).toEqual([]);
  });

  it('says so when the agent tells no one, and never pauses it', async () => {
    const answer = await ask('stop emailing me about the weekly report', fixtureSnapshot());
    expect(answer.plan).toBeUndefined();
    expect(answer.reply).toMatch(/^"Weekly Report" sends no e-mail, so there is nothing to stop/);
    const none = await ask('stop sending me emails', fixtureSnapshot());
    expect(none.reply).toBe('No agent in this workspace sends e-mail: there is nothing to stop.');
  });

  it('takes out only the e-mails to the person asking when they say "me"', async () => {
    const snapshot = withNotices();
    const monitor = snapshot.agents.find((agent) => agent.name === 'example.com Price Monitor');
    monitor?.spec.steps.push({
      id: 'team',
      tool: 'notify.email',
      with: { to: 'team@example.com', subject: 'x', text: 'x' },
    } as never);
    const answer = await planner.plan({
      text: 'stop emailing me about the price monitor',
      snapshot,
      now: corpusNow,
      userEmail: 'ada@example.com',
    });
    const [operation] = answer.plan?.operations ?? [];
    if (operation?.type !== 'updateAgent') throw new Error(answer.reply);
    const emails = (operation.spec.steps as { tool: string; with: { to?: string } }[]).filter(
      (step) => step.tool === 'notify.email',
    );
    expect(emails.map((step) => step.with.to)).toEqual(['team@example.com']);
  });
});
