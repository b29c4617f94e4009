// Outgoing e-mail. SMTP when ORCA_SMTP_URL is configured; otherwise nothing is sent and callers
// tell the user so (the invitation link is then shown to the inviter instead).
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly configured: boolean;
  send(message: MailMessage): Promise<void>;
}

export const disabledMailer: Mailer = {
  configured: false,
  send: async () => undefined,
};

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    configured: true,
    send: async (message) => {
      await transport.sendMail({ from, ...message });
    },
  };
}
