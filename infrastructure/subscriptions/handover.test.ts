import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverDatabase, type TestDatabase } from '../testing/databases';
import { appliedEventIds, catchUp, eventually, failingBatch, note, recordingProjection, uniqueName } from '../testing/recording-projection';
import { readFeed } from '../event-store/read';
import { startOfFeed } from '../event-store/types';
import { ensureSubscriptions, LeaseLost } from './checkpoints';
import { runBatch, startRunner, type Subscription } from './runner';
import { eventsAppended } from './wakeup';

const leaseOf = (db: TestDatabase, name: string) =>
  db.query<{ owner: string | null; updated: string }>(
    `SELECT lease_owner AS owner, updated_at::text AS updated FROM subscriptions WHERE name = $1`,
    [name],
  ).then(([row]) => row!);

describe('subscription leases and wake-ups on the server database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await serverDatabase();
  });
  afterAll(() => db.drop());

  it('hands a stopped runner’s subscriptions to the next runner at once, not when its lease runs out', async () => {
    const projection = recordingProjection(uniqueName('handover'));
    await projection.setup(db);
    await note(db);
    const first = startRunner({ db, subscriptions: [projection], leaseMs: 120_000, pollMs: 50 });
    await eventually(() => appliedEventIds(db, projection.name), (ids) => ids.length === 1);
    await first.stop();
    expect((await leaseOf(db, projection.name)).owner).toBeNull();
    const second = startRunner({ db, subscriptions: [projection], leaseMs: 120_000, pollMs: 50 });
    try {
      await note(db);
      await eventually(() => appliedEventIds(db, projection.name), (ids) => ids.length === 2, 10_000);
      expect((await leaseOf(db, projection.name)).owner).toBe(second.owner);
    } finally {
      await second.stop();
    }
  });

  it('rolls a batch back when its checkpoint moved under it, though its lease is still its own', async () => {
    const recording = recordingProjection(uniqueName('moved'));
    await recording.setup(db);
    await ensureSubscriptions(db, [recording.name]);
    const [noted] = (await note(db)).events;
    const overtaken: Subscription = {
      ...recording,
      async apply(work, events) {
        await recording.apply(work, events);
        // Committed elsewhere meanwhile, as a rebuild's swap or a batch that read just before this one took the lock.
        await db.query(`UPDATE subscriptions SET checkpoint_transaction_id = $2::xid8, checkpoint_position = $3::bigint WHERE name = $1`, [
          recording.name, noted!.transactionId, noted!.globalPosition,
        ]);
      },
    };
    expect(await failingBatch(db, overtaken, 'overtaken', 60_000)).toBeInstanceOf(LeaseLost);
    expect(await appliedEventIds(db, recording.name)).toEqual([]);
  });

  it('writes nothing for a batch with no news while its lease is fresh', async () => {
    const projection = recordingProjection(uniqueName('quiet'));
    await projection.setup(db);
    await ensureSubscriptions(db, [projection.name]);
    await note(db);
    await catchUp(db, projection, 'quiet');
    const before = await leaseOf(db, projection.name);
    // The lease catchUp took lasts a minute: a batch now has nothing to say.
    for (let i = 0; i < 3; i++) expect(await runBatch(db, projection, 'quiet', { leaseMs: 60_000 })).toMatchObject({ events: 0 });
    expect(await leaseOf(db, projection.name)).toEqual(before);
  });

  it('looks again soon when a transaction that appends nothing holds the feed back, without waiting for a poll', async () => {
    const projection = recordingProjection(uniqueName('held'));
    await projection.setup(db);
    await ensureSubscriptions(db, [projection.name]);
    const runner = startRunner({ db, subscriptions: [projection], pollMs: 600_000 });
    try {
      let release!: () => void;
      const holding = new Promise<void>((resolve) => (release = resolve));
      let opened!: () => void;
      const isOpen = new Promise<void>((resolve) => (opened = resolve));
      // Draws a transaction id, as a projection's batch does, and stays open.
      const blocker = db.transaction(async (tx) => {
        await tx.query('SELECT pg_current_xact_id()');
        opened();
        await holding;
      });
      await isOpen;
      const [noted] = (await note(db)).events;
      eventsAppended(); // In this process only: no NOTIFY that would wake the runner again later.
      const page = await readFeed(db, startOfFeed, 100_000);
      expect(page.heldBack).toBe(true);
      expect(page.events.map((e) => e.eventId)).not.toContain(noted!.eventId);
      expect(await appliedEventIds(db, projection.name)).not.toContain(noted!.eventId);
      release();
      await blocker;
      // Woken once, the runner found the event held back: it must find it without another wake-up or poll.
      await eventually(() => appliedEventIds(db, projection.name), (ids) => ids.includes(noted!.eventId), 5_000);
    } finally {
      await runner.stop();
    }
  });
});
