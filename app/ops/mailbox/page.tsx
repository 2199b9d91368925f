import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { MailboxTable } from '@/components/ops/mailbox-table';
import { isOperator } from '@/infrastructure/auth/ops-session';
import { mailboxMails } from '@/infrastructure/queries/mailbox';
import { database } from '@/infrastructure/runtime';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Delivered mail' };

export default async function MailboxPage() {
  if (!(await isOperator())) redirect('/ops');
  const mails = await mailboxMails(await database());
  return (
    <>
      <p>
        <Link href="/ops">Operations</Link>
      </p>
      <h1>Mailbox</h1>
      <p className="lead">Without SMTP_URL, the app delivers its mail here instead of to the recipients.</p>
      <MailboxTable rows={mails.map(({ id, recipient, subject, sentAt }) => ({ id, recipient, subject, sentAt }))} />
      {mails.length === 0 ? <p>No mail yet.</p> : null}
    </>
  );
}
