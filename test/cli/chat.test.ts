// `orca chat` against a running Orca: a real process that shows the plan, asks, and applies it
// only on yes.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/platform.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

const orcaBin = join(import.meta.dirname, '../../bin/orca.mjs');
let orca: TestPlatform;
let api: RunningServer;
let user: TestUser;
let workspace: { id: string; slug: string };

beforeAll(async () => {
  orca = await startTestPlatform({ configOverrides: { port: '0' } });
  api = await listen(orca.platform);
  user = await orca.signUp('Chatter');
  workspace = await orca.createWorkspace(user, 'Chatty');
  for (const name of ['Lead Scraper', 'Price Monitor']) {
    await orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
      token: user.token,
      body: {
        spec: {
          name,
          steps: [{ id: 'fetch', tool: 'http.request', with: { url: 'https://example.com/a' } }],
        },
      },
    });
  }
});
afterAll(async () => {
  await api.close();
  await orca.close();
});

function orcaChat(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [orcaBin, 'chat', ...args, '--workspace', workspace.slug, '--url', api.url],
      {
        env: { ...process.env, ORCA_TOKEN: user.token, ORCA_URL: '', ORCA_WORKSPACE: '' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    // Standard input is a pipe, not a terminal: orca chat cannot ask, so it needs --yes or --no.
    child.stdin.end('y\n');
  });
}

async function agent(name: string) {
  const list = await orca.request('GET', `/api/workspaces/${workspace.id}/agents`, { token: user.token });
  return list.body.items.find((item: { name: string }) => item.name === name);
}

describe('orca chat', () => {
  it('shows a change as a diff, applies it on --yes, and leaves everything as it was on --no', async () => {
    const refused = await orcaChat(['use https://example.com/b instead for the lead scraper', '--no']);
    expect(refused.code, refused.stderr).toBe(0);
    expect(refused.stdout).toContain('~ change agent "Lead Scraper" (version 1 → 2):');
    expect(refused.stdout).toMatch(/- +"url": "https:\/\/example\.com\/a"/);
    expect(refused.stdout).toMatch(/\+ +"url": "https:\/\/example\.com\/b"/);
    expect(refused.stdout).toContain('Rejected; nothing changed.');
    expect((await agent('Lead Scraper')).version).toBe(1);

    const accepted = await orcaChat(['use https://example.com/b instead for the lead scraper', '--yes']);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain('Applied');
    expect((await agent('Lead Scraper')).spec.steps[0].with.url).toBe('https://example.com/b');
  });

  it('applies with --yes, answers questions without a plan, and says what is wrong', async () => {
    const paused = await orcaChat(['pause the price monitor', '--yes']);
    expect(paused.stdout).toContain('‖ pause agent "Price Monitor"');
    expect((await agent('Price Monitor')).status).toBe('paused');

    const listed = await orcaChat(['what agents do I have?', '--no', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({ plan: null, outcome: 'none' });
    expect(JSON.parse(listed.stdout).reply).toContain('Price Monitor (version 1, paused');

    const empty = await orcaChat([]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/Say what you want/);
  });

  it('without a terminal and without --yes or --no, refuses before any plan is made', async () => {
    const before = await orca.request('GET', `/api/workspaces/${workspace.id}/agents`, { token: user.token });
    const refused = await orcaChat(['pause the lead scraper']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/no terminal to ask at.*pass --yes .* or --no/);
    expect(refused.stdout).toBe('');
    const after = await orca.request('GET', `/api/workspaces/${workspace.id}/agents`, { token: user.token });
    expect(after.body.items.map((item: { status: string }) => item.status)).toEqual(
      before.body.items.map((item: { status: string }) => item.status),
    );
  });
});
