// Invitation e-mails through a real SMTP server on 127.0.0.1 (the smtp-server package).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.ts';

interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

const received: ReceivedMail[] = [];
let smtp: SMTPServer;
let smtpPort: number;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

describe('invitation e-mail', () => {
  let orca: TestPlatform;
  afterAll(() => orca?.close());

  it('is sent over SMTP with the link when ORCA_SMTP_URL is configured', async () => {
    orca = await startTestPlatform({
      configuredMailer: true,
      configOverrides: {
        smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
        mailFrom: 'Orca <invites@orca.example>',
        publicUrl: 'https://orca.example',
      },
    });
    const owner = await orca.signUp();
    const workspace = await orca.createWorkspace(owner, 'Mail Room');
    const invitation = await orca.request('POST', `/api/workspaces/${workspace.id}/invitations`, {
      token: owner.token,
      body: { email: 'newcomer@example.com', role: 'admin' },
    });
    expect(invitation.status).toBe(201);
    expect(invitation.body.emailSent).toBe(true);
    const mail = received.at(-1);
    expect(mail).toMatchObject({ from: 'invites@orca.example', to: ['newcomer@example.com'] });
    expect(mail?.data).toMatch(/Subject: You are invited to Mail Room on Orca/);
    expect(mail?.data.replace(/=\r\n/g, '')).toContain(
      `https://orca.example/invitations/${invitation.body.token}`,
    );
  });
});

describe('invitation e-mail when the SMTP server is down', () => {
  let orca: TestPlatform;
  afterAll(() => orca?.close());

  it('still creates the invitation, says no e-mail went out, and logs why without the link', async () => {
    const logged: string[] = [];
    orca = await startTestPlatform({
      configuredMailer: true,
      configOverrides: { smtpUrl: 'smtp://127.0.0.1:1' },
      logger: {
        info: () => undefined,
        error: (message, error) => void logged.push(`${message} ${String(error)}`),
      },
    });
    const owner = await orca.signUp();
    const workspace = await orca.createWorkspace(owner, 'Offline Mail');
    const invitation = await orca.request('POST', `/api/workspaces/${workspace.id}/invitations`, {
      token: owner.token,
      body: { email: 'waiting@example.com' },
    });
    expect(invitation.status).toBe(201);
    expect(invitation.body.emailSent).toBe(false);
    expect(logged.join('\n')).toMatch(/invitation e-mail could not be sent/);
    expect(logged.join('\n')).not.toContain(invitation.body.token);
    const list = await orca.request('GET', `/api/workspaces/${workspace.id}/invitations`, {
      token: owner.token,
    });
    expect(list.body.items).toHaveLength(1);
  });
});
