// `orca runs pipeline` against a running Orca: a real process showing a chain's runs as a tree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/platform.ts';
import { runOrca } from '../support/orca-command.ts';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.ts';

let orca: TestPlatform;
let api: RunningServer;

beforeAll(async () => {
  orca = await startTestPlatform({ configOverrides: { port: '0' } });
  api = await listen(orca.platform);
});
afterAll(async () => {
  await api.close();
  await orca.close();
});

const pipeline = (args: string[]) => runOrca(['runs', 'pipeline', ...args]);

describe('orca runs pipeline', () => {
  it('shows a pipeline from its first run to its last, from any of its runs', async () => {
    const user = await orca.signUp();
    const workspace = await orca.createWorkspace(user, 'Piped');
    const agent = async (name: string, expression: string) =>
      (
        await orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
          token: user.token,
          body: { spec: { name, steps: [{ id: 'work', tool: 'transform', with: { expression } }] } },
        })
      ).body.id as string;
    const collector = await agent('Collector', '{"count": 2}');
    const reporter = await agent('Reporter', '"two"');
    const archiver = await agent('Archiver', '$error("the archive is full")');
    for (const [from, to] of [
      [collector, reporter],
      [reporter, archiver],
    ]) {
      await orca.request('POST', `/api/workspaces/${workspace.id}/chains`, {
        token: user.token,
        body: { fromAgentId: from, toAgentId: to },
      });
    }
    const first = await orca.request('POST', `/api/workspaces/${workspace.id}/agents/${collector}/runs`, {
      token: user.token,
      body: { input: {} },
    });
    let lastRunId = '';
    await expect
      .poll(
        async () => {
          const runs = await orca.request('GET', `/api/workspaces/${workspace.id}/runs?agent=${archiver}`, {
            token: user.token,
          });
          lastRunId = runs.body.items[0]?.id ?? '';
          return runs.body.items[0]?.status;
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe('failed');

    const shown = await pipeline([
      lastRunId,
      '--workspace',
      workspace.slug,
      '--token',
      user.token,
      '--url',
      api.url,
    ]);
    const lines = shown.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Collector succeeded in \\d+ ms \\(manual, ${first.body.id}\\)$`));
    expect(lines[1]).toMatch(/^ {2}└ Reporter succeeded in \d+ ms \(chain, /);
    expect(lines[2]).toMatch(/^ {4}└ Archiver failed in \d+ ms \(chain, .*\): .*the archive is full/);
    expect(shown.code).toBe(1);

    const unknown = await pipeline([
      '00000000-0000-4000-8000-000000000000',
      '--workspace',
      workspace.slug,
      '--token',
      user.token,
      '--url',
      api.url,
    ]);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('404');
  });
});
