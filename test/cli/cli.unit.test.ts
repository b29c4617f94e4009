// The `orca` command as a user runs it: a real process, a real data directory, real HTTP.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const orcaBin = join(import.meta.dirname, '../../bin/orca.mjs');
const dataDirectory = mkdtempSync(join(tmpdir(), 'orca-cli-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDirectory, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [orcaBin, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts a long-running command and resolves with its URL once it says it is running. */
function startServer(args: string[]) {
  const child = spawn(process.execPath, [orcaBin, ...args]);
  children.push(child);
  return new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`orca exited with ${code}: ${output}`)));
  });
}

describe('orca CLI', () => {
  it('prints help for the whole command and for each subcommand', async () => {
    const overall = await run(['--help']);
    expect(overall.code).toBe(0);
    expect(overall.stdout).toMatch(
      /start.*\n.*serve.*\n.*worker.*\n.*runs.*\n.*chat.*\n.*secrets.*\n.*migrate/,
    );
    for (const command of ['start', 'serve', 'worker', 'runs', 'migrate']) {
      const help = await run([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: orca ${command}`);
      expect(help.stdout).toContain(command === 'runs' ? '--workspace' : '--database-url');
    }
  });

  it('refuses unknown commands, bad flags and bad values with exit code 2 or 1 and a hint', async () => {
    const command = await run(['strat']);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/Unknown command "strat".*orca --help/);
    const flag = await run(['start', '--prot', '80']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/Unknown option '--prot'.*\n.*orca start --help/);
    const port = await run(['start', '--port', 'eighty', '--data-dir', dataDirectory]);
    expect(port.code).toBe(1);
    expect(port.stderr).toMatch(/PORT: .*port number/);
    const serve = await run(['serve'], { DATABASE_URL: '' });
    expect(serve.code).toBe(2);
    expect(serve.stderr).toMatch(/set DATABASE_URL/);
  });

  it('names a bad or unreachable DATABASE_URL without printing its password', async () => {
    const malformed = await run(['migrate'], { DATABASE_URL: 'mysql://root@localhost/x' });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/DATABASE_URL: must be a PostgreSQL URL/);
    const unreachable = await run([
      'migrate',
      '--database-url',
      'postgres://orca:hunter2-secret@127.0.0.1:1/orca',
    ]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/Cannot connect to the PostgreSQL server/);
    expect(unreachable.stderr).not.toContain('hunter2-secret');
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
    const migrate = await run(['migrate', '--data-dir', dataDirectory]);
    expect(migrate.code).toBe(0);
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
    const again = await startServer(['start', '--port', '0', '--data-dir', dataDirectory]);
    const login = await fetch(`${again.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'cli@example.com', password: 'cli passphrase 1' }),
    });
    expect(login.status).toBe(200);
    again.child.kill('SIGTERM');
  });
});
