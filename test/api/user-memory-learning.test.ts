// User memory learns the shape of what a person builds (kinds, tools, patterns, channels,
// schedules, zones, locales), shows it, lets them delete it or turn learning off, and offers it
// back in a new workspace, without carrying anything of the workspace it was learned in: no
// address, name, account, secret or shared context. The built-in planner answers; no LLM is used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorSpec } from '../../src/orchestrator/builtin/spec-templates.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
beforeAll(async () => {
  orca = await startTestPlatform();
  // Schedules here only teach; nothing should fire during the test.
  await orca.platform.scheduler?.stop();
});
afterAll(() => orca.close());

interface LearnedItem {
  id: string;
  category: string;
  key: string;
  label: string;
  count: number;
  source: string;
}

async function memoryOf(user: TestUser) {
  const memory = await orca.request('GET', '/api/me/memory', { token: user.token });
  expect(memory.status, memory.text).toBe(200);
  return memory.body;
}

async function learned(user: TestUser, category: string, key: string): Promise<LearnedItem | undefined> {
  const memory = await memoryOf(user);
  return memory.learned.items.find((item: LearnedItem) => item.category === category && item.key === key);
}

function priceMonitor(name: string, url: string, email: string) {
  return monitorSpec({ name, url, selector: '.price', notify: { email }, goal: `Watch the price on ${url}` });
}

async function createAgent(user: TestUser, ws: string, spec: Record<string, unknown>) {
  const created = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
    token: user.token,
    body: { spec },
  });
  expect(created.status, created.text).toBe(201);
  return created.body;
}

async function say(user: TestUser, ws: string, text: string, conversationId?: string) {
  const answer = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
    token: user.token,
    body: { text, ...(conversationId ? { conversationId } : {}) },
  });
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
}

/** Approves a plan with only its agent and schedule changes: no test run reaches the network. */
async function approveWithoutTestRun(
  user: TestUser,
  ws: string,
  plan: { id: string; operations: { type: string }[] },
) {
  const operations = plan.operations.filter((operation) => operation.type !== 'runAgent');
  const approved = await orca.request('POST', `/api/workspaces/${ws}/plans/${plan.id}/approve`, {
    token: user.token,
    body: { operations },
  });
  expect(approved.status, approved.text).toBe(200);
  return approved.body;
}

describe('what user memory learns', () => {
  it('learns kinds, tools, patterns and the channel from the agents API and approved plans, with counts', async () => {
    const user = await orca.signUp('Learner');
    const ws = (await orca.createWorkspace(user, 'Learning shop')).id;
    await createAgent(
      user,
      ws,
      priceMonitor('Widget price', 'http://127.0.0.1:9/widget?ref=campaign-7', user.email),
    );
    const answer = await say(
      user,
      ws,
      'Create an agent that monitors the prices on http://127.0.0.1:9/gadgets and e-mail me when they change',
    );
    expect(answer.plan?.operations?.[0]?.type, answer.reply).toBe('createAgent');
    await approveWithoutTestRun(user, ws, answer.plan);

    const kind = await learned(user, 'kind', 'price_monitor');
    expect(kind).toMatchObject({ count: 2, label: 'price monitor', source: 'plan' });
    expect(await learned(user, 'pattern', 'price_monitor+email_on_change')).toMatchObject({
      count: 2,
      label: 'price monitor + e-mail on change',
    });
    expect(await learned(user, 'tool', 'http.request')).toMatchObject({ count: 2 });
    expect(await learned(user, 'tool', 'notify.email')).toMatchObject({ count: 2 });
    const memory = await memoryOf(user);
    expect(memory.learning).toBe(true);
    expect(memory.learned.preferences.notificationChannel).toMatchObject({
      value: 'email',
      applies: true,
      suggestion: false,
    });
    // Shapes only: none of the pages, names or words of the workspace.
    const text = JSON.stringify(memory);
    for (const secret of ['127.0.0.1', 'campaign-7', 'Widget price', 'gadgets', 'Learning shop', '.price'])
      expect(text).not.toContain(secret);

    // A change that changes nothing is not learned twice; a real change is.
    const agents = await orca.request('GET', `/api/workspaces/${ws}/agents`, { token: user.token });
    const widget = agents.body.items.find((agent: { name: string }) => agent.name === 'Widget price');
    const same = await orca.request('PATCH', `/api/workspaces/${ws}/agents/${widget.id}`, {
      token: user.token,
      body: { spec: widget.spec },
    });
    expect(same.status, same.text).toBe(200);
    expect((await learned(user, 'kind', 'price_monitor'))?.count).toBe(2);
    const changed = await orca.request('PATCH', `/api/workspaces/${ws}/agents/${widget.id}`, {
      token: user.token,
      body: { spec: { ...widget.spec, goal: 'Watch the price of the widget closely' } },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(await learned(user, 'kind', 'price_monitor')).toMatchObject({ count: 3, source: 'agents_api' });
  });

  it('forgets one item or all of them, and records nothing while learning is off', async () => {
    const user = await orca.signUp('Forgetter');
    const ws = (await orca.createWorkspace(user, 'Forgetting')).id;
    await createAgent(user, ws, priceMonitor('One', 'http://127.0.0.1:9/one', user.email));
    const tool = await learned(user, 'tool', 'html.extract');
    expect(tool).toBeDefined();
    const forgotten = await orca.request('DELETE', `/api/me/memory/learned/${tool?.id}`, {
      token: user.token,
    });
    expect(forgotten.status).toBe(204);
    expect(await learned(user, 'tool', 'html.extract')).toBeUndefined();
    expect(await learned(user, 'kind', 'price_monitor')).toBeDefined();
    const again = await orca.request('DELETE', `/api/me/memory/learned/${tool?.id}`, { token: user.token });
    expect(again.status).toBe(404);
    expect(
      (await orca.request('DELETE', '/api/me/memory/learned/not-an-id', { token: user.token })).status,
    ).toBe(404);

    // Another person cannot delete mine.
    const other = await orca.signUp('Stranger');
    const mine = await learned(user, 'kind', 'price_monitor');
    expect(
      (await orca.request('DELETE', `/api/me/memory/learned/${mine?.id}`, { token: other.token })).status,
    ).toBe(404);
    expect(await learned(user, 'kind', 'price_monitor')).toBeDefined();

    const off = await orca.request('PATCH', '/api/me/memory', {
      token: user.token,
      body: { learning: false },
    });
    expect(off.status, off.text).toBe(200);
    expect(off.body.learning).toBe(false);
    const before = (await memoryOf(user)).learned.items;
    await createAgent(user, ws, priceMonitor('Two', 'http://127.0.0.1:9/two', user.email));
    expect((await memoryOf(user)).learned.items).toEqual(before);

    const all = await orca.request('DELETE', '/api/me/memory/learned', { token: user.token });
    expect(all.status).toBe(200);
    expect(all.body.deleted).toBe(before.length);
    expect((await memoryOf(user)).learned.items).toEqual([]);

    await orca.request('PATCH', '/api/me/memory', { token: user.token, body: { learning: true } });
    await createAgent(user, ws, priceMonitor('Three', 'http://127.0.0.1:9/three', user.email));
    expect(await learned(user, 'kind', 'price_monitor')).toMatchObject({ count: 1 });
  });

  it('learns schedule shapes and zones, suggesting a zone that differs from the one set, never overwriting it', async () => {
    const user = await orca.signUp('Scheduler');
    const ws = (await orca.createWorkspace(user, 'Schedules')).id;
    await orca.request('PATCH', '/api/me/memory', { token: user.token, body: { timezone: 'Europe/Paris' } });
    const agent = await createAgent(user, ws, priceMonitor('Daily', 'http://127.0.0.1:9/daily', user.email));
    const saved = await orca.request('PUT', `/api/workspaces/${ws}/agents/${agent.id}/schedule`, {
      token: user.token,
      body: { cron: '0 8 * * 1-5', timezone: 'America/New_York' },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(await learned(user, 'schedule', 'weekdays@08:00')).toMatchObject({
      label: 'every weekday at 08:00',
      source: 'schedule',
    });
    const memory = await memoryOf(user);
    expect(memory.timezone).toBe('Europe/Paris');
    expect(memory.learned.preferences.timezone).toMatchObject({
      value: 'America/New_York',
      applies: false,
      suggestion: true,
    });
  });

  it("learns the locale from the browser's language at sign-in, used only while none is set", async () => {
    const user = await orca.signUp('Polyglot');
    const login = await orca.request('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
      headers: { 'accept-language': 'de-CH;q=0.8, fr-CH, fr;q=0.9' },
    });
    expect(login.status, login.text).toBe(200);
    const memory = await memoryOf(user);
    expect(memory.locale).toBeNull();
    expect(memory.learned.preferences.locale).toMatchObject({ value: 'fr-CH', applies: true });
    await orca.request('PATCH', '/api/me/memory', { token: user.token, body: { locale: 'en-GB' } });
    expect((await memoryOf(user)).learned.preferences.locale).toMatchObject({
      applies: false,
      suggestion: true,
    });
  });

  it('uses the learned channel when asked to be told with none named, and says so; a set one wins', async () => {
    const user = await orca.signUp('Defaulted');
    const ws = (await orca.createWorkspace(user, 'Defaults')).id;
    await createAgent(user, ws, priceMonitor('Seed', 'http://127.0.0.1:9/seed', user.email));
    const answer = await say(user, ws, 'Watch http://127.0.0.1:9/news and tell me when it changes');
    expect(answer.reply).toContain('(learned from what you built)');
    const spec = answer.plan.operations[0].spec;
    expect(spec.steps.find((step: { tool: string }) => step.tool === 'notify.email')?.with.to).toBe(
      user.email,
    );

    await orca.request('PATCH', '/api/me/memory', {
      token: user.token,
      body: { preferences: { notificationChannel: 'ops@example.com' } },
    });
    const preferred = await say(user, ws, 'Watch http://127.0.0.1:9/blog and tell me when it changes');
    expect(preferred.reply).toContain('your preferred channel');
    expect(preferred.reply).not.toContain('learned from what you built');
  });

  it('offers a new workspace what the person usually builds, as a plan that asks for the page, carrying nothing of the old workspace', async () => {
    const user = await orca.signUp('Builder');
    const a = (await orca.createWorkspace(user, 'Acme Secret Client')).id;
    const secretValue = 'sk-live-canary-9f3e1c';
    const connection = await orca.request('POST', `/api/workspaces/${a}/connections`, {
      token: user.token,
      body: {
        service: 'acme-shop-portal',
        kind: 'api_key',
        label: 'acme-billing',
        settings: { allowedHosts: ['127.0.0.1'] },
        secret: { apiKey: secretValue },
      },
    });
    expect(connection.status, connection.text).toBe(201);
    const context = await orca.request('POST', `/api/workspaces/${a}/context`, {
      token: user.token,
      body: { key: 'clients/acme-confidential', value: { note: 'Acme pays 120k per year' } },
    });
    expect(context.status, context.text).toBe(201);
    await createAgent(
      user,
      a,
      priceMonitor('Quokka Rival Prices', 'http://127.0.0.1:9/acme/rival?key=zz-private', user.email),
    );
    await createAgent(
      user,
      a,
      priceMonitor('Wombat Supplier Prices', 'http://127.0.0.1:9/acme/supplier', user.email),
    );
    const scheduled = await orca.request(
      'GET',
      `/api/workspaces/${a}/agents?q=${encodeURIComponent('Quokka Rival')}`,
      { token: user.token },
    );
    for (const cronFor of scheduled.body.items) {
      const saved = await orca.request('PUT', `/api/workspaces/${a}/agents/${cronFor.id}/schedule`, {
        token: user.token,
        body: { cron: '0 8 * * 1-5' },
      });
      expect(saved.status, saved.text).toBe(200);
    }
    const supplier = (
      await orca.request('GET', `/api/workspaces/${a}/agents?q=Wombat`, { token: user.token })
    ).body.items[0];
    await orca.request('PUT', `/api/workspaces/${a}/agents/${supplier.id}/schedule`, {
      token: user.token,
      body: { cron: '0 8 * * 1-5' },
    });

    // Workspace A has two monitors already: nothing to offer there.
    const inA = await orca.request('GET', `/api/workspaces/${a}/suggestions`, { token: user.token });
    expect(inA.body.items.filter((item: { kind: string }) => item.kind === 'learned_pattern')).toEqual([]);

    const b = (await orca.createWorkspace(user, 'Brand New')).id;
    const seen: string[] = [];
    const listed = await orca.request('GET', `/api/workspaces/${b}/suggestions`, { token: user.token });
    expect(listed.status, listed.text).toBe(200);
    seen.push(listed.text);
    const offer = listed.body.items.find((item: { kind: string }) => item.kind === 'learned_pattern');
    expect(offer, listed.text).toBeDefined();
    expect(offer.reason).toMatch(
      /You usually build price monitors that e-mail you on change, every weekday at 08:00 \(2 so far\) — want one here\?/,
    );
    expect(offer.plan.questions.map((question: { id: string }) => question.id)).toEqual(['url']);
    expect(offer.new).toBe(true);

    const accepted = await orca.request('POST', `/api/workspaces/${b}/suggestions/${offer.id}/accept`, {
      token: user.token,
    });
    expect(accepted.status, accepted.text).toBe(200);
    seen.push(accepted.text);
    expect(accepted.body.plan).toMatchObject({ status: 'needs_answers', operations: [] });
    const conversationId = accepted.body.plan.conversationId;
    const history = await orca.request(
      'GET',
      `/api/workspaces/${b}/orchestrator/conversations/${conversationId}`,
      {
        token: user.token,
      },
    );
    seen.push(history.text);

    const answered = await say(user, b, 'http://127.0.0.1:9/brand-new/prices', conversationId);
    seen.push(JSON.stringify(answered));
    const create = answered.plan.operations.find(
      (operation: { type: string }) => operation.type === 'createAgent',
    );
    expect(create, answered.reply).toBeDefined();
    expect(create.spec.name).toBe('Price monitor');
    const email = create.spec.steps.find((step: { tool: string }) => step.tool === 'notify.email');
    expect(email.with.to).toBe(user.email);
    expect(email.if).toBeDefined();
    expect(create.spec.steps[0].with.url).toBe('http://127.0.0.1:9/brand-new/prices');
    const schedule = answered.plan.operations.find(
      (operation: { type: string }) => operation.type === 'scheduleAgent',
    );
    expect(schedule, answered.reply).toMatchObject({ text: 'every weekday at 08:00' });
    expect(answered.reply).toContain('learned from what you built');

    const greeting = await say(user, b, 'hello, what can you do?');
    seen.push(JSON.stringify(greeting));
    seen.push((await orca.request('GET', '/api/me/memory', { token: user.token })).text);

    const everything = seen.join('\n');
    for (const fromA of [
      'Acme',
      'acme',
      'Quokka',
      'Wombat',
      'zz-private',
      secretValue,
      'acme-billing',
      'confidential',
      '120k',
      '127.0.0.1:9/acme',
    ])
      expect(everything, `"${fromA}" crossed from workspace A`).not.toContain(fromA);

    // Accepted once, the offer is gone from this workspace once it has a price monitor.
    await approveWithoutTestRun(user, b, answered.plan);
    const after = await orca.request('GET', `/api/workspaces/${b}/suggestions`, { token: user.token });
    expect(after.body.items.filter((item: { kind: string }) => item.kind === 'learned_pattern')).toEqual([]);
  });

  it('makes no offer when learning is off, and a dismissed offer stays dismissed', async () => {
    const user = await orca.signUp('Quiet');
    const a = (await orca.createWorkspace(user, 'First')).id;
    await createAgent(user, a, priceMonitor('P1', 'http://127.0.0.1:9/p1', user.email));
    await createAgent(user, a, priceMonitor('P2', 'http://127.0.0.1:9/p2', user.email));
    const b = (await orca.createWorkspace(user, 'Second')).id;
    const offered = async () =>
      (
        await orca.request('GET', `/api/workspaces/${b}/suggestions`, { token: user.token })
      ).body.items.filter((item: { kind: string }) => item.kind === 'learned_pattern');
    const [offer] = await offered();
    expect(offer).toBeDefined();
    await orca.request('PATCH', '/api/me/memory', { token: user.token, body: { learning: false } });
    expect(await offered()).toEqual([]);
    await orca.request('PATCH', '/api/me/memory', { token: user.token, body: { learning: true } });
    const dismissed = await orca.request('POST', `/api/workspaces/${b}/suggestions/${offer.id}/dismiss`, {
      token: user.token,
    });
    expect(dismissed.status, dismissed.text).toBe(204);
    expect(await offered()).toEqual([]);
  });
});
