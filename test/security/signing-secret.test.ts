// The workspace's outgoing webhook signing secret is stored sealed by the vault, never in clear
// (issue 11, item 10): the database holds no copy a reader of it could sign with, while
// notify.webhook still signs with the secret the admin API shows, and a secret left in clear by
// an older Orca is sealed at start (idempotently) and keeps working.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../src/runtime/tools/notify-webhook.ts';
import { sealClearWebhookSigningSecrets } from '../../src/vault/webhook-signing-secret.ts';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let ws: string;
let receiver: Server;
let receiverUrl: string;
const deliveries: { headers: IncomingHttpHeaders; body: string }[] = [];
const deliveryWaiters: (() => void)[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      deliveries.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      for (const wake of deliveryWaiters.splice(0)) wake();
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  orca = await startTestPlatform({ configOverrides: { allowNetwork: '127.0.0.1' } });
  owner = await orca.signUp('Signing Owner');
  ws = (await orca.createWorkspace(owner, 'Signed Notifications')).id;
});
afterAll(async () => {
  await orca.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

interface StoredRow {
  workspace_id: string;
  secret: string | null;
  sealed_secret: string | null;
}

async function storedRow(workspaceId: string): Promise<StoredRow | undefined> {
  const rows = await selectRows<StoredRow>(
    orca.platform,
    sql`select workspace_id, secret, sealed_secret from webhook_signing_secrets where workspace_id = ${workspaceId}`,
  );
  return rows[0];
}

async function shownSecret(workspaceId: string): Promise<string> {
  const shown = await orca.request('GET', `/api/workspaces/${workspaceId}/webhook-signing-secret`, {
    token: owner.token,
  });
  expect(shown.status, shown.text).toBe(200);
  return shown.body.secret;
}

/** Runs an agent whose one step is notify.webhook to the receiver; returns what arrived. */
async function notifyOnce(workspaceId: string) {
  const created = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: {
      spec: {
        name: `Notifier ${Math.random().toString(36).slice(2, 8)}`,
        steps: [
          { id: 'notify', tool: 'notify.webhook', with: { url: receiverUrl, payload: { hello: 'world' } } },
        ],
      },
    },
  });
  expect(created.status, created.text).toBe(201);
  const arrived = new Promise<void>((resolve) => deliveryWaiters.push(resolve));
  const before = deliveries.length;
  const started = await orca.request(
    'POST',
    `/api/workspaces/${workspaceId}/agents/${created.body.id}/runs`,
    {
      token: owner.token,
      body: { input: {} },
    },
  );
  expect(started.status, started.text).toBe(202);
  await arrived;
  const delivery = deliveries[before];
  if (!delivery) throw new Error('the webhook did not arrive');
  return delivery;
}

function signedWith(delivery: { headers: IncomingHttpHeaders; body: string }, secret: string) {
  return verifyWebhookSignature({
    header: String(delivery.headers['orca-signature']),
    body: delivery.body,
    secret,
  });
}

describe('the outgoing webhook signing secret at rest', () => {
  it('is stored sealed, and notify.webhook signs with the secret the admin API shows', async () => {
    const secret = await shownSecret(ws);
    expect(secret).toMatch(/^whsec_/);
    const row = await storedRow(ws);
    expect(row?.secret).toBeNull();
    expect(row?.sealed_secret).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(JSON.stringify(row)).not.toContain(secret.slice('whsec_'.length));

    const delivery = await notifyOnce(ws);
    expect(signedWith(delivery, secret)).toBe(true);
    expect(signedWith(delivery, 'whsec_wrong')).toBe(false);
  });

  it('stays sealed across a rotation', async () => {
    const rotated = await orca.request('POST', `/api/workspaces/${ws}/webhook-signing-secret/rotate`, {
      token: owner.token,
    });
    expect(rotated.status, rotated.text).toBe(200);
    expect(await shownSecret(ws)).toBe(rotated.body.secret);
    expect(JSON.stringify(await storedRow(ws))).not.toContain(rotated.body.secret);
    expect(signedWith(await notifyOnce(ws), rotated.body.secret)).toBe(true);
  });

  it('seals a secret an older Orca stored in clear, once, and keeps signing with it', async () => {
    const legacy = (await orca.createWorkspace(owner, 'From Before Sealing')).id;
    const old = 'whsec_storedInClearByAnOlderOrca0123456789abcdef';
    await selectRows(
      orca.platform,
      sql`insert into webhook_signing_secrets (workspace_id, secret) values (${legacy}, ${old})`,
    );
    expect((await storedRow(legacy))?.secret).toBe(old);

    // What every start does, twice as if two processes started: the second finds nothing left.
    expect(await sealClearWebhookSigningSecrets(orca.platform.vault, orca.platform.store)).toBe(1);
    expect(await sealClearWebhookSigningSecrets(orca.platform.vault, orca.platform.store)).toBe(0);
    const row = await storedRow(legacy);
    expect(row?.secret).toBeNull();
    expect(JSON.stringify(row)).not.toContain(old);
    expect(await shownSecret(legacy)).toBe(old);
    expect(signedWith(await notifyOnce(legacy), old)).toBe(true);
  });

  it('seals a clear secret on first read when the start could not', async () => {
    const legacy = (await orca.createWorkspace(owner, 'Read Before Sealing')).id;
    const old = 'whsec_anotherClearSecretFromBefore9876543210';
    await selectRows(
      orca.platform,
      sql`insert into webhook_signing_secrets (workspace_id, secret) values (${legacy}, ${old})`,
    );
    expect(await shownSecret(legacy)).toBe(old);
    expect(JSON.stringify(await storedRow(legacy))).not.toContain(old);
  });
});
