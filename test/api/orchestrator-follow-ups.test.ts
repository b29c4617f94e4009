// Follow-ups through the real API on the built-in planner: the conversation keeps its state
// (decision 0015), so "it" after an answer is the agent the answer was about, and a change to
// the plan waiting for approval supersedes it with the changed plan, which applies as changed.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chatPlatform } from '../support/chat-platform.ts';
import { selectRows } from '../support/test-platform.ts';

const chat = chatPlatform('Follow-ups');

const say = (text: string, conversationId?: string) => chat.say(text, conversationId);

async function planOf(id: string) {
  const response = await chat.orca.request('GET', `/api/workspaces/${chat.ws}/plans/${id}`, {
    token: chat.owner.token,
  });
  return response.body;
}

describe('follow-ups in a conversation', () => {
  it('changes the plan waiting for approval: the old one is superseded, the new one applies as changed', async () => {
    const first = await say('monitor https://rival.example.com/pricing for changes every weekday at 9:30');
    expect(first.plan.status).toBe('proposed');
    const renamed = await say('call it Competitor Board instead', first.conversationId);
    expect(renamed.reply).toMatch(/changed the plan waiting for approval: name it "Competitor Board"/);
    expect((await planOf(first.plan.id)).status).toBe('superseded');
    const retimed = await say('actually make it 7:30', first.conversationId);
    const emailed = await say('and also e-mail it to me', first.conversationId);
    expect((await planOf(renamed.plan.id)).status).toBe('superseded');
    expect((await planOf(retimed.plan.id)).status).toBe('superseded');
    expect(emailed.plan.operations.map((operation: { type: string }) => operation.type)).toEqual([
      'createAgent',
      'runAgent',
      'scheduleAgent',
    ]);
    const [create, run, schedule] = emailed.plan.operations;
    expect(create.spec.name).toBe('Competitor Board');
    expect(JSON.stringify(create.spec)).toContain(chat.owner.email);
    expect(run.agentName).toBe('Competitor Board');
    expect(schedule).toMatchObject({ agentName: 'Competitor Board', text: 'every weekday at 7:30' });

    const approved = await chat.orca.request(
      'POST',
      `/api/workspaces/${chat.ws}/plans/${emailed.plan.id}/approve`,
      {
        token: chat.owner.token,
        body: {},
      },
    );
    expect(approved.status, approved.text).toBe(200);
    const agents = await chat.orca.request('GET', `/api/workspaces/${chat.ws}/agents`, {
      token: chat.owner.token,
    });
    const agent = agents.body.items.find((item: { name: string }) => item.name === 'Competitor Board');
    expect(agent).toBeDefined();
    const schedules = await selectRows<{ text: string }>(
      chat.orca.platform,
      sql`select text from schedules where agent_id = ${agent.id}`,
    );
    expect(schedules[0]).toMatchObject({ text: 'every weekday at 7:30' });
  });

  it('reads "it" after an answer as the agent the answer was about, and keeps that state in the conversation', async () => {
    const list = await say('what agents do I have?');
    expect(list.reply).toMatch(/1 agent:\n- Competitor Board/);
    expect(list.plan ?? null).toBeNull();
    const paused = await say('pause it', list.conversationId);
    expect(paused.plan.operations).toEqual([
      expect.objectContaining({ type: 'pauseAgent', agentName: 'Competitor Board' }),
    ]);
    const [row] = await selectRows<{ state: unknown }>(
      chat.orca.platform,
      sql`select state from conversations where id = ${list.conversationId}`,
    );
    expect(row?.state).toMatchObject({ recentAgents: ['Competitor Board'], subject: 'Competitor Board' });

    // A question asked only in the reply's words is answered by the next message.
    const which = await say('the competitor board');
    expect(which.reply).toMatch(/Do you want to run, change, pause, resume or delete "Competitor Board".*\?/);
    const deleted = await say('delete', which.conversationId);
    expect(deleted.plan.operations).toEqual([
      expect.objectContaining({ type: 'deleteAgent', agentName: 'Competitor Board' }),
    ]);
  });
});
