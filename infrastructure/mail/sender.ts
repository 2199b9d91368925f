import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Db } from '../db/client';
import { logger } from '../logger';
import { processWide } from '../process-wide';
import { createSleeper } from '../subscriptions/sleeper';

export type OutboxMail = { readonly id: string; readonly recipient: string; readonly subject: string; readonly text: string; readonly html: string };

/** Where mail goes. Delivering either succeeds (the mail is out) or throws (it was not). */
export type MailTransport = { readonly name: 'smtp' | 'mailbox'; deliver(mail: OutboxMail): Promise<void> };

/** Without SMTP_URL, mail goes to the operator console's Mailbox: the outbox row, marked sent, is the mailbox. */
export const mailboxTransport: MailTransport = { name: 'mailbox', deliver: async () => undefined };

export type SenderOptions = {
  readonly db: Db;
  readonly transport: MailTransport;
  readonly owner?: string;
  /** How long a claimed mail stays this sender's: a sender that died mid-delivery lets go of it after this. */
  readonly claimMs?: number;
  readonly pollMs?: number;
  /** A failed delivery is tried again after 1×, 2×, 4×… this (at most 10 minutes). */
  readonly retryBaseMs?: number;
};

export type MailSender = { stop(): Promise<void> };

const queued = processWide('mailQueued', () => new EventEmitter().setMaxListeners(50));

/** Called after a commit that wrote outbox mail: senders in this process look at once. */
export const mailQueued = () => void queued.emit('queued');

const retryCapMs = 10 * 60_000;

/**
 * Claims the oldest mail due, for `claimMs`, in one statement (a transaction as short as can
 * be: nothing is held while the mail travels, so no reader of the event feed waits for it).
 * Due by the statement's time, which the index on next_attempt_at can use (see fireDueTimer).
 */
async function claim(db: Db, owner: string, claimMs: number): Promise<OutboxMail | null> {
  const [mail] = await db.query<OutboxMail>(
    `UPDATE outbox_mail SET claimed_by = $1, claimed_until = clock_timestamp() + $2::integer * interval '1 millisecond', attempts = attempts + 1
     WHERE id = (
       SELECT id FROM outbox_mail
       WHERE sent_at IS NULL AND next_attempt_at <= statement_timestamp() AND (claimed_until IS NULL OR claimed_until < clock_timestamp())
       ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED
     )
     RETURNING id::text AS id, recipient, subject, body AS text, html`,
    [owner, claimMs],
  );
  return mail ?? null;
}

/** Only while the claim is still this sender's: one that took over after a stall has it now. */
async function markSent(db: Db, mail: OutboxMail, owner: string, transport: MailTransport['name']) {
  await db.query(
    `UPDATE outbox_mail SET sent_at = clock_timestamp(), transport = $3, claimed_by = NULL, claimed_until = NULL, last_error = NULL
     WHERE id = $1::uuid AND claimed_by = $2 AND sent_at IS NULL`,
    [mail.id, owner, transport],
  );
}

async function postpone(db: Db, mail: OutboxMail, owner: string, error: unknown, baseMs: number) {
  await db.query(
    `UPDATE outbox_mail SET claimed_by = NULL, claimed_until = NULL, last_error = $3,
       next_attempt_at = clock_timestamp() + least($5::float8, $4::float8 * power(2, attempts - 1)) * interval '1 millisecond'
     WHERE id = $1::uuid AND claimed_by = $2 AND sent_at IS NULL`,
    [mail.id, owner, error instanceof Error ? error.message : String(error), baseMs, retryCapMs],
  );
}

/**
 * Drains the outbox, one mail at a time. A mail marked sent is never sent again, by any sender,
 * and a rebuild of the outbox subscription adds no row; a delivery that failed is tried again
 * later. The one window left: a sender that dies after the server took the mail and before it
 * is marked sent delivers it again once its claim runs out (the Message-ID is the mail id, so a
 * receiving system can tell).
 */
export function startMailSender(options: SenderOptions): MailSender {
  const { db, transport } = options;
  const owner = options.owner ?? `mailer-${randomUUID()}`;
  const [claimMs, pollMs, retryBaseMs] = [options.claimMs ?? 60_000, options.pollMs ?? 1_000, options.retryBaseMs ?? 1_000];
  const sleeper = createSleeper();
  queued.on('queued', sleeper.wakeAll);
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      // Noted before looking: mail queued while this sender looks is not slept through.
      const wakes = sleeper.wakes();
      try {
        const mail = await claim(db, owner, claimMs);
        if (!mail) {
          await sleeper.sleep(pollMs, wakes);
          continue;
        }
        try {
          await transport.deliver(mail);
        } catch (error) {
          logger.warn({ mailId: mail.id, err: error }, 'mail not delivered, will retry');
          await postpone(db, mail, owner, error, retryBaseMs);
          continue;
        }
        await markSent(db, mail, owner, transport.name);
        logger.info({ mailId: mail.id, transport: transport.name }, 'mail sent');
      } catch (error) {
        logger.warn({ err: error }, 'mail sender failed');
        await sleeper.sleep(pollMs);
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      queued.off('queued', sleeper.wakeAll);
      sleeper.wakeAll();
      await loop;
    },
  };
}
