// notify.email: send an e-mail through the Orca's SMTP server (ORCA_SMTP_URL). The Message-ID
// comes from the step's key, the same on every attempt, so a message sent again after a retry or
// a crash carries the same Message-ID and mail clients and receivers can recognise the copy.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { ToolError } from '../tool-error.ts';
import type { OutgoingMail } from '../tool-services.ts';

const attachmentsLimitBytes = 10 * 1024 * 1024;

const address = z.email({ error: 'each address must be an e-mail address such as ada@example.com' });
const addresses = z
  .union([address, z.array(address).min(1).max(50)])
  .transform((value) => (Array.isArray(value) ? value : [value]));

const attachment = z
  .strictObject({
    filename: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[^/\\\r\n]+$/, 'filename must be a plain file name such as report.csv'),
    content: z.string(),
    contentType: z
      .string()
      .regex(/^[\w.+-]+\/[\w.+-]+(;.*)?$/, 'contentType must be a media type such as text/csv')
      .optional(),
    encoding: z
      .enum(['utf8', 'base64'])
      .default('utf8')
      .describe('How content is written: text, or base64 bytes.'),
  })
  .refine(
    (value) => value.encoding !== 'base64' || /^[A-Za-z0-9+/]*={0,2}$/.test(value.content.replace(/\s/g, '')),
    'content is not valid base64',
  );

const input = z
  .strictObject({
    to: addresses.describe('One address or a list.'),
    cc: addresses.optional(),
    bcc: addresses.optional(),
    replyTo: address.optional(),
    subject: z
      .string()
      .min(1)
      .max(300)
      .regex(/^[^\r\n]*$/, 'subject must be one line'),
    text: z.string().max(5_000_000).optional(),
    html: z.string().max(5_000_000).optional(),
    attachments: z.array(attachment).max(20).default([]).describe('At most 10 MB in all.'),
  })
  .refine((value) => value.text !== undefined || value.html !== undefined, 'give text, html or both');

const output = z.object({
  messageId: z.string(),
  accepted: z.array(z.string()).describe('Recipients the server took.'),
  rejected: z.array(z.string()).describe('Recipients the server refused.'),
});

// Enough to label the files agents usually attach; anything else goes as plain bytes.
const contentTypes: Record<string, string> = {
  csv: 'text/csv',
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  json: 'application/json',
  xml: 'application/xml',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  zip: 'application/zip',
};

function contentTypeOf(filename: string, encoding: 'utf8' | 'base64'): string {
  const extension = filename.split('.').pop()?.toLowerCase() ?? '';
  const known = contentTypes[extension];
  if (known) return known.startsWith('text/') ? `${known}; charset=utf-8` : known;
  return encoding === 'utf8' ? 'text/plain; charset=utf-8' : 'application/octet-stream';
}

/** Fields nodemailer puts on the errors it raises; other mail services may set them too. */
interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  rejected?: unknown;
}

/**
 * SMTP replies in 5xx are permanent: sending the same message again gets the same answer. 503
 * (bad sequence of commands) is the exception, a confused session that a new connection cures.
 * Replies in 4xx and failures without a reply (a refused connection, a timeout) may pass.
 */
function asMailError(error: unknown, signal: AbortSignal): ToolError {
  if (error instanceof ToolError) return error;
  if (signal.aborted)
    return new ToolError('cancelled', 'Sending the e-mail was cancelled.', { cause: error });
  const failure: SmtpFailure = typeof error === 'object' && error !== null ? error : {};
  const reply = failure.response ?? (error instanceof Error ? error.message : String(error));
  const details = {
    smtpCode: failure.code,
    responseCode: failure.responseCode,
    response: failure.response,
    command: failure.command,
    rejected: failure.rejected,
  };
  if (failure.code === 'EAUTH') {
    return new ToolError(
      'not_configured',
      `The mail server refused Orca's login (${reply}). An operator must check the user and password in ORCA_SMTP_URL.`,
      { details, cause: error },
    );
  }
  const responseCode = failure.responseCode;
  if (responseCode !== undefined && responseCode >= 500 && responseCode < 600 && responseCode !== 503) {
    return new ToolError(
      'network',
      `The mail server refused the message${failure.command ? ` at ${failure.command}` : ''}: ${reply}. ` +
        'Check the recipients and the content; sending it again would be refused again.',
      { retryable: false, details, cause: error },
    );
  }
  return new ToolError('network', `The e-mail could not be sent now: ${reply}. It can be retried later.`, {
    retryable: true,
    details,
    cause: error,
  });
}

export const notifyEmailTool = defineTool({
  name: 'notify.email',
  description:
    'Send an e-mail (text, HTML or both, with optional cc, bcc, reply-to and attachments) through the SMTP ' +
    'server the operator configured. Returns the Message-ID and which recipients the server accepted.',
  input,
  output,
  sideEffect: true,
  async run(request, context) {
    const { mail } = context.services;
    if (!mail.configured) {
      throw new ToolError(
        'not_configured',
        'E-mail is not set up on this Orca. An operator must set ORCA_SMTP_URL ' +
          '(such as smtp://user:pass@mail.example.com:587) and restart Orca.',
      );
    }
    const attachments = request.attachments.map((file) => ({
      filename: file.filename,
      contentType: file.contentType ?? contentTypeOf(file.filename, file.encoding),
      content: Buffer.from(file.content, file.encoding),
    }));
    const totalBytes = attachments.reduce((sum, file) => sum + file.content.byteLength, 0);
    if (totalBytes > attachmentsLimitBytes) {
      throw new ToolError(
        'too_large',
        `The attachments come to ${totalBytes} bytes, more than the ${attachmentsLimitBytes} an e-mail may carry. ` +
          'Attach less, or save the files and send a link.',
        { details: { totalBytes, limitBytes: attachmentsLimitBytes } },
      );
    }
    const digest = createHash('sha256').update(context.stepKey).digest('hex').slice(0, 32);
    const message: OutgoingMail = {
      to: request.to,
      cc: request.cc,
      bcc: request.bcc,
      replyTo: request.replyTo,
      subject: request.subject,
      text: request.text,
      html: request.html,
      messageId: `<orca.${digest}@orca.local>`,
      headers: {
        // RFC 3834: marks the message as automatic, so vacation responders do not answer it.
        'Auto-Submitted': 'auto-generated',
        'X-Orca-Run-Id': context.runId,
      },
      attachments,
    };
    try {
      const sent = await mail.send(message);
      context.logger.info('E-mail sent', { messageId: sent.messageId, accepted: sent.accepted.length });
      return sent;
    } catch (error) {
      throw asMailError(error, context.signal);
    }
  },
});
