import type { Db } from '../db/client';

export type MailboxMail = {
  readonly id: string;
  readonly recipient: string;
  readonly subject: string;
  readonly text: string;
  readonly sentAt: string;
};

const columns = `id::text AS id, recipient, subject, body AS text, sent_at::text AS "sentAt"`;

/** Mail delivered into the console's Mailbox (no SMTP_URL), newest first. */
export function mailboxMails(db: Db, limit = 200): Promise<MailboxMail[]> {
  return db.query<MailboxMail>(
    `SELECT ${columns} FROM outbox_mail WHERE transport = 'mailbox' ORDER BY sent_at DESC, id LIMIT $1`,
    [limit],
  );
}

export async function mailboxMail(db: Db, id: string): Promise<MailboxMail | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [mail] = await db.query<MailboxMail>(`SELECT ${columns} FROM outbox_mail WHERE transport = 'mailbox' AND id = $1::uuid`, [id]);
  return mail ?? null;
}
