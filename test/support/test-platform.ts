// A whole Orca (store, API, mailer) on a fresh copy of the test database, called in-process
// through `app.request`, with helpers that sign people up and create workspaces.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import { loadConfig } from '../../src/config.ts';
import { diskFileStore } from '../../src/files/file-store.ts';
import { type LoggerLike, silentLogger } from '../../src/logging/logger.ts';
import type { Mailer, MailMessage } from '../../src/mail/mailer.ts';
import { createPlatform, type Platform } from '../../src/platform.ts';
import type { OutgoingMail } from '../../src/runtime/tool-services.ts';
import { createTestDatabase } from './test-databases.ts';

export interface RecordingMailer extends Mailer {
  /** Invitation e-mails. */
  readonly sent: MailMessage[];
  /** E-mails agents sent with notify.email. */
  readonly delivered: OutgoingMail[];
}

/** Rows of a raw query run outside any workspace scope (to inspect what is stored). */
export async function selectRows<T>(platform: Platform, query: SQL): Promise<T[]> {
  const result = (await platform.database.drizzle.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export function recordingMailer(): RecordingMailer {
  const sent: MailMessage[] = [];
  const delivered: OutgoingMail[] = [];
  return {
    configured: true,
    sent,
    delivered,
    send: async (message) => void sent.push(message),
    deliver: async (message) => {
      delivered.push(message);
      return {
        messageId: message.messageId ?? `<${delivered.length}@test>`,
        accepted: message.to,
        rejected: [],
      };
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert on them.
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** A raw body sent as is (malformed JSON, a file's bytes). */
  rawBody?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

export interface TestPlatform {
  platform: Platform;
  mailer: RecordingMailer;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert on them.
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  signUp(name?: string): Promise<TestUser>;
  createWorkspace(user: TestUser, name: string): Promise<TestWorkspace>;
  /** Invites `invitee` into the workspace with a role, and accepts. */
  addMember(owner: TestUser, workspaceId: string, invitee: TestUser, role: string): Promise<void>;
  /** Where this platform's deliverables are kept on disk. */
  filesDirectory: string;
  close(): Promise<void>;
}

export interface TestWorkspace {
  id: string;
  slug: string;
  name: string;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  token: string;
}

let userCounter = 0;

/** The master key of test platforms (tests of rotation hand in their own). */
export const testSecretKey = '5e'.repeat(32);

export interface TestPlatformOptions {
  configOverrides?: Record<string, string>;
  /** Send e-mail as configured (ORCA_SMTP_URL) instead of recording it. */
  configuredMailer?: boolean;
  /** Where the platform logs (nowhere by default; log-capture.ts collects JSON lines). */
  logger?: LoggerLike;
  /** The built web app to serve (dist/web by default). */
  webRoot?: string;
  /** Execute queued runs in this platform (the default); off, runs stay queued. */
  workers?: boolean;
}

export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const mailer = recordingMailer();
  const database = await createTestDatabase();
  const config = loadConfig(
    {
      dataDirectory: '/nonexistent-test-data',
      secretKey: testSecretKey,
      // Every in-process request comes from one "address"; suites sign many people up.
      signUpsPerAddressPerHour: 100000,
      ...options.configOverrides,
    },
    {},
  );
  const filesDirectory = await mkdtemp(path.join(tmpdir(), 'orca-test-files-'));
  const platform = await createPlatform(config, {
    database,
    files: diskFileStore(filesDirectory),
    mailer: options.configuredMailer ? undefined : mailer,
    logger: options.logger ?? silentLogger,
    webRoot: options.webRoot,
    workers: options.workers,
  });

  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert on them.
  async function request<T = any>(
    method: string,
    path: string,
    requestOptions: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...requestOptions.headers };
    if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (requestOptions.rawBody !== undefined) {
      body = requestOptions.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (requestOptions.body !== undefined) {
      body = JSON.stringify(requestOptions.body);
      headers['content-type'] = 'application/json';
    }
    const response = await platform.app.request(path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (the web app, or an empty body); keep the text.
    }
    return { status: response.status, body: parsed as T, text, headers: response.headers };
  }

  async function signUp(name = `User ${++userCounter}`): Promise<TestUser> {
    const email = `user${++userCounter}.${Date.now()}@example.com`;
    const password = 'a sturdy passphrase 42';
    const response = await request('POST', '/api/auth/signup', { body: { email, password, name } });
    if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${response.text}`);
    return { id: response.body.user.id, email, name, password, token: response.body.token };
  }

  async function createWorkspace(user: TestUser, name: string) {
    const response = await request('POST', '/api/workspaces', { token: user.token, body: { name } });
    if (response.status !== 201)
      throw new Error(`workspace creation failed: ${response.status} ${response.text}`);
    return response.body;
  }

  async function addMember(owner: TestUser, workspaceId: string, invitee: TestUser, role: string) {
    const invitation = await request('POST', `/api/workspaces/${workspaceId}/invitations`, {
      token: owner.token,
      body: { email: invitee.email, role },
    });
    if (invitation.status !== 201)
      throw new Error(`invitation failed: ${invitation.status} ${invitation.text}`);
    const accepted = await request('POST', `/api/invitations/${invitation.body.token}/accept`, {
      token: invitee.token,
    });
    if (accepted.status !== 200) throw new Error(`acceptance failed: ${accepted.status} ${accepted.text}`);
  }

  const close = async () => {
    await platform.close();
    await rm(filesDirectory, { recursive: true, force: true });
  };
  return { platform, mailer, request, signUp, createWorkspace, addMember, filesDirectory, close };
}
