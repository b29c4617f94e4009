// `orca export` and `orca import` against a running Orca: real processes moving a workspace to a
// file, into a workspace they create, and refusing a file with problems with each one listed.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/platform.ts';
import { runOrca } from '../support/orca-command.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let api: RunningServer;
let user: TestUser;
let directory: string;

beforeAll(async () => {
  orca = await startTestPlatform({ configOverrides: { port: '0' } });
  api = await listen(orca.platform);
  user = await orca.signUp();
  directory = await mkdtemp(join(tmpdir(), 'orca-bundle-cli-'));
});
afterAll(async () => {
  await api.close();
  await orca.close();
  await rm(directory, { recursive: true, force: true });
});

// Each command is a new Node process compiling TypeScript: seconds apiece on a busy machine.
const commandsTimeout = 300_000;

const client = () => ['--token', user.token, '--url', api.url];

describe('orca export and orca import', () => {
  it(
    'moves a workspace into a new one through a file',
    async () => {
      const source = await orca.createWorkspace(user, 'Command Source');
      for (const name of ['Fetcher', 'Summarizer']) {
        const created = await orca.request('POST', `/api/workspaces/${source.id}/agents`, {
          token: user.token,
          body: { spec: { name, steps: [{ id: 'work', tool: 'transform', with: { expression: '1' } }] } },
        });
        expect(created.status).toBe(201);
      }

      const file = join(directory, 'source.orca.json');
      const exported = await runOrca(['export', '--workspace', source.slug, '--out', file, ...client()]);
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout).toContain(`Exported 2 agents of "${source.slug}" to ${file}.`);

      const imported = await runOrca(['import', file, '--new-workspace', 'Command Copy', ...client()]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toContain('Created the workspace "Command Copy" (command-copy).');
      expect(imported.stdout).toContain('Imported into command-copy: 2 agents (2 versions)');
      const copied = await orca.request('GET', '/api/workspaces/command-copy/agents', { token: user.token });
      expect(copied.body.items.map((agent: { name: string }) => agent.name)).toEqual([
        'Fetcher',
        'Summarizer',
      ]);

      // The same file again into the copy clashes on every agent name, listed one a line.
      const again = await runOrca(['import', file, '--workspace', 'command-copy', ...client()]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('409');
      expect(again.stderr).toMatch(/ {2}Fetcher: an agent named "Fetcher" exists here already/);
    },
    commandsTimeout,
  );

  it(
    'lists the problems of a broken file',
    async () => {
      const target = await orca.createWorkspace(user, 'Command Target');
      const file = join(directory, 'broken.orca.json');
      // Without --out, the file goes to standard output.
      const exported = await runOrca(['export', '--workspace', target.slug, ...client()]);
      expect(exported.code, exported.stderr).toBe(0);
      const bundle = JSON.parse(exported.stdout) as Record<string, unknown>;
      expect(bundle).toMatchObject({ format: 'orca-workspace', formatVersion: 2 });
      await writeFile(file, JSON.stringify({ ...bundle, chains: [{ from: 'Ghost', to: 'Phantom' }] }));
      const refused = await runOrca(['import', file, '--workspace', target.slug, ...client()]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('422');
      expect(refused.stderr).toContain('chains[0].from: names the agent "Ghost", which is not in the bundle');
      expect(await readFile(file, 'utf8')).toContain('Ghost');
    },
    commandsTimeout,
  );
});
