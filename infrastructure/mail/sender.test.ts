import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverDatabase, type TestDatabase } from '../testing/databases';
import { eventually } from '../testing/recording-projection';

/** A real SMTP server that records each mail it accepted, and can refuse or stall chosen ones once. */
async function startSmtpServer(behaviour: { refuseOnce: string; stallOnce: string; onStall: () => void }) {
  const accepted: { id: string; raw: string }[] = [];
  const seen = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const id = /^Message-ID:\s*<([^@>]+)@seatwise>/im.exec(raw)?.[1] ?? 'unknown';
        const first = !seen.has(id);
        seen.add(id);
        if (first && id === behaviour.refuseOnce) return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
        // Never answered: the sender waits until it is killed, so this delivery never completed.
        if (first && id === behaviour.stallOnce) return behaviour.onStall();
        accepted.push({ id, raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return { url: `smtp://127.0.0.1:${port}`, accepted, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('the mail sender, through a real SMTP server, across a crash (server PostgreSQL)', () => {
  let db: TestDatabase;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    db = await serverDatabase();
  });
  afterAll(async () => {
    children.forEach((child) => child.kill('SIGKILL'));
    await db.drop();
  });

  const startSender = async (smtpUrl: string) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'infrastructure/testing/mail-sender-process.ts', db.schema, smtpUrl, '1000'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    await new Promise((resolve) => child.stdout!.once('data', resolve));
    return child;
  };
  const sentIds = async () =>
    (await db.query<{ id: string }>('SELECT id::text AS id FROM outbox_mail WHERE sent_at IS NOT NULL ORDER BY id')).map((row) => row.id);

  it('delivers each mail exactly once: a refused one is retried, and one in flight when its sender died is sent by the next', async () => {
    const ids = Array.from({ length: 6 }, () => randomUUID());
    const [refused, stalled] = [ids[1]!, ids[3]!];
    let stalledNow: () => void = () => undefined;
    const stall = new Promise<void>((resolve) => (stalledNow = resolve));
    const smtp = await startSmtpServer({ refuseOnce: refused, stallOnce: stalled, onStall: () => stalledNow() });
    try {
      await db.query(
        `INSERT INTO outbox_mail (id, order_id, recipient, subject, body, html)
         SELECT id, 'order-1', id || '@example.com', 'Your registration is confirmed', 'Thank you.', '<p>Thank you.</p>' FROM unnest($1::uuid[]) AS id`,
        [ids],
      );
      const first = await startSender(smtp.url);
      await stall;
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      expect(await sentIds()).not.toContain(stalled);

      const second = await startSender(smtp.url);
      await eventually(sentIds, (sent) => sent.length === ids.length, 30_000);
      second.kill('SIGKILL');

      expect(smtp.accepted.map((mail) => mail.id).sort()).toEqual([...ids].sort());
      const [refusedRow] = await db.query<{ attempts: number; transport: string }>('SELECT attempts, transport FROM outbox_mail WHERE id = $1', [refused]);
      expect(refusedRow).toEqual({ attempts: 2, transport: 'smtp' });
      // Plain text and HTML, as one message.
      const raw = smtp.accepted[0]!.raw;
      expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
      expect(raw).toMatch(/Content-Type: text\/plain/i);
      expect(raw).toMatch(/Content-Type: text\/html/i);
    } finally {
      await smtp.close();
    }
  });
});
