// The web app talks to Orca only through its HTTP API, with the session cookie. Legacy: new
// code uses client.ts; this shares its words for an unreachable server and its session watch.
import { reportUnauthorized, unreachableMessage } from './client.ts';

export interface User {
  id: string;
  email: string;
  name: string;
}

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  role: 'owner' | 'admin' | 'builder' | 'viewer';
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Workspace['role'];
}

export interface Invitation {
  id: string;
  email: string;
  role: Workspace['role'];
  expiresAt: string;
  expired: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => {
    throw new ApiError(0, 'unreachable', unreachableMessage);
  });
  reportUnauthorized(path, response.status);
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = payload?.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? 'unknown',
      error.message ?? `Request failed (${response.status}).`,
    );
  }
  return payload as T;
}
