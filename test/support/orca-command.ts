// Runs the real `orca` command in its own process, as a user would, and collects what it wrote.
// Every run is bounded: a command that hangs is killed and reported, so a test fails instead of
// waiting for vitest's timeout and leaving the process behind.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const orcaBin = join(import.meta.dirname, '../../bin/orca.mjs');

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Whether the command was killed for outliving its time limit. */
  timedOut: boolean;
}

export interface CommandOptions {
  /** Added to (or, with '', blanking) the test process's environment. */
  env?: Record<string, string>;
  /** What standard input holds (it is a pipe, never a terminal); empty when left out. */
  input?: string;
  /** How long the command may take before it is killed (a generous bound for a busy machine). */
  timeoutMs?: number;
  /** Node's own options, before the script (`--import` a hook). */
  nodeArguments?: string[];
}

export function runOrca(args: string[], options: CommandOptions = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...(options.nodeArguments ?? []), orcaBin, ...args], {
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const limit = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code, stdout, stderr, timedOut });
    });
    child.stdin.end(options.input ?? '');
  });
}
