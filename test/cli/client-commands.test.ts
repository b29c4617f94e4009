// The client commands against a running Orca, as scripts and people use them: orca login keeps a
// token per server in a file only its owner reads, flags and the environment win over it, every
// resource command answers in words and with --json, and each kind of failure has its exit code.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/platform.ts';
import { runOrca } from '../support/orca-command.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let api: RunningServer;
let user: TestUser;
let workspace: { id: string; slug: string };
let configHome: string;
let greeterId: string;

// Each command is a new Node process: seconds apiece on a busy machine.
const commandsTimeout = 300_000;

beforeAll(async () => {
  orca = await startTestPlatform({ configOverrides: { port: '0' } });
  api = await listen(orca.platform);
  user = await orca.signUp('Scripter');
  workspace = await orca.createWorkspace(user, 'Scripted');
  const agent = async (name: string, expression: string) =>
    (
      await orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
        token: user.token,
        body: { spec: { name, steps: [{ id: 'work', tool: 'transform', with: { expression } }] } },
      })
    ).body.id as string;
  greeterId = await agent('Greeter', '{"greeting": "hello"}');
  await agent('Breaker', '$error("the parts are missing")');
  configHome = await mkdtemp(join(tmpdir(), 'orca-cli-config-'));
});
afterAll(async () => {
  await api.close();
  await orca.close();
  await rm(configHome, { recursive: true, force: true });
});

/** The environment of a user with no ORCA_* variables and their own config directory. */
const clean = (extra: Record<string, string> = {}) => ({
  env: { XDG_CONFIG_HOME: configHome, ORCA_URL: '', ORCA_TOKEN: '', ORCA_WORKSPACE: '', ...extra },
});
/** Flags naming the server, the user and the workspace, for commands that do not rely on login. */
const client = () => ['--url', api.url, '--token', user.token, '--workspace', workspace.slug];

describe('orca login and logout', () => {
  it(
    'keeps a token per server in a file only its owner reads, and flags and the environment win over it',
    async () => {
      // A second session of the same user, so that logging out (which ends it) leaves the first.
      const login = await runOrca(
        ['login', '--url', api.url, '--email', user.email, '--workspace', workspace.slug],
        {
          ...clean(),
          input: `${user.password}\n`,
        },
      );
      expect(login.code, login.stderr).toBe(0);
      expect(login.stdout).toContain(`Signed in to ${api.url} as Scripter <${user.email}>`);
      const file = join(configHome, 'orca', 'config.json');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const config = JSON.parse(await readFile(file, 'utf8'));
      expect(config.currentServer).toBe(api.url);
      expect(config.servers[api.url]).toMatchObject({ workspace: workspace.slug, user: user.email });
      expect(config.servers[api.url].token).not.toBe(user.token);

      // No --url, --token or --workspace: all three come from the file.
      const [listed, envToken, flagToken, envUrl, envBoth] = await Promise.all([
        runOrca(['agents', 'list'], clean()),
        runOrca(['agents', 'list'], clean({ ORCA_TOKEN: 'not-a-token' })),
        runOrca(['agents', 'list', '--token', 'not-a-token'], clean()),
        runOrca(['agents', 'list', '--json'], clean({ ORCA_URL: 'http://127.0.0.1:9' })),
        runOrca(['agents', 'list'], clean({ ORCA_TOKEN: 'not-a-token', ORCA_URL: api.url })),
      ]);
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout).toMatch(/^NAME +STATUS +VERSION/);
      expect(listed.stdout).toContain('Greeter');
      // A token given without its server is not sent to the one logged in to last: it may be
      // another server's (production's token, staging logged in).
      expect(envToken.code).toBe(2);
      expect(envToken.stderr).toMatch(/without a server.*--url or ORCA_URL/);
      expect(flagToken.code).toBe(2);
      // Given with its server, the token wins over the file's.
      expect(envBoth.code).toBe(3);
      expect(envBoth.stderr).toMatch(/Orca answered 401.*\n.*orca login/);
      // Another server has no token in the file: the file's token is never sent elsewhere.
      expect(envUrl.code).toBe(3);
      expect(JSON.parse(envUrl.stderr).error).toMatchObject({ code: 'no_token', exitCode: 3 });

      const logout = await runOrca(['logout'], clean());
      expect(logout.code, logout.stderr).toBe(0);
      expect(logout.stdout).toContain(`Forgot the token for ${api.url}.`);
      expect(JSON.parse(await readFile(file, 'utf8')).servers).toEqual({});
      const after = await runOrca(['agents', 'list'], clean());
      expect(after.code).toBe(3);
      expect(after.stderr).toContain('No token for http://127.0.0.1:4400');
      // The ended session no longer opens anything.
      const ended = await orca.request('GET', '/api/me', { token: config.servers[api.url].token });
      expect(ended.status).toBe(401);
    },
    commandsTimeout,
  );

  it(
    'refuses a token the server does not accept, storing nothing',
    async () => {
      const directory = await mkdtemp(join(tmpdir(), 'orca-cli-config-'));
      const refused = await runOrca(['login', '--url', api.url, '--json'], {
        env: { XDG_CONFIG_HOME: directory, ORCA_URL: '', ORCA_TOKEN: '' },
        input: 'not-a-token\n',
      });
      expect(refused.code).toBe(3);
      expect(JSON.parse(refused.stderr).error).toMatchObject({ code: 'unauthenticated', exitCode: 3 });
      await expect(stat(join(directory, 'orca', 'config.json'))).rejects.toThrow(/ENOENT/);
      await rm(directory, { recursive: true, force: true });
    },
    commandsTimeout,
  );
});

describe('resource commands', () => {
  it(
    'list, show, export and import agents, in words and as JSON',
    async () => {
      const directory = await mkdtemp(join(tmpdir(), 'orca-cli-agents-'));
      const exportFile = join(directory, 'greeter.json');
      const [list, listJson, show, showJson, exported] = await Promise.all([
        runOrca(['agents', 'list', ...client()], clean()),
        runOrca(['agents', 'list', '--json', ...client()], clean()),
        runOrca(['agents', 'show', 'greeter', ...client()], clean()),
        runOrca(['agents', 'show', greeterId, '--json', ...client()], clean()),
        runOrca(['agents', 'export', 'Greeter', '--out', exportFile, '--json', ...client()], clean()),
      ]);
      expect(list.code, list.stderr).toBe(0);
      expect(list.stdout.split('\n')[1]).toMatch(/^Greeter +active +1 +- +- +[0-9a-f-]{36}$/);
      expect(JSON.parse(listJson.stdout).items.map((agent: { name: string }) => agent.name)).toEqual([
        'Greeter',
        'Breaker',
      ]);
      expect(show.stdout).toContain(`Greeter (${greeterId})`);
      expect(show.stdout).toContain('steps: work (transform)');
      expect(JSON.parse(showJson.stdout)).toMatchObject({ id: greeterId, name: 'Greeter', version: 1 });
      expect(exported.code, exported.stderr).toBe(0);
      expect(JSON.parse(exported.stdout)).toEqual({ agentId: greeterId, file: exportFile });

      const bundle = JSON.parse(await readFile(exportFile, 'utf8'));
      expect(bundle.format).toBe('orca.agent');
      const [imported, importedJson] = await Promise.all([
        runOrca(['agents', 'import', exportFile, '--name', 'Greeter Copy', ...client()], clean()),
        runOrca(['agents', 'import', exportFile, '--name', 'Greeter Twin', '--json', ...client()], clean()),
      ]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(
        /^Imported the agent "Greeter Copy" \([0-9a-f-]{36}\) at version 1\.$/m,
      );
      expect(JSON.parse(importedJson.stdout)).toMatchObject({ name: 'Greeter Twin', version: 1 });
      const missing = await runOrca(['agents', 'show', 'Nobody', '--json', ...client()], clean());
      expect(missing.code).toBe(4);
      expect(JSON.parse(missing.stderr).error).toMatchObject({ code: 'agent_not_found', exitCode: 4 });
      await rm(directory, { recursive: true, force: true });
    },
    commandsTimeout,
  );

  it(
    'start, list, show, retry and cancel runs; a failed run exits 1',
    async () => {
      const started = await runOrca(
        ['runs', 'start', 'Greeter', '--input', '{}', '--json', ...client()],
        clean(),
      );
      expect(started.code, started.stderr).toBe(0);
      const { id: runId } = JSON.parse(started.stdout) as { id: string };
      const watched = await runOrca(['runs', 'start', 'Breaker', '--watch', ...client()], clean());
      expect(watched.code).toBe(1);
      expect(watched.stdout).toMatch(/^Started run [0-9a-f-]{36}\.$/m);
      expect(watched.stdout.trim().split('\n').at(-1)).toBe('run failed');
      const failedId = /Started run (\S+)\./.exec(watched.stdout)?.[1] ?? '';

      // Read while the run is failed; retried and cancelled only after, or the list could show
      // the retry already running.
      const [list, listJson, show, showJson] = await Promise.all([
        runOrca(['runs', 'list', '--agent', 'Breaker', ...client()], clean()),
        runOrca(['runs', 'list', '--status', 'failed', '--json', ...client()], clean()),
        runOrca(['runs', 'show', failedId, ...client()], clean()),
        runOrca(['runs', 'show', runId, '--json', ...client()], clean()),
      ]);
      const retried = await runOrca(['runs', 'retry', failedId, '--json', ...client()], clean());
      const cancelled = await runOrca(['runs', 'cancel', failedId, ...client()], clean());
      expect(list.code, list.stderr).toBe(0);
      expect(list.stdout).toMatch(
        new RegExp(`^${failedId} +Breaker +failed +manual .*the parts are missing`, 'm'),
      );
      expect(JSON.parse(listJson.stdout).items.map((run: { id: string }) => run.id)).toContain(failedId);
      expect(show.stdout).toMatch(/work \(transform\) failed/);
      expect(JSON.parse(showJson.stdout)).toMatchObject({ id: runId, agentId: greeterId });
      expect(retried.code, retried.stderr).toBe(0);
      expect(JSON.parse(retried.stdout)).toMatchObject({ id: failedId, status: 'queued' });
      // The retried run is queued or running, so it can be cancelled; or it failed again already.
      expect([0, 1]).toContain(cancelled.code);
      if (cancelled.code === 0) expect(cancelled.stdout).toMatch(/Cancell(ed|ing) run/);
      else expect(cancelled.stderr).toContain('Orca answered 409');
    },
    commandsTimeout,
  );

  it(
    'list and create hooks, and call any route with orca api',
    async () => {
      const [created, createdJson] = await Promise.all([
        runOrca(['hooks', 'create', 'Greeter', '--name', 'Form', '--signed', ...client()], clean()),
        runOrca(['hooks', 'create', 'Greeter', '--name', 'Feed', '--json', ...client()], clean()),
      ]);
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toMatch(/Its address, shown only now:\n {2}http:\/\/\S+\/api\/hooks\/\S+/);
      expect(created.stdout).toMatch(/Signing secret, shown only now: \S+/);
      expect(JSON.parse(createdJson.stdout)).toMatchObject({ name: 'Feed', signed: false });

      const [list, listJson] = await Promise.all([
        runOrca(['hooks', 'list', 'Greeter', ...client()], clean()),
        runOrca(['hooks', 'list', greeterId, '--json', ...client()], clean()),
      ]);
      expect(list.stdout).toMatch(/^Form +\S+… +enabled +signed +accepted +never/m);
      expect(list.stdout).toMatch(/^Feed +\S+… +enabled +unsigned/m);
      expect(JSON.parse(listJson.stdout).items).toHaveLength(2);

      const directory = await mkdtemp(join(tmpdir(), 'orca-cli-api-'));
      const body = join(directory, 'body.json');
      await writeFile(body, JSON.stringify({ name: 'Raw Calls' }));
      const usage = `/api/workspaces/${workspace.slug}/usage?format=csv`;
      const [me, post, notFound, csv, csvJson] = await Promise.all([
        runOrca(['api', 'GET', '/api/me', '--url', api.url, '--token', user.token], clean()),
        runOrca(
          ['api', 'post', '/api/workspaces', '--data', `@${body}`, '--url', api.url, '--token', user.token],
          clean(),
        ),
        runOrca(
          ['api', 'GET', '/api/workspaces/nowhere', '--json', '--url', api.url, '--token', user.token],
          clean(),
        ),
        runOrca(['api', 'GET', usage, '--url', api.url, '--token', user.token], clean()),
        runOrca(['api', 'GET', usage, '--json', '--url', api.url, '--token', user.token], clean()),
      ]);
      expect(me.code, me.stderr).toBe(0);
      expect(JSON.parse(me.stdout).user.email).toBe(user.email);
      expect(post.code, post.stderr).toBe(0);
      expect(JSON.parse(post.stdout)).toMatchObject({ slug: 'raw-calls', role: 'owner' });
      expect(notFound.code).toBe(4);
      expect(JSON.parse(notFound.stderr).error).toMatchObject({ code: 'not_found', exitCode: 4 });
      // Text that is not JSON comes as it is, and with --json as one JSON string.
      expect(csv.code, csv.stderr).toBe(0);
      expect(csv.stdout).toMatch(/^label,key,credits,runs,/);
      expect(JSON.parse(csvJson.stdout)).toBe(csv.stdout);
      await rm(directory, { recursive: true, force: true });
    },
    commandsTimeout,
  );
});

describe('exit codes', () => {
  it(
    'says usage 2, auth 3, not found 4 and unreachable 5, in words and as JSON',
    async () => {
      // A port that was free a moment ago: nothing listens there.
      const closed = await new Promise<number>((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          server.close(() => resolve(port));
        });
      });
      const [usage, usageJson, auth, notFound, unreachable, unreachableJson] = await Promise.all([
        runOrca(['runs', 'list', '--limit', 'many', ...client()], clean()),
        runOrca(['runs', 'frobnicate', '--json', ...client()], clean()),
        runOrca(
          ['runs', 'list', '--url', api.url, '--token', 'wrong', '--workspace', workspace.slug],
          clean(),
        ),
        runOrca(['runs', 'show', '00000000-0000-4000-8000-000000000000', ...client()], clean()),
        runOrca(['runs', 'list', '--url', `http://127.0.0.1:${closed}`, '--token', 't', '-w', 'x'], clean()),
        runOrca(
          ['runs', 'watch', '--json', '--url', `http://127.0.0.1:${closed}`, '--token', 't', '-w', 'x'],
          clean(),
        ),
      ]);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('--limit must be a whole number from 1 to 200');
      expect(usageJson.code).toBe(2);
      expect(JSON.parse(usageJson.stderr).error).toMatchObject({ code: 'usage', exitCode: 2 });
      expect(JSON.parse(usageJson.stderr).error.message).toContain('no command "frobnicate"');
      expect(auth.code).toBe(3);
      expect(notFound.code).toBe(4);
      expect(notFound.stderr).toContain('Orca answered 404');
      expect(unreachable.code).toBe(5);
      expect(unreachable.stderr).toMatch(/Cannot reach Orca at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
      expect(unreachableJson.code).toBe(5);
      expect(JSON.parse(unreachableJson.stderr).error).toMatchObject({ code: 'unreachable', exitCode: 5 });
    },
    commandsTimeout,
  );
});
