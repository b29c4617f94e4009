// Follow-up turns through the real API on the built-in planner: a time for a proposed new agent
// said without "actually" changes that plan ("it" is the agent it creates), "and X too" repeats
// the last request on another agent within the plan waiting, and a correction takes a part out.
// Each new plan supersedes the one before; the last applies as changed.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chatPlatform } from '../support/chat-platform.ts';
import { selectRows } from '../support/test-platform.ts';

const chat = chatPlatform('Turns');

const say = (text: string, conversationId?: string) => chat.say(text, conversationId);

async function statusOf(id: string) {
  const response = await chat.orca.request('GET', `/api/workspaces/${chat.ws}/plans/${id}`, {
    token: chat.owner.token,
  });
  return response.body.status;
}

async function approve(id: string) {
  const approved = await chat.orca.request('POST', `/api/workspaces/${chat.ws}/plans/${id}/approve`, {
    token: chat.owner.token,
    body: {},
  });
  expect(approved.status, approved.text).toBe(200);
}

const types = (plan: { operations: { type: string }[] }) =>
  plan.operations.map((operation) => operation.type);

describe('follow-up turns', () => {
  it('reads "run it every day at noon" after a proposed new agent as a change of that plan', async () => {
    const first = await say('monitor https://rival.example.com/pricing for changes');
    const named = await say('call it Rival Board', first.conversationId);
    const timed = await say('run it every day at noon', first.conversationId);
    expect(timed.reply).toMatch(/changed the plan waiting for approval/);
    expect(types(timed.plan)).toEqual(['createAgent', 'runAgent', 'scheduleAgent']);
    expect(timed.plan.operations[2]).toMatchObject({ agentName: 'Rival Board' });
    expect(await statusOf(named.plan.id)).toBe('superseded');
    await approve(timed.plan.id);

    const agents = await chat.orca.request('GET', `/api/workspaces/${chat.ws}/agents`, {
      token: chat.owner.token,
    });
    const agent = agents.body.items.find((item: { name: string }) => item.name === 'Rival Board');
    const schedules = await selectRows<{ cron: string | null; text: string | null }>(
      chat.orca.platform,
      sql`select cron, text from schedules where agent_id = ${agent.id}`,
    );
    expect(schedules).toHaveLength(1);
  });

  it('repeats the last request on another agent, then takes one out when corrected', async () => {
    const second = await say('watch https://docs.example.com/changelog for changes');
    const named = await say('name it Docs Board', second.conversationId);
    await approve(named.plan.id);

    const paused = await say('pause the rival board', second.conversationId);
    expect(types(paused.plan)).toEqual(['pauseAgent']);
    const both = await say('and the docs one too', second.conversationId);
    expect(both.plan.operations).toEqual([
      expect.objectContaining({ type: 'pauseAgent', agentName: 'Rival Board' }),
      expect.objectContaining({ type: 'pauseAgent', agentName: 'Docs Board' }),
    ]);
    expect(await statusOf(paused.plan.id)).toBe('superseded');

    const corrected = await say('actually leave rival board running', second.conversationId);
    expect(corrected.plan.operations).toEqual([
      expect.objectContaining({ type: 'pauseAgent', agentName: 'Docs Board' }),
    ]);
    expect(await statusOf(both.plan.id)).toBe('superseded');
    await approve(corrected.plan.id);
    const agents = await chat.orca.request('GET', `/api/workspaces/${chat.ws}/agents`, {
      token: chat.owner.token,
    });
    const status = Object.fromEntries(
      agents.body.items.map((item: { name: string; status: string }) => [item.name, item.status]),
    );
    expect(status).toMatchObject({ 'Rival Board': 'active', 'Docs Board': 'paused' });
  });
});
