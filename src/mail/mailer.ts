// Outgoing e-mail. SMTP when ORCA_SMTP_URL is configured; otherwise nothing is sent and callers
// tell the user so (the invitation link is then shown to the inviter instead). One SMTP transport
// serves both the platform's own messages (invitations) and agents' notify.email, through
// mailService().
import nodemailer from 'nodemailer';
import type { MailService, OutgoingMail } from '../runtime/tool-services.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export type SentMail = Awaited<ReturnType<MailService['send']>>;

export interface Mailer {
  readonly configured: boolean;
  send(message: MailMessage): Promise<void>;
  /**
   * Sends a full message (copies, HTML, attachments, a chosen Message-ID) and reports which
   * recipients the server took. Mailers that only send the platform's simple messages leave it out.
   */
  deliver?(message: OutgoingMail): Promise<SentMail>;
}

export const disabledMailer: Mailer = {
  configured: false,
  send: async () => undefined,
};

function addressOf(recipient: string | { address: string }): string {
  return typeof recipient === 'string' ? recipient : recipient.address;
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  const deliver = async (message: OutgoingMail): Promise<SentMail> => {
    const info = await transport.sendMail({
      from,
      to: message.to,
      cc: message.cc,
      bcc: message.bcc,
      replyTo: message.replyTo,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
      headers: message.headers,
      attachments: message.attachments,
    });
    return {
      messageId: info.messageId,
      accepted: info.accepted.map(addressOf),
      rejected: info.rejected.map(addressOf),
    };
  };
  return {
    configured: true,
    send: async (message) => {
      await deliver({ to: [message.to], subject: message.subject, text: message.text });
    },
    deliver,
  };
}

/**
 * The mailer as the MailService agents' tools send through. A mailer that cannot deliver full
 * messages (disabledMailer, a test's recorder) counts as not configured, so notify.email says
 * that ORCA_SMTP_URL is missing rather than dropping the parts it cannot send.
 */
export function mailService(mailer: Mailer): MailService {
  const { deliver } = mailer;
  if (!mailer.configured || deliver === undefined) {
    return {
      configured: false,
      send: async () => {
        throw new Error('No SMTP server is configured: set ORCA_SMTP_URL to send e-mail.');
      },
    };
  }
  return { configured: true, send: (message) => deliver(message) };
}
