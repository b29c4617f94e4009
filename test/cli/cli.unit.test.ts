// The `orca` command as a user runs it: a real process, a real data directory, real HTTP.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { orcaBin, runOrca } from '../support/orca-command.ts';

const dataDirectory = mkdtempSync(join(tmpdir(), 'orca-cli-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDirectory, { recursive: true, force: true });
});

const run = (args: string[], env: Record<string, string> = {}) => runOrca(args, { env });
/** Runs `orca` with every import of TypeScript or tsx failing: what it answers, it answers without them. */
const withoutTypeScript = (args: string[]) =>
  runOrca(args, {
    nodeArguments: ['--import', join(import.meta.dirname, '../support/refuse-typescript.mjs')],
  });

/**
 * Starts a long-running command and resolves with its URL once it says it is running: in words,
 * or with --json as a line `{"status": "running", "url": …}`.
 */
function startServer(args: string[]) {
  const child = spawn(process.execPath, [orcaBin, ...args]);
  children.push(child);
  return new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = args.includes('--json')
        ? /^(\{.*"status":"running".*\})$/m.exec(output)
        : /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: args.includes('--json') ? JSON.parse(match[1]).url : match[1] });
    });
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`orca exited with ${code}: ${output}`)));
  });
}

describe('orca CLI', () => {
  it('prints help for the whole command and for each subcommand', async () => {
    const overall = await run(['--help']);
    expect(overall.code).toBe(0);
    // Commands that run Orca, then those that use a running Orca, then the shell's.
    expect(overall.stdout).toMatch(
      /Run Orca:\n {2}start.*\n {2}serve.*\n {2}worker.*\n {2}migrate.*\n {2}secrets.*\n\nUse a running Orca:\n {2}login.*\n {2}logout.*\n {2}agents.*\n {2}runs.*\n {2}hooks.*\n {2}chat.*\n {2}export.*\n {2}import.*\n {2}api.*\n\nShell:\n {2}completion/,
    );
    expect(overall.stdout).toMatch(
      /Exit codes: 0 ok, 1 failed .*, 2 usage, 3 auth, 4 not found, 5 unreachable/,
    );
    for (const command of ['start', 'serve', 'worker', 'migrate']) {
      const help = await run([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: orca ${command}`);
      expect(help.stdout).toContain('--database-url');
    }
    for (const command of ['agents', 'runs', 'hooks', 'chat', 'export', 'import']) {
      const help = await run([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: orca ${command}`);
      expect(help.stdout).toContain('--workspace');
      expect(help.stdout).toContain('--json');
    }
    const runs = await run(['runs', '--help']);
    expect(runs.stdout).toMatch(
      /Commands:\n {2}list.*\n {2}show.*\n {2}start.*\n {2}cancel.*\n {2}retry.*\n {2}watch.*\n {2}pipeline/,
    );
    const start = await run(['runs', 'start', '--help']);
    expect(start.stdout).toContain('Usage: orca runs start <agent id or name>');
    expect(start.stdout).toMatch(/--input <value> +The run input/);
    expect(start.stdout).toContain('--workspace');
  });

  it('answers help and --version without the TypeScript loader, so without the server', async () => {
    // The control: a command that does need the loader fails under the same hook.
    const needsLoader = await withoutTypeScript(['agents', 'list']);
    expect(needsLoader.code).not.toBe(0);
    expect(needsLoader.stderr).toContain('refused to load tsx');
    const [overall, command, subcommand, helpWord, version] = await Promise.all([
      withoutTypeScript(['--help']),
      withoutTypeScript(['start', '--help']),
      withoutTypeScript(['runs', 'watch', '-h']),
      withoutTypeScript(['help', 'runs', 'watch']),
      withoutTypeScript(['--version', '--json']),
    ]);
    for (const answer of [overall, command, subcommand, helpWord, version]) {
      expect(answer.code, answer.stderr).toBe(0);
    }
    expect(overall.stdout).toContain('Usage: orca <command> [options]');
    expect(command.stdout).toContain('Usage: orca start');
    expect(subcommand.stdout).toContain('Usage: orca runs watch [runId]');
    // `orca help <command> [<subcommand>]` is that command's help, not the overall one.
    expect(helpWord.stdout).toBe(subcommand.stdout);
    expect(JSON.parse(version.stdout)).toHaveProperty('version');
  });

  it('completes commands, subcommands, options, their closed sets of values and words in bash', async () => {
    const bash = await run(['completion', 'bash']);
    /** What bash offers for a command line whose last word is being typed. */
    const offered = (...words: string[]) => {
      const script = `${bash.stdout}\nCOMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _orca; echo "\${COMPREPLY[*]}"`;
      return spawnSync('bash', ['-c', script], { encoding: 'utf8' }).stdout.trim();
    };
    expect(offered('orca', 'ru')).toBe('runs');
    expect(offered('orca', 'runs', '')).toBe('list show start cancel retry watch pipeline');
    expect(offered('orca', 'runs', 'list', '--status', '')).toBe(
      'queued running waiting succeeded failed cancelled',
    );
    expect(offered('orca', 'runs', 'list', '--trigger', 'sch')).toBe('schedule');
    expect(offered('orca', 'hooks', 'create', 'Greeter', '--respond', '')).toBe('accepted result');
    // A value the command cannot know (a workspace, a URL) is left to the shell: file names.
    expect(offered('orca', 'agents', 'list', '--workspace', '')).toBe('');
    expect(offered('orca', 'completion', '')).toBe('bash zsh --json --help');
    expect(offered('orca', 'secrets', 're')).toBe('rewrap');
    expect(offered('orca', 'api', 'PA')).toBe('PATCH');
    expect(offered('orca', 'help', 'ho')).toBe('hooks');
    expect(offered('orca', 'runs', 'watch', '--j')).toBe('--json');
  });

  it('prints its version, and completion scripts for bash and zsh', async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    expect((await run(['--version'])).stdout).toBe(`orca ${version}\n`);
    expect(JSON.parse((await run(['--version', '--json'])).stdout)).toEqual({ version });
    const bash = await run(['completion', 'bash']);
    expect(bash.code).toBe(0);
    expect(bash.stdout).toContain('complete -o default -F _orca orca');
    expect(bash.stdout).toMatch(/runs\)\n.*\n {8}words="list show start cancel retry watch pipeline"/);
    expect(spawnSync('bash', ['-n'], { input: bash.stdout }).status).toBe(0);
    const json = await run(['completion', 'bash', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ shell: 'bash', script: bash.stdout });
    const zsh = await run(['completion', 'zsh']);
    expect(zsh.stdout).toContain('bashcompinit');
    expect(zsh.stdout).toContain('complete -o default -F _orca orca');
    const fish = await run(['completion', 'fish']);
    expect(fish.code).toBe(2);
    expect(fish.stderr).toContain('orca completion bash, or orca completion zsh');
  });

  it('refuses unknown commands, bad flags and bad values with exit code 2 and a hint', async () => {
    const command = await run(['strat']);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/Unknown command "strat".*orca --help/);
    const flag = await run(['start', '--prot', '80']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/Unknown option '--prot'.*\n.*orca start --help/);
    const port = await run(['start', '--port', 'eighty', '--data-dir', dataDirectory]);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/PORT: .*port number/);
    const serve = await run(['serve'], { DATABASE_URL: '' });
    expect(serve.code).toBe(2);
    expect(serve.stderr).toMatch(/set DATABASE_URL/);
  });

  it('names a bad (exit 2) or unreachable (exit 5) DATABASE_URL without printing its password', async () => {
    const malformed = await run(['migrate'], { DATABASE_URL: 'mysql://root@localhost/x' });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/DATABASE_URL: must be a PostgreSQL URL/);
    const unreachable = await run([
      'migrate',
      '--database-url',
      'postgres://orca:hunter2-secret@127.0.0.1:1/orca',
    ]);
    expect(unreachable.code).toBe(5);
    expect(unreachable.stderr).toMatch(/Cannot connect to the PostgreSQL server/);
    expect(unreachable.stderr).not.toContain('hunter2-secret');
    // A server that answers and refuses (no such database) is a setting to fix, not to retry.
    const refused = await run([
      'migrate',
      '--database-url',
      'postgres://postgres@127.0.0.1:5432/orca_no_such_db',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/orca_no_such_db/);
  });

  it('starts on a new data directory, refuses a second opener, and releases the lock on SIGTERM', async () => {
    const { child, url } = await startServer(['start', '--port', '0', '--data-dir', dataDirectory]);
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const second = await run(['start', '--port', '0', '--data-dir', dataDirectory]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`already in use by process ${child.pid}`);

    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDirectory, 'orca.lock'))).toBe(false);
  });

  it('migrates an existing data directory and restarts on it with the data kept', async () => {
    const migrate = await run(['migrate', '--data-dir', dataDirectory, '--json']);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(JSON.parse(migrate.stdout)).toEqual({
      migrated: true,
      database: `embedded database in ${dataDirectory}`,
    });
    const { child, url } = await startServer(['start', '--port', '0', '--data-dir', dataDirectory]);
    const signup = await fetch(`${url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'cli@example.com', password: 'cli passphrase 1', name: 'Cli' }),
    });
    expect(signup.status).toBe(201);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    await exited;
    const again = await startServer(['start', '--port', '0', '--data-dir', dataDirectory, '--json']);
    const login = await fetch(`${again.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'cli@example.com', password: 'cli passphrase 1' }),
    });
    expect(login.status).toBe(200);
    again.child.kill('SIGTERM');
  });
});
