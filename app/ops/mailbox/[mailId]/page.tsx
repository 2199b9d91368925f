import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { formatDateTime } from '@/components/format';
import { MailBody } from '@/components/ops/mail-body';
import { isOperator } from '@/infrastructure/auth/ops-session';
import { mailboxMail } from '@/infrastructure/queries/mailbox';
import { database } from '@/infrastructure/runtime';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Delivered message' };

export default async function MailPage({ params }: { readonly params: Promise<{ mailId: string }> }) {
  if (!(await isOperator())) redirect('/ops');
  const mail = await mailboxMail(await database(), (await params).mailId);
  if (!mail) notFound();
  return (
    <>
      <p>
        <Link href="/ops/mailbox">Mailbox</Link>
      </p>
      <h1>{mail.subject}</h1>
      <dl>
        <dt>To</dt>
        <dd>{mail.recipient}</dd>
        <dt>Sent</dt>
        <dd>{formatDateTime(mail.sentAt)}</dd>
      </dl>
      <MailBody text={mail.text} />
    </>
  );
}
