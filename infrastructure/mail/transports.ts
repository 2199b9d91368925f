import nodemailer from 'nodemailer';
import { mailboxTransport, type MailTransport } from './sender';

/** Through an SMTP server; the Message-ID is the mail's id, the same on every attempt. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async deliver(mail) {
      await transporter.sendMail({ from, to: mail.recipient, subject: mail.subject, text: mail.text, html: mail.html, messageId: `<${mail.id}@seatwise>` });
    },
  };
}

/** `SMTP_URL` (e.g. `smtp://user:pass@mail.example:587`), else the console's Mailbox; `MAIL_FROM` names the sender. */
export function configuredTransport(env: NodeJS.ProcessEnv = process.env): MailTransport {
  const url = env.SMTP_URL?.trim();
  return url ? smtpTransport(url, env.MAIL_FROM?.trim() || 'Seatwise <no-reply@seatwise.example>') : mailboxTransport;
}
