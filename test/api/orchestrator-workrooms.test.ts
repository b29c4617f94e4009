// The Orchestrator (built-in planner) and workrooms: it lists them with their figures, tells what
// one holds, and answers "put X in the Acme workroom" and "create a workroom for Acme" with the
// steps on the Workrooms page (no plan: decision 0025), the names filled in.
import { describe, expect, it } from 'vitest';
import { chatPlatform } from '../support/chat-platform.ts';

const chat = chatPlatform('Rooms', async ({ orca, owner, ws }) => {
  const agents: Record<string, string> = {};
  for (const name of ['Weekly Report', 'Lead Scraper']) {
    const created = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name,
          steps: [{ id: 'save', tool: 'files.save', with: { name: `${name}.md`, content: 'done' } }],
        },
      },
    });
    expect(created.status, created.text).toBe(201);
    agents[name] = created.body.id;
  }
  const acme = await orca.request('POST', `/api/workspaces/${ws}/workrooms`, {
    token: owner.token,
    body: { name: 'Acme', description: 'The Acme account', monthlyBudget: 5000 },
  });
  await orca.request('POST', `/api/workspaces/${ws}/workrooms`, {
    token: owner.token,
    body: { name: 'Globex' },
  });
  await orca.request('PUT', `/api/workspaces/${ws}/agents/${agents['Weekly Report']}/workroom`, {
    token: owner.token,
    body: { workroomId: acme.body.id },
  });
  const run = await orca.request('POST', `/api/workspaces/${ws}/agents/${agents['Weekly Report']}/runs`, {
    token: owner.token,
    body: { input: {} },
  });
  for (let tries = 0; tries < 200; tries++) {
    const read = await orca.request('GET', `/api/workspaces/${ws}/runs/${run.body.id}`, {
      token: owner.token,
    });
    if (read.body.status === 'succeeded') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not succeed');
});

describe('workrooms in the chat', () => {
  it('lists the workrooms with their agents, runs this month, files and budgets', async () => {
    const answer = await chat.say('what workrooms are there?');
    expect(answer.plan).toBeUndefined();
    expect(answer.reply).toContain('This workspace has 2 workrooms');
    expect(answer.reply).toContain(
      '- Acme: 1 agent (Weekly Report), 1 run this month, 1 file, a budget of 5,000 credits a month',
    );
    expect(answer.reply).toContain('- Globex: no agents, 0 runs this month, 0 files, no budget');
    expect(answer.reply).toContain('In no workroom: Lead Scraper.');
  });

  it('tells what is in one workroom, with its newest runs and files', async () => {
    const answer = await chat.say("what's in Acme?");
    expect(answer.reply).toContain('Acme (The Acme account): a budget of 5,000 credits a month.');
    expect(answer.reply).toContain('Agents: Weekly Report.');
    expect(answer.reply).toContain('Runs: 1 this month, 1 in all. Files: 1.');
    expect(answer.reply).toMatch(/Newest runs: Weekly Report succeeded/);
    expect(answer.reply).toContain('Newest files: Weekly Report.md.');
  });

  it('says where to move an agent and to create a workroom, with no plan', async () => {
    const move = await chat.say('put the lead scraper in the Globex workroom');
    expect(move.plan).toBeUndefined();
    expect(move.reply).toContain('To put Lead Scraper in Globex: open Workrooms → Globex');
    const unknown = await chat.say('move the lead scraper to the Initech workroom');
    expect(unknown.reply).toContain('no workroom of that name');
    expect(unknown.reply).toContain('Acme, Globex');
    const create = await chat.say('create a workroom for Initech');
    expect(create.plan).toBeUndefined();
    expect(create.reply).toContain('To create the workroom “Initech”: open Workrooms in the navigation');
    const existing = await chat.say('create a workroom for acme');
    expect(existing.reply).toContain('There is a workroom “Acme” already');
    const agents = await chat.orca.request('GET', `/api/workspaces/${chat.ws}/agents?workroom=none`, {
      token: chat.owner.token,
    });
    expect(agents.body.items.map((agent: { name: string }) => agent.name)).toEqual(['Lead Scraper']);
  });
});
