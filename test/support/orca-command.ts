// Runs the real `orca` command in its own process, as a user would, and collects what it wrote.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const orcaBin = join(import.meta.dirname, '../../bin/orca.mjs');

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  /** Added to (or, with '', blanking) the test process's environment. */
  env?: Record<string, string>;
  /** What standard input holds (it is a pipe, never a terminal); empty when left out. */
  input?: string;
}

export function runOrca(args: string[], options: CommandOptions = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [orcaBin, ...args], { env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
