// `orca runs watch` against a running Orca: a real process reading the live event stream.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/platform.ts';
import { runOrca } from '../support/orca-command.ts';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.ts';

let orca: TestPlatform;
let api: RunningServer;
let target: Server;
let targetUrl: string;

beforeAll(async () => {
  target = createServer((request, response) =>
    setTimeout(() => response.writeHead(request.url === '/broken' ? 500 : 200).end('done'), 300),
  );
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  orca = await startTestPlatform({ configOverrides: { port: '0', allowNetwork: '127.0.0.1' } });
  api = await listen(orca.platform);
});
afterAll(async () => {
  await api.close();
  await orca.close();
  await new Promise<void>((resolve) => target.close(() => resolve()));
});

const watch = (args: string[]) => runOrca(['runs', 'watch', ...args]);

describe('orca runs watch', () => {
  it('prints each step live and exits 0 when the run succeeds, 1 when it fails', async () => {
    const user = await orca.signUp();
    const workspace = await orca.createWorkspace(user, 'Watched');
    const agent = await orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
      token: user.token,
      body: {
        spec: {
          name: 'Two Steps',
          input: { type: 'object', properties: { path: { type: 'string' } } },
          steps: [
            { id: 'first', tool: 'http.request', with: { url: `${targetUrl}/ok` } },
            { id: 'second', tool: 'http.request', with: { url: `${targetUrl}{{ input.path }}` } },
          ],
        },
      },
    });
    const start = (path: string) =>
      orca.request('POST', `/api/workspaces/${workspace.id}/agents/${agent.body.id}/runs`, {
        token: user.token,
        body: { input: { path } },
      });

    const good = await start('/ok');
    const watched = await watch([
      good.body.id,
      '--workspace',
      workspace.slug,
      '--token',
      user.token,
      '--url',
      api.url,
    ]);
    expect(watched.code).toBe(0);
    expect(watched.stdout).toMatch(/first succeeded in \d+ ms/);
    expect(watched.stdout).toMatch(/second succeeded in \d+ ms/);
    expect(watched.stdout.trim().split('\n').at(-1)).toBe('run succeeded');

    const bad = await start('/broken');
    const failed = await watch([bad.body.id, '-w', workspace.slug, '--token', user.token, '--url', api.url]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/second failed.*answered 500/);
    expect(failed.stdout.trim().split('\n').at(-1)).toBe('run failed');

    const stranger = await orca.signUp();
    const refused = await watch([
      good.body.id,
      '-w',
      workspace.slug,
      '--token',
      stranger.token,
      '--url',
      api.url,
    ]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/Orca answered 404/);
  });
});
