// Rename and copy through the real API on the built-in planner (PGlite): a rename is an
// updateAgent that changes the name, applies, and undoes back to the old name; a name taken by
// another agent is a question; a copy is a new agent with the copied spec, at its new address.
import { describe, expect, it } from 'vitest';
import { chatPlatform } from '../support/chat-platform.ts';

const chat = chatPlatform('Verbs', async ({ orca, owner, ws }) => {
  for (const [name, url] of [
    ['Lead Scraper', 'http://127.0.0.1:9/team'],
    ['Weekly Report', 'http://127.0.0.1:9/report'],
  ] as const) {
    const created = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name,
          goal: `The ${name}`,
          steps: [
            { id: 'fetch', tool: 'http.request', with: { url } },
            { id: 'size', tool: 'transform', with: { expression: '$length(steps.fetch.body)' } },
          ],
        },
      },
    });
    expect(created.status, created.text).toBe(201);
  }
});

const say = (text: string, conversationId?: string) => chat.say(text, conversationId);

async function plan(planId: string, action: 'approve' | 'undo') {
  const response = await chat.orca.request('POST', `/api/workspaces/${chat.ws}/plans/${planId}/${action}`, {
    token: chat.owner.token,
    body: {},
  });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function agentNames() {
  const list = await chat.orca.request('GET', `/api/workspaces/${chat.ws}/agents`, {
    token: chat.owner.token,
  });
  return (list.body.items as { name: string }[]).map((agent) => agent.name).sort();
}

async function agentNamed(name: string) {
  const list = await chat.orca.request('GET', `/api/workspaces/${chat.ws}/agents`, {
    token: chat.owner.token,
  });
  return list.body.items.find((agent: { name: string }) => agent.name === name);
}

describe('renaming and copying agents from chat', () => {
  it('renames an agent, and undo gives it back its old name', async () => {
    const before = await agentNamed('Lead Scraper');
    const answer = await say('pls rename the lead scrapper to prospect finder');
    expect(answer.plan.operations).toEqual([
      expect.objectContaining({ type: 'updateAgent', agentName: 'Lead Scraper', expectedVersion: 1 }),
    ]);
    expect(answer.plan.operations[0].spec.name).toBe('Prospect Finder');
    await plan(answer.plan.id, 'approve');
    expect(await agentNames()).toEqual(['Prospect Finder', 'Weekly Report']);
    const renamed = await agentNamed('Prospect Finder');
    expect(renamed.id).toBe(before.id);
    expect(renamed.version).toBe(2);

    expect((await plan(answer.plan.id, 'undo')).status).toBe('undone');
    expect(await agentNames()).toEqual(['Lead Scraper', 'Weekly Report']);
    expect((await agentNamed('Lead Scraper')).spec.steps).toEqual(before.spec.steps);
  });

  it('asks for another name when another agent has it, then renames with the answer', async () => {
    const asked = await say('the lead scraper should be called weekly report');
    expect(asked.plan.status).toBe('needs_answers');
    expect(asked.plan.questions.map((question: { id: string }) => question.id)).toEqual(['name']);
    const answered = await say('Lead Finder', asked.conversationId);
    expect(answered.plan.operations[0].spec.name).toBe('Lead Finder');
    await plan(answered.plan.id, 'approve');
    expect(await agentNames()).toEqual(['Lead Finder', 'Weekly Report']);
  });

  it('copies an agent under a new name at a new address, leaving the original as it was', async () => {
    const original = await agentNamed('Weekly Report');
    const answer = await say(
      'make a copy of the weekly report called Board Report for http://127.0.0.1:9/board',
    );
    expect(answer.plan.operations.map((operation: { type: string }) => operation.type)).toEqual([
      'createAgent',
      'runAgent',
    ]);
    await plan(answer.plan.id, 'approve');
    const copy = await agentNamed('Board Report');
    expect(copy.id).not.toBe(original.id);
    expect(copy.spec.steps[0].with.url).toBe('http://127.0.0.1:9/board');
    expect(copy.spec.steps[1]).toEqual(original.spec.steps[1]);
    expect((await agentNamed('Weekly Report')).spec).toEqual(original.spec);

    const again = await say('duplicate the weekly report');
    expect(again.plan.operations[0].spec.name).toBe('Weekly Report (copy)');
  });
});
