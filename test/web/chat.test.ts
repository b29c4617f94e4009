// The Orchestrator chat, driven in real Chromium against a real Orca (built-in planner, then a
// scripted LLM for streaming): ask for an agent about a local page, answer its question inline,
// approve, watch the test run, schedule it with an edited time, undo; reject; resume after a
// reload; a viewer sees plans without the buttons that change things.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPages, serveLocalPages } from '../support/local-pages.ts';
import { type ScriptedLlmServer, startScriptedLlmServer } from '../support/scripted-llm-server.ts';
import {
  accessibilityViolations,
  createWorkspaceInBrowser,
  horizontalOverflow,
  phone,
  saveScreenshot,
  signUpInBrowser,
  startWebApp,
  type WebApp,
} from '../support/web-app.ts';

const teamPage = `<html><body><h1>Our team</h1><table>
  <tr class="person"><td class="name">Ada Lovelace</td><td class="role">Analytical engineer</td></tr>
  <tr class="person"><td class="name">Grace Hopper</td><td class="role">Compiler engineer</td></tr>
  <tr class="person"><td class="name">Joan Clarke</td><td class="role">Cryptanalyst</td></tr>
</table></body></html>`;

let web: WebApp;
let pages: LocalPages;
let base: string;

beforeAll(async () => {
  pages = await serveLocalPages({ '/team': teamPage });
  base = pages.base;
  web = await startWebApp();
});
afterAll(async () => {
  await web?.close();
  await pages?.close();
});

/** Signs a new person up and gives them their first workspace; returns its slug. */
async function newcomer(page: Page, url: string, name: string, workspace: string) {
  await page.goto(url);
  await signUpInBrowser(page, name);
  await page.getByText('Create your first workspace').waitFor();
  await createWorkspaceInBrowser(page, workspace);
  return workspaceSlug(page);
}

function messageBox(page: Page) {
  return page.getByLabel('Message to the Orchestrator');
}

async function say(page: Page, text: string) {
  await messageBox(page).fill(text);
  await messageBox(page).press('Enter');
}

/** The newest plan card in the conversation. */
function lastPlan(page: Page) {
  return page.locator('.messages .plan-card').last();
}

/** Reads the API with the browser's own session. */
async function api(page: Page, path: string) {
  const response = await page.request.get(`${web.url}${path}`);
  return { status: response.status(), body: await response.json().catch(() => undefined) };
}

function workspaceSlug(page: Page) {
  return new URL(page.url()).pathname.split('/')[2] ?? '';
}

describe('the Orchestrator chat', () => {
  it('builds an agent from a question answered inline, tests it, schedules it with an edited time, and undoes', async () => {
    const { page, policyViolations } = await web.newPage();
    const ws = await newcomer(page, web.url, 'Chat Newcomer', 'Chat Studio');

    // A new user is told what to type, with examples that fill the message box.
    await page.getByText('Tell the Orchestrator what you want done').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'What agents do I have?' }).click();
    expect(await messageBox(page).inputValue()).toBe('What agents do I have?');

    await say(page, `scrape the team members from ${base}/team`);
    const question = page.getByText('What marks each of the people on the page?').first();
    await question.waitFor();
    // The conversation is in the address from its first answer on.
    await expect.poll(() => new URL(page.url()).searchParams.get('c')).toBeTruthy();
    await lastPlan(page).getByRole('button', { name: 'table rows' }).click();

    // The first plan waited for the answer; the second creates the agent.
    const plan = page.locator('.messages .plan-card').nth(1);
    await plan.getByRole('button', { name: 'Approve' }).waitFor();
    expect(await plan.textContent()).toContain(`Fetch ${base}/team`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await plan.getByRole('button', { name: 'Approve' }).click();

    // The test run shows live, and ends succeeded, with its link.
    const testRun = plan.getByTestId('test-run');
    await expect
      .poll(() => testRun.locator('[data-status]').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('succeeded');
    const runLink = testRun.getByRole('link', { name: 'Open the run' });
    expect(await runLink.getAttribute('href')).toMatch(new RegExp(`^/w/${ws}/runs/[\\w-]+$`));
    const agentLink = plan.locator('a.agent-link').first();
    const agentHref = (await agentLink.getAttribute('href')) ?? '';
    expect(agentHref).toMatch(new RegExp(`^/w/${ws}/agents/[\\w-]+$`));
    const agentId = agentHref.split('/').at(-1) ?? '';
    // The Orchestrator's report of the test run arrives in the conversation without a reload.
    await page.getByText(/The test run of ".*" succeeded/).waitFor();
    await saveScreenshot(page, 'chat');

    // Schedule it, editing the time before approving.
    await say(page, 'run it every weekday at 8am');
    const schedulePlan = page.locator('.messages .plan-card').nth(2);
    await schedulePlan.getByText('Next times').waitFor();
    await schedulePlan.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the plan' });
    await dialog.getByLabel('When, in words').fill('every weekday at 9:30am');
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Approve with these changes' }).click();
    await expect.poll(() => schedulePlan.getAttribute('data-plan-status')).toBe('applied');
    const schedule = await api(page, `/api/workspaces/${ws}/agents/${agentId}/schedule`);
    expect(schedule.body.cron).toBe('30 9 * * 1-5');
    await schedulePlan.getByText('Now scheduled:').waitFor();

    // Undo the schedule, then the agent.
    await schedulePlan.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => schedulePlan.getAttribute('data-plan-status')).toBe('undone');
    expect((await api(page, `/api/workspaces/${ws}/agents/${agentId}/schedule`)).status).toBe(404);
    await plan.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => plan.getAttribute('data-plan-status')).toBe('undone');
    expect((await api(page, `/api/workspaces/${ws}/agents/${agentId}`)).status).toBe(404);

    // A reload resumes the conversation; the history lists it.
    const address = page.url();
    await page.reload();
    await page.getByText('What marks each of the people on the page?').first().waitFor();
    expect(page.url()).toBe(address);
    expect(await page.locator('.messages .plan-card').count()).toBe(3);
    await page.getByText(/^Conversations/).click();
    expect(await page.locator('.history-item[aria-current="true"]').count()).toBe(1);
    expect(policyViolations).toEqual([]);
  });

  it('rejects a plan, and starts a new conversation', async () => {
    const { page } = await web.newPage();
    await newcomer(page, web.url, 'Chat Rejecter', 'Reject Studio');
    await say(page, 'monitor https://example.com/pricing for changes');
    const plan = lastPlan(page);
    await plan.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => plan.getAttribute('data-plan-status')).toBe('rejected');
    expect(await plan.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    const agents = await api(page, `/api/workspaces/${workspaceSlug(page)}/agents`);
    expect(agents.body.items).toEqual([]);

    await page.getByRole('button', { name: 'New conversation' }).click();
    await page.getByText('Tell the Orchestrator what you want done').waitFor();
    expect(new URL(page.url()).searchParams.get('c')).toBeNull();
  });

  it('is usable at phone width, and a viewer sees plans without the buttons that change things', async () => {
    const owner = await web.orca.signUp('Phone Owner');
    const workspace = await web.orca.createWorkspace(owner, 'Phone Studio');
    const viewer = await web.orca.signUp('Phone Viewer');
    await web.orca.addMember(owner, workspace.id, viewer, 'viewer');

    const { page } = await web.newPage(phone);
    await page.goto(web.url);
    await page.getByLabel('E-mail').fill(viewer.email);
    await page.getByLabel('Password').fill(viewer.password);
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await page.getByRole('button', { name: 'Chat', exact: true }).click();
    await say(
      page,
      'monitor https://example.com/a/very/long/address/that/must/wrap/inside/the/chat/at/phone/width/without/scrolling for changes',
    );
    const plan = lastPlan(page);
    await plan.getByText('Waiting for approval').waitFor();
    expect(await plan.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await plan.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'chat-phone');
  });
});

describe('the Orchestrator chat with an LLM', () => {
  let llm: ScriptedLlmServer;
  let withLlm: WebApp;

  beforeAll(async () => {
    llm = await startScriptedLlmServer();
    withLlm = await startWebApp({ configOverrides: { llm: `openai-compatible:${llm.baseUrl}#scripted` } });
  });
  afterAll(async () => {
    await withLlm?.close();
    await llm?.close();
  });

  it('streams the reply, and Stop abandons a message in flight', async () => {
    const { page } = await withLlm.newPage();
    await newcomer(page, withLlm.url, 'Stream Watcher', 'Stream Studio');

    llm.reply({ stall: true });
    await say(page, 'make me something');
    await page.getByText('Thinking…').waitFor();
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText('Stopped.').waitFor();
    await page.getByRole('button', { name: 'Send' }).waitFor();

    llm.reply({
      json: {
        reply:
          'I can build agents that watch pages, collect lists and run on a schedule. Tell me which page.',
        summary: 'Nothing to change',
        questions: [],
        operations: [],
      },
    });
    await say(page, 'what can you do?');
    await page
      .getByText('I can build agents that watch pages, collect lists and run on a schedule.')
      .waitFor();
    expect(llm.requests.at(-1)?.body.stream).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
