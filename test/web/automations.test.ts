// Schedules, chains and hooks in real Chromium against a real Orca: an agent scheduled in words
// with its next five times previewed as they are typed, saved, and seen on the agent panel and on
// the Automations page; "every other week" refused in words; a chain made, its mapping refused
// in place (what was typed kept) and then saved; a hook made, its address shown once with a copy
// button, called from the test over loopback, and the call seen among its recent calls; a viewer
// sees no change buttons; no accessibility violations and no sideways scrolling at phone width.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser, TestWorkspace } from '../support/test-platform.ts';
import {
  accessibilityViolations,
  horizontalOverflow,
  phone,
  saveScreenshot,
  startWebWorkspace,
  type WebApp,
} from '../support/web-app.ts';

let web: WebApp;
let owner: TestUser;
let viewer: TestUser;
let workspace: TestWorkspace;

const spec = (name: string) => ({
  name,
  goal: `${name} does its part`,
  steps: [{ id: 'echo', tool: 'transform', with: { expression: '$', data: '{{ input }}' } }],
});

beforeAll(async () => {
  ({ web, owner, workspace } = await startWebWorkspace('Otto Automations', 'Automation Works'));
  viewer = await web.orca.signUp('Vivian Viewer');
  await web.orca.addMember(owner, workspace.id, viewer, 'viewer');
});
afterAll(() => web?.close());

function signIn(page: Page, user: TestUser, path = `/w/${workspace.slug}`) {
  return web.signIn(page, user, path);
}

function api(method: string, path: string, body?: unknown, user = owner) {
  return web.orca.request(method, `/api/workspaces/${workspace.id}${path}`, { token: user.token, body });
}

async function createAgent(name: string) {
  const created = await api('POST', '/agents', { spec: spec(name) });
  expect(created.status, created.text).toBe(201);
  return created.body as { id: string; name: string };
}

const agentPath = (agentId: string) => `/w/${workspace.slug}/agents/${agentId}`;

describe('automations', () => {
  it('schedules an agent in words with the next five times previewed, and shows it on the panel and the Automations page', async () => {
    const agent = await createAgent('Morning Report');
    const { page, policyViolations } = await web.newPage();
    await signIn(page, owner, agentPath(agent.id));
    const section = page.getByRole('region', { name: 'Schedule' });
    await section.getByText('Not scheduled').waitFor();
    await section.getByRole('button', { name: 'Schedule it' }).click();
    const form = page.getByRole('form', { name: 'Schedule' });
    await form.getByLabel('Time zone').fill('Europe/Paris');
    await form.getByLabel('When it runs').fill('every weekday at 9');
    const preview = form.getByRole('region', { name: 'Preview' });
    await preview.getByText('At 09:00 AM, Monday through Friday (Europe/Paris)').waitFor();
    const times = preview.getByTestId('next-times').getByRole('listitem');
    await expect.poll(() => times.count()).toBe(5);
    for (const time of await times.allTextContents()) {
      expect(time).toMatch(/^(Monday|Tuesday|Wednesday|Thursday|Friday) \d+ \w+ at 09:00$/);
    }
    const first = await preview.locator('time').first().getAttribute('datetime');
    expect(new Date(first ?? '').getTime()).toBeGreaterThan(Date.now());
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'schedule-preview');

    await form.getByLabel('If Orca was not running at a time').selectOption('run_once');
    await form.getByRole('button', { name: 'Save the schedule' }).click();
    await section.getByText('At 09:00 AM, Monday through Friday (Europe/Paris)').waitFor();
    await section.getByText(/it runs once when Orca is back/).waitFor();
    await expect.poll(() => section.locator('.next-times li').count()).toBe(5);
    const saved = await api('GET', `/agents/${agent.id}/schedule`);
    expect(saved.body).toMatchObject({
      cron: '0 9 * * 1-5',
      timezone: 'Europe/Paris',
      text: 'every weekday at 9',
      missed: 'run_once',
      enabled: true,
    });

    // What a schedule cannot say is refused in words as it is typed, and nothing is saved.
    await section.getByRole('button', { name: 'Change the schedule' }).click();
    await form.getByLabel('When it runs').fill('every other week');
    await preview.getByText(/A schedule cannot say "every other week".*The nearest is/).waitFor();
    expect(await preview.getByTestId('next-times').count()).toBe(0);
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect((await api('GET', `/agents/${agent.id}/schedule`)).body.cron).toBe('0 9 * * 1-5');

    // Turned off and on from the panel.
    await section.getByRole('button', { name: 'Turn off' }).click();
    await section.getByText('(turned off)').waitFor();
    expect((await api('GET', `/agents/${agent.id}/schedule`)).body.enabled).toBe(false);
    await section.getByRole('button', { name: 'Turn on' }).click();
    await section.getByRole('button', { name: 'Turn off' }).waitFor();

    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Automations' })
      .click();
    await page.getByRole('heading', { name: 'Automations', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/w/${workspace.slug}/automations`);
    const schedules = page.getByRole('region', { name: 'Schedules' });
    await schedules.getByText('At 09:00 AM, Monday through Friday (Europe/Paris)').waitFor();
    expect(await schedules.getByRole('link', { name: 'Morning Report' }).getAttribute('href')).toBe(
      agentPath(agent.id),
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'automations');
    expect(policyViolations).toEqual([]);
  });

  it('asks for the input an agent needs on each scheduled run, refuses the form without it, and keeps it', async () => {
    const created = await api('POST', '/agents', {
      spec: {
        ...spec('City Weather'),
        input: {
          type: 'object',
          required: ['city'],
          properties: { city: { type: 'string', description: 'Which city' }, days: { type: 'integer' } },
        },
      },
    });
    expect(created.status, created.text).toBe(201);
    const agent = created.body as { id: string };
    const { page, policyViolations } = await web.newPage();
    await signIn(page, owner, agentPath(agent.id));
    const section = page.getByRole('region', { name: 'Schedule' });
    await section.getByRole('button', { name: 'Schedule it' }).click();
    const form = page.getByRole('form', { name: 'Schedule' });
    await form.getByLabel('When it runs').fill('every day at 7');
    await form.getByTestId('next-times').waitFor();
    await form.getByRole('button', { name: 'Save the schedule' }).click();
    await form.getByText('One field needs attention before the schedule can be saved.').waitFor();
    expect((await api('GET', `/agents/${agent.id}/schedule`)).status).toBe(404);

    await form.getByLabel(/^City/).fill('Lisbon');
    await form.getByLabel(/^Days/).fill('3');
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save the schedule' }).click();
    await section.getByRole('button', { name: 'Change the schedule' }).waitFor();
    const saved = await api('GET', `/agents/${agent.id}/schedule`);
    expect(saved.body).toMatchObject({ cron: '0 7 * * *', input: { city: 'Lisbon', days: 3 } });

    // Changing the schedule starts from the input it has.
    await section.getByRole('button', { name: 'Change the schedule' }).click();
    expect(await form.getByLabel(/^City/).inputValue()).toBe('Lisbon');

    // A one-off run asks for it too.
    const once = page.getByRole('form', { name: 'Run once' });
    await once.getByLabel('Run once at').fill('2031-05-06T07:30');
    await once.getByRole('button', { name: 'Add' }).click();
    await once.getByText('One field needs attention before the run can be added.').waitFor();
    await once.getByLabel(/^City/).fill('Porto');
    await once.getByRole('button', { name: 'Add' }).click();
    await expect
      .poll(async () => (await api('GET', `/agents/${agent.id}/one-off-runs`)).body.items?.[0]?.input)
      .toEqual({ city: 'Porto' });
    expect(policyViolations).toEqual([]);
  });

  it('adds and cancels a one-off run', async () => {
    const agent = await createAgent('Once Only');
    const { page } = await web.newPage();
    await signIn(page, owner, agentPath(agent.id));
    const runOnce = page.getByRole('form', { name: 'Run once' });
    const tomorrow = new Date(Date.now() + 26 * 3600_000);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000)
      .toISOString()
      .slice(0, 16);
    await runOnce.getByLabel('Run once at').fill(local);
    await runOnce.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('button', { name: /^Cancel the run Once, on / }).waitFor();
    const listed = await api('GET', `/agents/${agent.id}/one-off-runs`);
    expect(listed.body.items).toHaveLength(1);
    expect(Math.abs(new Date(listed.body.items[0].runAt).getTime() - tomorrow.getTime())).toBeLessThan(
      60_000,
    );
    await page.getByRole('button', { name: /^Cancel the run Once, on / }).click();
    await page.getByText('No one-off runs.').waitFor();
    expect((await api('GET', `/agents/${agent.id}/one-off-runs`)).body.items).toHaveLength(0);
  });

  it('creates a chain, refuses a bad mapping in words without losing it, and saves a good one', async () => {
    const from = await createAgent('Page Finder');
    const to = await createAgent('Page Reader');
    const { page } = await web.newPage();
    await signIn(page, owner, agentPath(from.id));
    const chains = page.getByRole('region', { name: 'Chains' });
    await chains.getByText('No chains').waitFor();
    await chains.getByRole('button', { name: 'Start another agent after this one' }).click();
    const create = page.getByRole('form', { name: 'New chain' });
    await create.getByLabel('Then start').selectOption({ label: 'Page Reader' });
    await create.getByLabel('When').selectOption('failure');
    await create.getByRole('button', { name: 'Chain them' }).click();
    await chains.getByText(', when it fails').waitFor();
    await chains.getByText('The output is passed on as the input.').waitFor();
    const stored = await api('GET', `/chains?agent=${from.id}`);
    expect(stored.body.items).toMatchObject([
      { fromAgentId: from.id, toAgentId: to.id, on: 'failure', mapping: null },
    ]);
    expect(await chains.getByRole('link', { name: 'Page Reader' }).getAttribute('href')).toBe(
      agentPath(to.id),
    );

    await chains.getByRole('button', { name: 'Edit the chain from Page Finder to Page Reader' }).click();
    const edit = page.getByRole('form', { name: 'Chain from Page Finder to Page Reader' });
    const bad = '{"url": output.link';
    await edit.getByLabel(/^Mapping/).fill(bad);
    await edit.getByRole('button', { name: 'Save the chain' }).click();
    await edit
      .getByRole('alert')
      .getByText(/is not valid JSONata/)
      .waitFor();
    expect(await edit.getByLabel(/^Mapping/).inputValue()).toBe(bad);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect((await api('GET', `/chains?agent=${from.id}`)).body.items[0].mapping).toBeNull();

    await edit.getByLabel(/^Mapping/).fill('{"url": output.link}');
    await edit.getByLabel('When').selectOption('always');
    await edit.getByRole('button', { name: 'Save the chain' }).click();
    await chains.getByText('{"url": output.link}').waitFor();
    await chains.getByText(', whenever it ends').waitFor();
    expect((await api('GET', `/chains?agent=${from.id}`)).body.items[0]).toMatchObject({
      on: 'always',
      mapping: '{"url": output.link}',
    });

    // The other end shows the same chain, and it is deleted after confirming.
    await page.goto(`${web.url}${agentPath(to.id)}`);
    await chains.getByText(', whenever it ends').waitFor();
    await chains.getByRole('button', { name: 'Delete the chain from Page Finder to Page Reader' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this chain?' })
      .getByRole('button', { name: 'Delete the chain' })
      .click();
    await chains.getByText('No chains').waitFor();
    expect((await api('GET', `/chains?agent=${from.id}`)).body.items).toEqual([]);
  });

  it('makes a hook whose address is shown once with a copy button, and shows a call to it among recent calls', async () => {
    const agent = await createAgent('Order Taker');
    const { page, context } = await web.newPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.url });
    await signIn(page, owner, agentPath(agent.id));
    const hooks = page.getByRole('region', { name: 'Hooks' });
    await hooks.getByText('No hooks').waitFor();
    await hooks.getByRole('button', { name: 'Make a hook' }).click();
    const form = page.getByRole('form', { name: 'New hook' });
    await form.getByLabel('Name').fill('Shop orders');
    await form.getByLabel('Calls a minute at most').fill('30');
    await form.getByRole('button', { name: 'Make the hook' }).click();

    const shown = page.getByTestId('shown-once');
    await shown.getByText('it will not be shown again').waitFor();
    const address = (await shown.locator('code').first().textContent()) ?? '';
    expect(address).toMatch(/\/api\/hooks\/\S+$/);
    const token = address.split('/').at(-1) ?? '';
    await shown.getByRole('button', { name: 'Copy the address' }).click();
    await shown.getByText('Copied', { exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'hook-shown-once');

    // The sender calls the address over loopback, as any outside service would.
    const called = await fetch(`${web.url}${new URL(address).pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ order: 42 }),
    });
    expect(called.status).toBe(202);
    const { runId } = (await called.json()) as { runId: string };
    const refused = await fetch(`${web.url}${new URL(address).pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[1, 2]',
    });
    expect(refused.status).toBe(422);

    const calls = page.getByRole('region', { name: 'Recent calls of Shop orders' });
    await calls.getByText('Started a run').waitFor({ timeout: 15_000 });
    await calls.getByText(/^Refused: what was sent could not be made into the run’s input/).waitFor();
    expect(await calls.getByRole('link', { name: 'See the run' }).getAttribute('href')).toBe(
      `/w/${workspace.slug}/runs/${runId}`,
    );

    // Closed, the address is gone from the page and is never shown again, here or on reload.
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await expect.poll(() => page.content()).not.toContain(token);
    await page.reload();
    await calls.getByText('Started a run').waitFor();
    expect(await page.content()).not.toContain(token);

    // The settings refuse a mapping that does not parse, in words, and keep what was typed.
    await hooks.getByRole('button', { name: 'Settings of Shop orders' }).click();
    const settings = page.getByRole('form', { name: 'Settings of Shop orders' });
    await settings.getByLabel(/^Mapping/).fill('{"order": body.id');
    await settings.getByRole('button', { name: 'Save the hook' }).click();
    await settings
      .getByRole('alert')
      .getByText(/is not valid JSONata/)
      .waitFor();
    expect(await settings.getByLabel(/^Mapping/).inputValue()).toBe('{"order": body.id');
    await settings.getByLabel(/^Mapping/).fill('{"order": body.order}');
    await settings.getByLabel('Calls a minute at most').fill('12');
    await settings.getByRole('button', { name: 'Save the hook' }).click();
    await hooks.getByText(/at most 12 calls a minute/).waitFor();
    expect((await api('GET', `/agents/${agent.id}/hooks`)).body.items[0]).toMatchObject({
      mapping: '{"order": body.order}',
      ratePerMinute: 12,
    });

    // A new address is shown once too, and the old one stops working.
    await hooks.getByRole('button', { name: 'New address for Shop orders' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Make a new address' }).click();
    await shown.getByText('it will not be shown again').waitFor();
    const renewed = (await shown.locator('code').first().textContent()) ?? '';
    expect(renewed).not.toBe(address);
    const old = await fetch(`${web.url}${new URL(address).pathname}`, { method: 'POST', body: '{}' });
    expect(old.status).toBe(404);

    // The Automations page lists the hook with its agent and its last call.
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Automations' })
      .click();
    const listed = page.getByRole('region', { name: 'Hooks' });
    await listed.getByText('Shop orders').waitFor();
    expect(await listed.getByRole('link', { name: 'Order Taker' }).getAttribute('href')).toBe(
      agentPath(agent.id),
    );
    await listed.getByText(/Last call .*Refused/).waitFor();
  });

  it('shows a viewer every automation but no button to change one', async () => {
    const agent = await createAgent('Viewed Agent');
    await api('PUT', `/agents/${agent.id}/schedule`, { text: 'every day at 7', timezone: 'UTC' });
    await api('POST', `/agents/${agent.id}/hooks`, { name: 'viewed hook' });
    const { page } = await web.newPage();
    await signIn(page, viewer, agentPath(agent.id));
    await page.getByText('At 07:00 AM (UTC)').waitFor();
    await page.getByText('viewed hook').waitFor();
    for (const name of [
      'Change the schedule',
      'Schedule it',
      'Make a hook',
      'Start another agent after this one',
      'Settings of viewed hook',
    ]) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    expect(await page.getByRole('form', { name: 'Run once' }).count()).toBe(0);
  });

  it('fits a phone: the agent panel with its automations and the Automations page', async () => {
    const from = await createAgent('Phone Scheduled');
    const to = await createAgent('Phone Chained');
    await api('PUT', `/agents/${from.id}/schedule`, { text: 'every weekday at 9', timezone: 'Europe/Paris' });
    await api('POST', '/chains', {
      fromAgentId: from.id,
      toAgentId: to.id,
      mapping: '{"a very long field name": output.some.deeply.nested.value}',
    });
    const { page } = await web.newPage(phone);
    await signIn(page, owner, agentPath(from.id));
    await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Workspace' }).click();
    await page.getByText('At 09:00 AM, Monday through Friday (Europe/Paris)').first().waitFor();
    await page.getByRole('button', { name: 'Change the schedule' }).click();
    await page.getByLabel('When it runs').fill('every weekday at 9');
    await page.getByTestId('next-times').waitFor();
    await page.getByRole('region', { name: 'Hooks' }).getByRole('button', { name: 'Make a hook' }).click();
    await page.getByRole('button', { name: 'Make the hook' }).click();
    await page.getByTestId('shown-once').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'phone-agent-automations');

    await page.goto(`${web.url}/w/${workspace.slug}/automations`);
    await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Workspace' }).click();
    await page.getByRole('heading', { name: 'Automations', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Chains' }).getByText('Phone Chained').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'phone-automations');
  });
});
