// Pages driven by instruction, and selectors that heal, in real Chromium against a local bank site
// whose markup changes between runs (test/support/changing-site.ts). Only the LLM is scripted (an
// OpenAI-protocol server on 127.0.0.1): browser.act sees the page as its accessibility snapshot (a
// filled password masked) and clicks and chooses by role and name; browser.extract finds selectors
// from a description; an agent pinned to the old design heals on the new one, says so in its
// run's events, and the Orchestrator proposes the new selectors as a plan that, approved, pins the
// agent to them. Without an LLM the same run fails at the selector.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChangingSite, siteAccount, startChangingSite } from '../support/changing-site.ts';
import {
  messageText,
  type RecordedRequest,
  type ScriptedLlmServer,
  startScriptedLlmServer,
} from '../support/scripted-llm-server.ts';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let ws: string;
let site: ChangingSite;
let llm: ScriptedLlmServer;

function platformConfig(withLlm: boolean) {
  return {
    allowNetwork: '127.0.0.1',
    ...(process.env.ORCA_CHROMIUM_PATH ? { chromiumPath: process.env.ORCA_CHROMIUM_PATH } : {}),
    ...(withLlm ? { llm: `openai-compatible:${llm.baseUrl}#scripted` } : {}),
  };
}

beforeAll(async () => {
  site = await startChangingSite();
  llm = await startScriptedLlmServer();
  orca = await startTestPlatform({ configOverrides: platformConfig(true) });
  owner = await orca.signUp('Bank Owner');
  ws = (await orca.createWorkspace(owner, 'Household')).id;
  const connected = await orca.request('POST', `/api/workspaces/${ws}/connections`, {
    token: owner.token,
    body: {
      service: 'acme-bank',
      kind: 'login',
      settings: { username: siteAccount.username, allowedHosts: [new URL(site.base).host] },
      secret: { password: siteAccount.password },
    },
  });
  if (connected.status !== 201) throw new Error(connected.text);
}, 60_000);
afterAll(async () => {
  await orca?.close();
  await llm?.close();
  await site?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: runs are read loosely and asserted on.
type Run = any;

async function createAgent(platform: TestPlatform, user: TestUser, workspaceId: string, spec: unknown) {
  const agent = await platform.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: user.token,
    body: { spec },
  });
  if (agent.status !== 201) throw new Error(agent.text);
  return agent.body.id as string;
}

async function runAgent(
  platform: TestPlatform,
  user: TestUser,
  workspaceId: string,
  agentId: string,
): Promise<Run> {
  const started = await platform.request('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/runs`, {
    token: user.token,
    body: {},
  });
  if (started.status !== 201 && started.status !== 202) throw new Error(started.text);
  let run: Run = { status: 'queued' };
  await expect
    .poll(
      async () => {
        run = (
          await platform.request('GET', `/api/workspaces/${workspaceId}/runs/${started.body.id}`, {
            token: user.token,
          })
        ).body;
        return ['succeeded', 'failed', 'cancelled'].includes(run.status);
      },
      { timeout: 80_000, interval: 150 },
    )
    .toBe(true);
  return run;
}

const outputOf = (run: Run, stepId: string) =>
  run.steps.find((step: { id: string }) => step.id === stepId)?.output;

/** What the tool asked: the user message of a recorded request. */
const asked = (request: RecordedRequest) =>
  request.body.messages
    .filter((message) => message.role === 'user')
    .map(messageText)
    .join('\n');

interface LogLine {
  stepId: string;
  level: string;
  message: string;
  fields?: Record<string, unknown>;
}

async function warnings(platform: TestPlatform, runId: string) {
  const rows = await selectRows<{ data: LogLine }>(
    platform.platform,
    sql`select data from run_events where run_id = ${runId} and kind = 'log' order by id`,
  );
  return rows.map((row) => row.data).filter((data) => data.level === 'warn');
}

describe('browser.act', () => {
  it('signs in, opens the Statements tab and shows the 2026 period by instruction, sending the LLM only the page', async () => {
    llm.reset();
    site.redesign(false);
    llm.reply(
      { json: { done: false, actions: [{ action: 'click', role: 'link', name: 'Statements' }] } },
      {
        json: {
          done: true,
          actions: [
            { action: 'select', role: 'combobox', name: 'Period', value: '2026' },
            { action: 'click', role: 'button', name: 'Show' },
          ],
        },
      },
    );
    const agentId = await createAgent(orca, owner, ws, {
      name: 'Statements By Instruction',
      steps: [
        {
          id: 'signIn',
          tool: 'browser.login',
          with: { connection: 'acme-bank', url: `${site.base}/login`, successSelector: '[role=status]' },
        },
        {
          id: 'open',
          tool: 'browser.act',
          with: { instruction: 'Open the Statements tab, choose the 2026 period and press Show' },
        },
        {
          id: 'rows',
          tool: 'browser.extract',
          with: { records: { selector: 'tr.statement-row', fields: { date: '.date', amount: '.amount' } } },
        },
      ],
    });
    const run = await runAgent(orca, owner, ws, agentId);
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');

    // What the page did: the tab was opened and the form sent with 2026.
    expect(site.requests).toContain('/account/statements');
    expect(site.requests).toContain('/account/statements?period=2026');
    const open = outputOf(run, 'open');
    expect(open.url).toBe(`${site.base}/account/statements?period=2026`);
    expect(open.title).toBe('Statements');
    expect(open.actions).toEqual([
      expect.objectContaining({
        action: 'click',
        role: 'link',
        name: 'Statements',
        text: 'clicked link "Statements"',
      }),
      expect.objectContaining({ action: 'select', role: 'combobox', name: 'Period', value: '2026' }),
      expect.objectContaining({ action: 'click', role: 'button', name: 'Show' }),
    ]);
    expect(outputOf(run, 'rows').records).toEqual([
      { date: '2026-01-31', amount: '120.00' },
      { date: '2026-02-28', amount: '132.75' },
    ]);

    // What the LLM was sent: the instruction and each page's snapshot, the password masked.
    expect(llm.requests).toHaveLength(2);
    const [first, second] = llm.requests.map(asked);
    expect(first).toContain('Instruction: Open the Statements tab, choose the 2026 period and press Show');
    expect(first).toContain('link "Statements"');
    expect(first).toContain('Signed in as buyer@example.com');
    expect(first).toMatch(/textbox "Password": ••••/);
    expect(second).toContain('combobox "Period"');
    expect(second).toContain('1. clicked link "Statements"');
    for (const request of llm.requests) {
      expect(JSON.stringify(request.body)).not.toContain(siteAccount.password);
      expect(request.body.response_format?.type).toBe('json_schema');
    }
    // Its tokens count against the step, as llm.generate's do.
    const step = run.steps.find((candidate: { id: string }) => candidate.id === 'open');
    expect(step.usage.inputTokens).toBeGreaterThan(0);
  }, 90_000);

  it('waits for what a click fetches before looking at the page again', async () => {
    llm.reset();
    site.redesign(false);
    llm.reply(
      { json: { done: false, actions: [{ action: 'click', role: 'button', name: 'Recent activity' }] } },
      { json: { done: true, actions: [{ action: 'click', role: 'button', name: 'Show more' }] } },
    );
    const agentId = await createAgent(orca, owner, ws, {
      name: 'Activity Reader',
      steps: [
        {
          id: 'more',
          tool: 'browser.act',
          with: { url: `${site.base}/account`, instruction: 'show all recent activity' },
        },
        { id: 'shown', tool: 'browser.waitFor', with: { text: 'All activity shown', timeoutMs: 2000 } },
      ],
    });
    const run = await runAgent(orca, owner, ws, agentId);
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    const second = asked(llm.requests[1] as RecordedRequest);
    expect(second).toContain('Card payment 12.40');
    expect(second).toContain('button "Show more"');
  }, 60_000);

  it('fails loudly when the instruction is not done within maxActions', async () => {
    llm.reset();
    llm.respondWith(() => ({
      json: { done: false, actions: [{ action: 'click', role: 'link', name: 'Overview' }] },
    }));
    const agentId = await createAgent(orca, owner, ws, {
      name: 'Endless Clicking',
      steps: [
        {
          id: 'wander',
          tool: 'browser.act',
          with: { url: `${site.base}/account`, instruction: 'find the tax certificate', maxActions: 2 },
        },
      ],
    });
    const run = await runAgent(orca, owner, ws, agentId);
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ stepId: 'wander' });
    expect(run.error.message).toContain('maxActions (2)');
    expect(run.error.message).toContain('clicked link "Overview"');
    expect(llm.requests).toHaveLength(3);
  }, 90_000);
});

describe('browser.extract by description', () => {
  it('finds the selectors from words, checks them on the page, and returns them to pin the step', async () => {
    llm.reset();
    site.redesign(false);
    llm.reply(
      // A first answer that matches nothing is sent back with the reason.
      { json: { selector: 'li.statement', fields: [{ name: 'date', selector: '.date' }] } },
      {
        json: {
          selector: 'tr.statement-row',
          fields: [
            { name: 'date', selector: '.date' },
            { name: 'amount', selector: '.amount' },
            { name: 'pdf', selector: 'a.pdf-link', attribute: 'href' },
          ],
        },
      },
    );
    const agentId = await createAgent(orca, owner, ws, {
      name: 'Described Rows',
      steps: [
        {
          id: 'rows',
          tool: 'browser.extract',
          with: {
            url: `${site.base}/account/statements?period=2025`,
            describe: 'each statement row: its date, amount and the PDF link',
          },
        },
      ],
    });
    const run = await runAgent(orca, owner, ws, agentId);
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    const rows = outputOf(run, 'rows');
    expect(rows.records).toEqual([
      { date: '2025-11-30', amount: '88.10', pdf: `${site.base}/files/2025-11.pdf` },
      { date: '2025-12-31', amount: '91.45', pdf: `${site.base}/files/2025-12.pdf` },
    ]);
    expect(rows.selectors).toEqual({
      selector: 'tr.statement-row',
      fields: { date: '.date', amount: '.amount', pdf: { selector: 'a.pdf-link', attribute: 'href' } },
    });
    const [first, second] = llm.requests.map(asked);
    expect(first).toContain('Records wanted: each statement row: its date, amount and the PDF link');
    expect(first).toContain('<tr class="statement-row">');
    expect(first).not.toMatch(/<style|<script/);
    expect(second).toContain('"li.statement" matches nothing');
  }, 90_000);
});

describe('healing selectors', () => {
  const pinnedSpec = (base: string) => ({
    name: 'Statement Collector',
    steps: [
      { id: 'start', tool: 'browser.goto', with: { url: `${base}/account` } },
      { id: 'tab', tool: 'browser.click', with: { selector: '.tab-statements', timeoutMs: 1500 } },
      {
        id: 'period',
        tool: 'browser.select',
        with: { selector: '.period-select', label: '2026', timeoutMs: 1500 },
      },
      { id: 'show', tool: 'browser.click', with: { selector: '.show-btn', timeoutMs: 1500 } },
      {
        id: 'rows',
        tool: 'browser.extract',
        with: {
          required: true,
          records: {
            selector: 'tr.statement-row',
            fields: { date: '.date', amount: '.amount', pdf: { selector: 'a.pdf-link', attribute: 'href' } },
          },
        },
      },
      // A step in a loop heals once for all its items.
      {
        id: 'each',
        tool: 'browser.waitFor',
        forEach: { items: 'steps.rows.records', concurrency: 1 },
        with: { selector: '.statement-row .pdf-link', timeoutMs: 1500 },
      },
      {
        id: 'file',
        tool: 'browser.download',
        with: { selector: 'tr.statement-row:first-child a.pdf-link', timeoutMs: 1500 },
      },
    ],
  });

  /** Answers heal requests by the selector they ask about, as a model reading the new page would. */
  function healer(request: RecordedRequest) {
    const prompt = asked(request);
    // The first answer for the download matches every statement's link and is refused.
    if (prompt.includes('"tr.statement-row:first-child a.pdf-link"'))
      return prompt.includes('does not fit')
        ? { json: { selector: 'article.stmt:first-child a.stmt__pdf' } }
        : { json: { selector: 'a.stmt__pdf' } };
    if (prompt.includes('tr.statement-row'))
      return {
        json: {
          selector: 'article.stmt',
          fields: [
            { name: 'date', selector: '.stmt__date' },
            { name: 'amount', selector: '.stmt__amount' },
            { name: 'pdf', selector: 'a.stmt__pdf', attribute: 'href' },
          ],
        },
      };
    if (prompt.includes('".tab-statements"')) return { json: { selector: 'a.nav__item--docs' } };
    if (prompt.includes('".statement-row .pdf-link"')) return { json: { selector: '.stmt a.stmt__pdf' } };
    if (prompt.includes('".period-select"')) return { json: { selector: '#statement-period' } };
    // The first answer for the button matches two elements and is refused; the second fits.
    if (prompt.includes('".show-btn"'))
      return prompt.includes('does not fit')
        ? { json: { selector: 'button.btn--primary' } }
        : { json: { selector: '.toolbar .field__control, .toolbar button' } };
    return { status: 500 };
  }

  let agentId: string;

  it('runs on the old design without the LLM, then heals on the redesign and says so', async () => {
    llm.reset();
    site.redesign(false);
    agentId = await createAgent(orca, owner, ws, pinnedSpec(site.base));
    const before = await runAgent(orca, owner, ws, agentId);
    expect(before.status, JSON.stringify(before.error)).toBe('succeeded');
    expect(llm.requests).toHaveLength(0);

    site.redesign(true);
    llm.respondWith(healer);
    const healed = await runAgent(orca, owner, ws, agentId);
    expect(healed.status, JSON.stringify(healed.error)).toBe('succeeded');
    expect(outputOf(healed, 'rows').records).toEqual([
      { date: '2026-01-31', amount: '120.00', pdf: `${site.base}/files/2026-01.pdf` },
      { date: '2026-02-28', amount: '132.75', pdf: `${site.base}/files/2026-02.pdf` },
    ]);
    expect(outputOf(healed, 'rows').selectors).toMatchObject({ selector: 'article.stmt' });
    expect(site.requests.slice(-2)).toEqual(['/account/statements?period=2026', '/files/2026-01.pdf']);

    const warned = await warnings(orca, healed.id);
    const lines = Object.fromEntries(
      warned.filter((line) => line.fields?.healedSelector).map((line) => [line.stepId, line.message]),
    );
    expect(lines.tab).toMatch(
      /"\.tab-statements" matches nothing on .* any more; "a\.nav__item--docs" was used for this run/,
    );
    expect(lines.period).toContain('"#statement-period" was used');
    expect(lines.show).toContain('"button.btn--primary" was used');
    expect(lines.rows).toContain('records selector');
    expect(lines.each).toContain('".stmt a.stmt__pdf" was used');
    expect(lines.file).toContain('"article.stmt:first-child a.stmt__pdf" was used');
    expect(outputOf(healed, 'file')).toMatchObject({ name: '2026-01.pdf', contentType: 'application/pdf' });
    expect(warned.filter((line) => line.stepId === 'each')).toHaveLength(1);
    expect(
      llm.requests.filter((request) => asked(request).includes('.statement-row .pdf-link')),
    ).toHaveLength(1);
    // The heal prompt carried the step, the old selector and the trimmed page.
    const tabRequest = llm.requests.find((request) => asked(request).includes('".tab-statements"'));
    expect(asked(tabRequest as RecordedRequest)).toContain('nav__item--docs');
    expect(asked(tabRequest as RecordedRequest)).toContain('Step "tab" (browser.click)');
  }, 120_000);

  it('proposes the new selectors once, as a plan that pins the agent to them when approved', async () => {
    // A second healed run makes no second suggestion.
    const again = await runAgent(orca, owner, ws, agentId);
    expect(again.status, JSON.stringify(again.error)).toBe('succeeded');
    const listed = await orca.request('GET', `/api/workspaces/${ws}/suggestions`, { token: owner.token });
    const changed = listed.body.items.filter(
      (item: { kind: string; agentId: string }) =>
        item.kind === 'selector_changed' && item.agentId === agentId,
    );
    expect(changed).toHaveLength(1);
    const [suggestion] = changed;
    expect(suggestion.reason).toContain('step "tab": ".tab-statements" → "a.nav__item--docs"');
    expect(suggestion.reason).toContain('2 runs');

    const accepted = await orca.request('POST', `/api/workspaces/${ws}/suggestions/${suggestion.id}/accept`, {
      token: owner.token,
    });
    expect(accepted.status, accepted.text).toBe(200);
    const approved = await orca.request(
      'POST',
      `/api/workspaces/${ws}/plans/${accepted.body.plan.id}/approve`,
      { token: owner.token, body: {} },
    );
    expect(approved.status, approved.text).toBe(200);
    const agent = (
      await orca.request('GET', `/api/workspaces/${ws}/agents/${agentId}`, { token: owner.token })
    ).body;
    const withOf = (id: string) => agent.spec.steps.find((step: { id: string }) => step.id === id).with;
    expect(withOf('tab')).toEqual({ selector: 'a.nav__item--docs', timeoutMs: 1500 });
    expect(withOf('period')).toEqual({ selector: '#statement-period', label: '2026', timeoutMs: 1500 });
    expect(withOf('show').selector).toBe('button.btn--primary');
    expect(withOf('each').selector).toBe('.stmt a.stmt__pdf');
    expect(withOf('file').selector).toBe('article.stmt:first-child a.stmt__pdf');
    expect(withOf('rows').records).toEqual({
      selector: 'article.stmt',
      fields: {
        date: '.stmt__date',
        amount: '.stmt__amount',
        pdf: { selector: 'a.stmt__pdf', attribute: 'href' },
      },
    });

    // Pinned to the new design: the next run needs no healing, and the advice is gone.
    llm.reset();
    const pinned = await runAgent(orca, owner, ws, agentId);
    expect(pinned.status, JSON.stringify(pinned.error)).toBe('succeeded');
    expect(llm.requests).toHaveLength(0);
    expect(await warnings(orca, pinned.id)).toEqual([]);
    const after = await orca.request('GET', `/api/workspaces/${ws}/suggestions`, { token: owner.token });
    expect(after.body.items.filter((item: { kind: string }) => item.kind === 'selector_changed')).toEqual([]);
  }, 150_000);

  it('does not heal a step that says heal: false', async () => {
    llm.reset();
    llm.respondWith(healer);
    site.redesign(true);
    const spec = pinnedSpec(site.base);
    const tab = spec.steps.find((step) => step.id === 'tab') as { with: Record<string, unknown> };
    tab.with.heal = false;
    const strict = await createAgent(orca, owner, ws, { ...spec, name: 'Strict Collector' });
    const run = await runAgent(orca, owner, ws, strict);
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ stepId: 'tab', code: 'selector_not_found' });
    expect(run.error.message).toContain('".tab-statements"');
    expect(llm.requests).toHaveLength(0);
  }, 60_000);

  it('without an LLM, fails at the selector that no longer matches, and browser.act says what it needs', async () => {
    const plain = await startTestPlatform({ configOverrides: platformConfig(false) });
    try {
      const user = await plain.signUp('No Model');
      const workspaceId = (await plain.createWorkspace(user, 'Plain')).id;
      site.redesign(true);
      const pinned = await createAgent(plain, user, workspaceId, pinnedSpec(site.base));
      const run = await runAgent(plain, user, workspaceId, pinned);
      expect(run.status).toBe('failed');
      expect(run.error).toMatchObject({ stepId: 'tab', code: 'selector_not_found' });
      expect(run.error.message).toContain('".tab-statements"');

      const act = await createAgent(plain, user, workspaceId, {
        name: 'Wordy',
        steps: [
          {
            id: 'open',
            tool: 'browser.act',
            with: { url: `${site.base}/account`, instruction: 'open Statements' },
          },
        ],
      });
      const refused = await runAgent(plain, user, workspaceId, act);
      expect(refused.status).toBe('failed');
      expect(refused.error).toMatchObject({ stepId: 'open', code: 'not_configured' });
      expect(refused.error.message).toContain('ORCA_LLM');
      expect(refused.error.message).toContain('browser.click');
    } finally {
      await plain.close();
    }
  }, 120_000);
});
