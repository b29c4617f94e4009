// notify.email through the platform mailer to a real SMTP server on 127.0.0.1 (the smtp-server
// package). The server refuses recipients at refused.example for good (550) and defers those at
// busy.example (451), as real servers do.
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolContext } from '../../../test/support/tool-context.ts';
import { disabledMailer, mailService, smtpMailer } from '../../mail/mailer.ts';
import type { ToolContext } from '../tool.ts';
import { ToolError } from '../tool-error.ts';
import { notifyEmailTool } from './notify-email.ts';

interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

const received: ReceivedMail[] = [];
let smtp: SMTPServer;
let smtpUrl: string;

function smtpReply(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.example'))
        return callback(smtpReply('5.1.1 Mailbox unavailable', 550));
      if (address.address.endsWith('@busy.example')) return callback(smtpReply('4.3.2 Try again later', 451));
      callback();
    },
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
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const mailingContext = (overrides: Partial<Omit<ToolContext, 'services'>> = {}, url = smtpUrl) =>
  toolContext({
    ...overrides,
    services: { mail: mailService(smtpMailer(url, 'Orca <agents@orca.example>')) },
  });

const send = (input: Record<string, unknown>, context = mailingContext()) =>
  notifyEmailTool.run(notifyEmailTool.input.parse(input), context);

async function failure(promise: Promise<unknown>): Promise<ToolError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ToolError);
  return error as ToolError;
}

const expectedMessageId = `<orca.${createHash('sha256').update('run-1:step').digest('hex').slice(0, 32)}@orca.local>`;

describe('notify.email', () => {
  it('delivers text, HTML and an attachment to every recipient, with a Message-ID from the step', async () => {
    const csv = 'name,score\nAda,9\n';
    const result = await send({
      to: 'ada@example.com',
      cc: ['grace@example.com'],
      bcc: 'audit@example.com',
      replyTo: 'sales@example.com',
      subject: 'Weekly leads',
      text: 'Three new leads this week.',
      html: '<p>Three <b>new</b> leads this week.</p>',
      attachments: [
        { filename: 'leads.csv', content: csv },
        { filename: 'logo.bin', content: Buffer.from([0, 1, 2, 255]).toString('base64'), encoding: 'base64' },
      ],
    });
    expect(result).toEqual({
      messageId: expectedMessageId,
      accepted: ['ada@example.com', 'grace@example.com', 'audit@example.com'],
      rejected: [],
    });
    const mail = received.at(-1);
    expect(mail?.from).toBe('agents@orca.example');
    expect(mail?.to).toEqual(['ada@example.com', 'grace@example.com', 'audit@example.com']);
    const data = mail?.data ?? '';
    expect(data).toContain(`Message-ID: ${expectedMessageId}`);
    expect(data).toContain('Subject: Weekly leads');
    expect(data).toContain('To: ada@example.com');
    expect(data).toContain('Cc: grace@example.com');
    expect(data).toContain('Reply-To: sales@example.com');
    expect(data).not.toContain('audit@example.com');
    expect(data).toContain('Auto-Submitted: auto-generated');
    expect(data).toContain('Three new leads this week.');
    expect(data).toContain('<p>Three <b>new</b> leads this week.</p>');
    expect(data).toMatch(/Content-Type: text\/csv; charset=utf-8; name=leads\.csv/);
    expect(data).toMatch(/Content-Disposition: attachment; filename=leads\.csv/);
    expect(data).toContain(Buffer.from(csv).toString('base64'));
    expect(data).toMatch(/Content-Type: application\/octet-stream; name=logo\.bin/);
    expect(data).toContain('AAEC/w==');
  });

  it('sends a retried step with the same Message-ID, so the copy can be recognised', async () => {
    const second = await send(
      { to: 'ada@example.com', subject: 'Again', text: 'Same step.' },
      mailingContext({ attempt: 2, idempotencyKey: 'run-1:step:2' }),
    );
    expect(second.messageId).toBe(expectedMessageId);
    const other = await send(
      { to: 'ada@example.com', subject: 'Other', text: 'Other step.' },
      mailingContext({ stepKey: 'run-1:other' }),
    );
    expect(other.messageId).not.toBe(expectedMessageId);
  });

  it('reports recipients the server refused when others were accepted', async () => {
    const result = await send({
      to: ['ada@example.com', 'nobody@refused.example'],
      subject: 'Hi',
      text: 'Hello.',
    });
    expect(result.accepted).toEqual(['ada@example.com']);
    expect(result.rejected).toEqual(['nobody@refused.example']);
    expect(received.at(-1)?.to).toEqual(['ada@example.com']);
  });

  it('fails for good when the server refuses every recipient, naming its answer', async () => {
    const refused = await failure(send({ to: 'nobody@refused.example', subject: 'Hi', text: 'Hello.' }));
    expect(refused).toMatchObject({ code: 'network', retryable: false, details: { responseCode: 550 } });
    expect(refused.message).toMatch(/550 5\.1\.1 Mailbox unavailable/);
  });

  it('fails retryably when the server defers the message or cannot be reached', async () => {
    const deferred = await failure(send({ to: 'someone@busy.example', subject: 'Hi', text: 'Hello.' }));
    expect(deferred).toMatchObject({ code: 'network', retryable: true, details: { responseCode: 451 } });
    expect(deferred.message).toMatch(/451 4\.3\.2 Try again later/);
    const unreachable = await failure(
      send(
        { to: 'ada@example.com', subject: 'Hi', text: 'Hello.' },
        mailingContext({}, 'smtp://127.0.0.1:1'),
      ),
    );
    expect(unreachable).toMatchObject({ code: 'network', retryable: true });
    expect(unreachable.message).toMatch(/ECONNREFUSED/);
  });

  it('tells the operator to set ORCA_SMTP_URL when no SMTP server is configured', async () => {
    for (const context of [toolContext(), toolContext({ services: { mail: mailService(disabledMailer) } })]) {
      const missing = await failure(send({ to: 'ada@example.com', subject: 'Hi', text: 'Hello.' }, context));
      expect(missing).toMatchObject({ code: 'not_configured', retryable: false });
      expect(missing.message).toMatch(/ORCA_SMTP_URL.*smtp:\/\/user:pass@mail\.example\.com:587/);
    }
  });

  it('refuses attachments over 10 MB in all', async () => {
    const large = 'x'.repeat(6 * 1024 * 1024);
    const tooLarge = await failure(
      send({
        to: 'ada@example.com',
        subject: 'Files',
        text: 'Attached.',
        attachments: [
          { filename: 'a.txt', content: large },
          { filename: 'b.txt', content: large },
        ],
      }),
    );
    expect(tooLarge.code).toBe('too_large');
  });

  it('validates its input with messages that say what to fix', () => {
    const result = notifyEmailTool.input.safeParse({
      to: ['ada@example.com', 'not an address'],
      subject: 'Two\nlines',
      attachments: [{ filename: '../etc/passwd', content: '!!', encoding: 'base64' }],
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message).join('; ');
    expect(messages).toMatch(/e-mail address such as/);
    expect(messages).toMatch(/subject must be one line/);
    expect(messages).toMatch(/plain file name/);
    expect(messages).toMatch(/not valid base64/);
    const bodiless = notifyEmailTool.input.safeParse({ to: 'ada@example.com', subject: 'Hi' });
    expect(bodiless.error?.issues.map((issue) => issue.message)).toContain('give text, html or both');
  });
});

describe('the platform mailer', () => {
  it('still sends the simple messages invitations use', async () => {
    await smtpMailer(smtpUrl, 'Orca <invites@orca.example>').send({
      to: 'newcomer@example.com',
      subject: 'You are invited',
      text: 'Join us.',
    });
    expect(received.at(-1)).toMatchObject({ from: 'invites@orca.example', to: ['newcomer@example.com'] });
    expect(received.at(-1)?.data).toContain('Subject: You are invited');
  });
});
