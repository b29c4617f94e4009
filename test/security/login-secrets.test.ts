// Issue 11, item 3: a builder chooses browser.login's selectors, and must not be able to read the
// account's password with them. In real Chromium, against sites on 127.0.0.1: a passwordSelector
// aimed at a GET search box, a password form that posts to another host, and a sign-in page over
// plain http the operator did not allow are all refused, and the password reaches no server and
// nothing the run keeps.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundPolicy } from '../../src/network/outbound-policy.ts';
import { ToolError } from '../../src/runtime/tool-error.ts';
import { browserLoginTool } from '../../src/runtime/tools/browser-login.ts';
import { startBrowserPlatform } from '../support/browser-platform.ts';
import type { TestPlatform, TestUser } from '../support/test-platform.ts';
import { toolContext } from '../support/tool-context.ts';

const username = 'buyer@example.com';
const password = `pw-${randomBytes(10).toString('hex')}`;

/** Everything each site was sent: addresses and form bodies. */
const siteSaw: string[] = [];
const elsewhereSaw: string[] = [];
let site: Server;
let elsewhere: Server;
let siteUrl: string;
let elsewhereUrl: string;
let orca: TestPlatform;
let owner: TestUser;
let viewer: TestUser;
let ws: string;
let connectionId: string;

function page(body: string) {
  return `<!doctype html><html><head><title>Site</title></head><body>${body}</body></html>`;
}

async function bodyOf(request: IncomingMessage) {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

function listen(server: Server) {
  return new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

beforeAll(async () => {
  elsewhere = createServer(async (request, response) => {
    elsewhereSaw.push(`${request.url} ${await bodyOf(request)}`);
    response.writeHead(200, { 'content-type': 'text/html' }).end(page('<p>Thanks</p>'));
  });
  elsewhereUrl = await listen(elsewhere);
  site = createServer(async (request, response) => {
    siteSaw.push(`${request.url} ${await bodyOf(request)}`);
    const html = (body: string) => response.writeHead(200, { 'content-type': 'text/html' }).end(page(body));
    const path = new URL(request.url ?? '/', 'http://site').pathname;
    if (path === '/search')
      return html(
        '<form method="get" action="/results"><input name="q" type="text"><button>Search</button></form>',
      );
    if (path === '/results') return html('<p>No results</p>');
    if (path === '/login-elsewhere') {
      return html(
        `<form method="post" action="${elsewhereUrl}/collect"><input name="username" type="text"><input name="password" type="password"><button type="submit">Sign in</button></form>`,
      );
    }
    if (path === '/login' && request.method === 'GET') {
      return html(
        '<form method="post" action="/login"><input name="username" type="text"><input name="password" type="password"><button type="submit">Sign in</button></form>',
      );
    }
    html('<p>Welcome</p>');
  });
  siteUrl = await listen(site);
  orca = await startBrowserPlatform();
  owner = await orca.signUp('Login Owner');
  viewer = await orca.signUp('Login Viewer');
  ws = (await orca.createWorkspace(owner, 'Logins')).id;
  await orca.addMember(owner, ws, viewer, 'viewer');
  const created = await orca.request('POST', `/api/workspaces/${ws}/connections`, {
    token: owner.token,
    body: {
      service: 'site',
      kind: 'login',
      settings: { username, allowedHosts: [new URL(siteUrl).host], loginUrl: `${siteUrl}/login-elsewhere` },
      secret: { password },
    },
  });
  expect(created.status, created.text).toBe(201);
  connectionId = created.body.id;
}, 60_000);
afterAll(async () => {
  await orca?.close();
  await Promise.all(
    [site, elsewhere].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
});

/** Runs a one-step agent that signs in with `with`, and reads the run back as a viewer would. */
async function signInRun(name: string, login: Record<string, unknown>) {
  const agent = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
    token: owner.token,
    body: {
      spec: { name, steps: [{ id: 'login', tool: 'browser.login', with: { connection: 'site', ...login } }] },
    },
  });
  expect(agent.status, agent.text).toBe(201);
  const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${agent.body.id}/runs`, {
    token: owner.token,
    body: { input: {} },
  });
  expect(started.status, started.text).toBe(202);
  // The event stream ends when the run does.
  const events = await orca.request('GET', `/api/workspaces/${ws}/runs/${started.body.id}/events`, {
    token: viewer.token,
  });
  const run = await orca.request('GET', `/api/workspaces/${ws}/runs/${started.body.id}`, {
    token: viewer.token,
  });
  return { run: run.body, text: `${run.text}\n${events.text}` };
}

describe('browser.login and the password', () => {
  it('refuses a passwordSelector aimed at a GET search box: the password reaches no address and no run data', async () => {
    siteSaw.length = 0;
    const { run, text } = await signInRun('Search box', {
      url: `${siteUrl}/search`,
      usernameSelector: 'input[name=q]',
      passwordSelector: 'input[name=q]',
      submitSelector: 'button',
    });
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ code: 'invalid_input', stepId: 'login' });
    expect(run.error.message).toContain('input[type=password]');
    expect(text).not.toContain(password);
    expect(siteSaw.some((line) => line.includes(password) || line.startsWith('/results'))).toBe(false);
  }, 60_000);

  it('refuses a password form that posts to a host outside the account’s allowed hosts, in a run and in Test connection', async () => {
    elsewhereSaw.length = 0;
    const { run, text } = await signInRun('Form elsewhere', { url: `${siteUrl}/login-elsewhere` });
    expect(run.status).toBe('failed');
    expect(run.error.code).toBe('refused_address');
    expect(run.error.message).toContain('may only sign in on');
    expect(text).not.toContain(password);

    const tested = await orca.request('POST', `/api/workspaces/${ws}/connections/${connectionId}/test`, {
      token: owner.token,
    });
    expect(tested.status, tested.text).toBe(200);
    expect(tested.body).toMatchObject({
      status: 'failing',
      statusMessage: expect.stringContaining('may only sign in on'),
    });
    expect(elsewhereSaw).toEqual([]);
  }, 60_000);

  it('refuses a sign-in page over plain http that the operator did not allow', async () => {
    siteSaw.length = 0;
    const runId = '00000000-0000-4000-8000-0000000000aa';
    const reachable = outboundPolicy(['127.0.0.1']);
    const { browsers, network } = orca.platform.services;
    try {
      const error = await browserLoginTool
        .run(
          browserLoginTool.input.parse({ connection: 'site', url: `${siteUrl}/login` }),
          toolContext({
            runId,
            // The page is reachable, but the rules treat it as a public address reached over http.
            network: { resolve: (host) => reachable.resolve(host), allowedByOperator: async () => false },
            services: {
              connections: {
                login: async () => ({
                  service: 'site',
                  username,
                  password,
                  allowedHosts: [new URL(siteUrl).host],
                }),
                credential: () => Promise.reject(new Error('not used')),
              },
              browser: { session: () => browsers.session(runId, network) },
              files: { save: () => Promise.reject(new Error('no files')), read: async () => undefined },
            },
          }),
        )
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ToolError);
      expect((error as ToolError).code).toBe('refused_address');
      expect((error as ToolError).message).toContain('only sent over https');
      expect(siteSaw.some((line) => line.includes(password))).toBe(false);
    } finally {
      await browsers.release(runId);
    }
  }, 60_000);
});
