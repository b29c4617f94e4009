// One way for every client command to call a running Orca's HTTP API, so that each failure
// becomes the same words and the same exit code (exit-codes.ts) whichever command met it.
import { readFile } from 'node:fs/promises';
import type { ClientSettings } from './client-settings.ts';
import { CliError, exitCodeForStatus, exitCodes, UsageError } from './exit-codes.ts';

export interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

export interface RequestOptions {
  /** A value to send as JSON. */
  body?: unknown;
  /** Text to send as it is, as JSON. */
  text?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export function unreachable(url: string, error: unknown): CliError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error).message;
  return new CliError(
    `Cannot reach Orca at ${url} (${reason}). Is it running? Pass --url or set ORCA_URL if it listens elsewhere.`,
    exitCodes.unreachable,
    'unreachable',
  );
}

/** Sends the request; only a failure to reach Orca throws (exit code 5). */
export async function send(
  settings: ClientSettings,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Response> {
  const text = options.text ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  try {
    return await fetch(`${settings.url}${path}`, {
      method,
      headers: {
        ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
        ...(text === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: text,
      signal: options.signal,
    });
  } catch (error) {
    throw unreachable(settings.url, error);
  }
}

/** Orca's refusal in words, with each listed problem on its own line, and its exit code. */
export function refusal(status: number, body: ErrorBody, statusText = ''): CliError {
  const lines = [`Orca answered ${status}: ${body.error?.message ?? (statusText || 'no reason given')}`];
  if (Array.isArray(body.error?.details)) {
    for (const detail of body.error.details as { path?: string; name?: string; message?: string }[]) {
      lines.push(`  ${detail.path ?? detail.name ?? ''}: ${detail.message ?? ''}`);
    }
  }
  if (status === 401) lines.push('Run orca login, or give a valid token with --token or ORCA_TOKEN.');
  return new CliError(
    lines.join('\n'),
    exitCodeForStatus(status),
    body.error?.code ?? `http_${status}`,
    body.error?.details,
  );
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Calls the API and answers its body as text; a status other than 2xx throws its refusal. */
export async function callApiText(
  settings: ClientSettings,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<string> {
  const response = await send(settings, method, path, options);
  const text = await response.text();
  if (!response.ok) throw refusal(response.status, (parseJson(text) ?? {}) as ErrorBody, response.statusText);
  return text;
}

/** Calls the API and answers its JSON body; a status other than 2xx throws its refusal. */
export async function callApi<T>(
  settings: ClientSettings,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  return parseJson(await callApiText(settings, method, path, options)) as T;
}

export const workspacePath = (workspace: string) => `/api/workspaces/${encodeURIComponent(workspace)}`;

/** JSON given on the command line, or read from the file after `@`. */
export async function jsonArgument(value: string, option: string): Promise<unknown> {
  let text = value;
  if (value.startsWith('@')) {
    try {
      text = await readFile(value.slice(1), 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read ${value.slice(1)} for ${option}: ${(error as Error).message}.`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${option} must be JSON (or @file with JSON in it): ${(error as Error).message}.`);
  }
}
