import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@/domain/shared/decider';
import type { Database, Db } from '../db/client';
import { engines, serverDatabase, type TestDatabase } from '../testing/databases';
import { appliedEventIds, catchUp, eventually, note, recordingProjection, storedEventIds, uniqueName } from '../testing/recording-projection';
import { ensureSubscriptions, resetCheckpoint } from './checkpoints';
import { runBatch, startRunner, type Subscription } from './runner';
import { appendToStream } from '../event-store/append';
import { schedule } from './timers';
import { eventsAppended, wakeupChannel } from './wakeup';

const checkpointOf = (db: Db, name: string) =>
  db.query<{ position: string | null }>('SELECT checkpoint_position::text AS position FROM subscriptions WHERE name = $1', [name]).then(([row]) => row?.position ?? null);

const testMetadata = () => ({ commandId: null, correlationId: randomUUID(), causationId: null, actor: 'test', recordedAt: new Date().toISOString() });

/** Two projections, one reading `Noted` and one `Other`, run by a runner that polls only once a minute. */
async function twoReadersRunning(db: Database) {
  const readsNoted = { ...recordingProjection(uniqueName('noted')), eventTypes: ['Noted'] };
  const readsOther = { ...recordingProjection(uniqueName('other')), eventTypes: ['Other'] };
  await Promise.all([readsNoted.setup(db), readsOther.setup(db)]);
  return { readsNoted, readsOther, runner: startRunner({ db, subscriptions: [readsNoted, readsOther], pollMs: 60_000 }) };
}

/** Where a subscription started by a runner stands once its first batch read to the end of the feed. */
async function caughtUp(db: Db, name: string) {
  const [{ head }] = await db.query<{ head: string }>('SELECT coalesce(max(global_position), 0)::text AS head FROM events') as [{ head: string }];
  return eventually(() => checkpointOf(db, name), (position) => position !== null && BigInt(position) >= BigInt(head));
}

describe.each(engines)('subscription runner on %s', (_engine, open) => {
  let db: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.drop());

  it('catches up with existing events and follows new ones', async () => {
    const projection = recordingProjection(uniqueName('follow'), { batchSize: 7 });
    await projection.setup(db);
    for (let i = 0; i < 20; i++) await note(db);
    const runner = startRunner({ db, subscriptions: [projection], pollMs: 5_000 });
    try {
      await eventually(() => appliedEventIds(db, projection.name), (ids) => ids.length === 20);
      await note(db);
      eventsAppended(db);
      // The in-process wake-up, not the 5 s poll, brings the new event in.
      await eventually(() => appliedEventIds(db, projection.name), (ids) => ids.length === 21, 3_000);
      expect(await appliedEventIds(db, projection.name)).toEqual(await storedEventIds(db));
    } finally {
      await runner.stop();
    }
  });

  it('wakes only the subscriptions that read a type just appended', async () => {
    const { readsNoted, readsOther, runner } = await twoReadersRunning(db);
    try {
      const otherCheckpoint = await caughtUp(db, readsOther.name);
      const { events } = await note(db);
      eventsAppended(db, ['Noted']);
      await eventually(() => appliedEventIds(db, readsNoted.name), (ids) => ids.includes(events[0]!.eventId), 3_000);
      // Not woken, it has not looked past the new event: its next poll is a minute away.
      expect(await checkpointOf(db, readsOther.name)).toBe(otherCheckpoint);
      eventsAppended(db);
      await eventually(() => checkpointOf(db, readsOther.name), (position) => BigInt(position!) >= BigInt(events[0]!.globalPosition), 3_000);
    } finally {
      await runner.stop();
    }
  });

  it('redoes a batch whose group commit lost a race command by command, a few events at a time', async () => {
    for (let i = 0; i < 60; i++) await note(db);
    const batches: { events: number; grouped: boolean }[] = [];
    const raced = `raced-${randomUUID()}`;
    const racing: Subscription = {
      name: uniqueName('racing'),
      eventTypes: ['Noted'],
      streamsOf: () => [],
      async apply(work, events) {
        batches.push({ events: events.length, grouped: work.pending !== undefined });
        if (batches.length > 1) return;
        // The first time, another writer moves a stream the batch holds a write for.
        await appendToStream(work.db, { streamId: raced, streamType: 'test', expected: 'no-stream', events: [{ type: 'Raced', data: {} }], metadata: testMetadata() });
        work.pending!.add({ streamId: raced, streamType: 'test', expected: 'no-stream', events: [{ type: 'Raced', data: {} }], metadata: testMetadata() });
      },
    };
    const runner = startRunner({ db, subscriptions: [racing], pollMs: 50, retryBaseMs: 5 });
    try {
      await eventually(async () => batches.length, (n) => n >= 3);
    } finally {
      await runner.stop();
    }
    expect(batches[0]!.grouped).toBe(true);
    // At most 25 of the 60: fewer when a transaction elsewhere on the server holds the feed back.
    expect(batches[1]!.grouped).toBe(false);
    expect(batches[1]!.events).toBeGreaterThan(0);
    expect(batches[1]!.events).toBeLessThanOrEqual(25);
    expect(batches[2]!.grouped).toBe(true);
  });

  it('fires a due timer once, close to its due time', async () => {
    const fired: { message: Message; at: number }[] = [];
    const dueAt = Date.now() + 300;
    await schedule({ db, afterCommit: (f) => f() }, {
      id: randomUUID(),
      dueAt: new Date(dueAt).toISOString(),
      message: { type: 'Ring', data: {} },
    });
    const runner = startRunner({
      db,
      subscriptions: [],
      timers: async (_work, message) => void fired.push({ message, at: Date.now() }),
    });
    try {
      await eventually(async () => fired.length, (n) => n === 1);
      expect(fired[0]!.message).toEqual({ type: 'Ring', data: {} });
      expect(fired[0]!.at - dueAt).toBeLessThan(1_000);
    } finally {
      await runner.stop();
    }
    expect(fired).toHaveLength(1);
  });

  it('dead-letters an event its handler keeps failing on and stops, visibly', async () => {
    for (let i = 0; i < 5; i++) await note(db);
    const poison = (await note(db)).events[0]!.eventId;
    await note(db);
    const projection = recordingProjection(uniqueName('poison'), { failOn: (id) => id === poison });
    await projection.setup(db);
    const runner = startRunner({ db, subscriptions: [projection], maxAttempts: 3, retryBaseMs: 5 });
    try {
      const [status] = await eventually(
        () => db.query<{ status: string; last_error: string }>('SELECT status, last_error FROM subscriptions WHERE name = $1', [projection.name]),
        (rows) => rows[0]?.status === 'stopped',
      );
      expect(status!.last_error).toContain('Noted');
      const letters = await db.query<{ event_id: string; attempts: number }>(
        'SELECT event_id::text AS event_id, attempts FROM dead_letters WHERE subscription = $1',
        [projection.name],
      );
      expect(letters).toEqual([{ event_id: poison, attempts: 3 }]);
      const all = await storedEventIds(db);
      const applied = await appliedEventIds(db, projection.name);
      expect(applied).not.toContain(poison);
      const [{ before }] = (await db.query<{ before: number }>(
        `SELECT count(*)::int AS before FROM events WHERE global_position < (SELECT global_position FROM events WHERE event_id = $1)`,
        [poison],
      )) as [{ before: number }];
      // Everything before the poison event, nothing after it.
      expect(applied).toHaveLength(before);
      expect(all.length).toBeGreaterThan(before + 1);
    } finally {
      await runner.stop();
    }
  });

  it('rebuilds a projection to the same rows it had live', async () => {
    const projection = recordingProjection(uniqueName('rebuild'));
    await projection.setup(db);
    for (let i = 0; i < 10; i++) await note(db);
    const owner = 'rebuilder';
    await ensureSubscriptions(db, [projection.name]);
    await catchUp(db, projection, owner);
    const live = await db.query(`SELECT * FROM ${projection.name}_counts ORDER BY stream_id`);
    await db.transaction(async (tx) => {
      await projection.reset!(tx);
      await resetCheckpoint(tx, projection.name);
    });
    expect(await appliedEventIds(db, projection.name)).toEqual([]);
    await catchUp(db, projection, owner);
    expect(await db.query(`SELECT * FROM ${projection.name}_counts ORDER BY stream_id`)).toEqual(live);
  });
});

describe('subscription runner with concurrent writers and runners (server PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await serverDatabase();
  });
  afterAll(() => db.drop());

  it('never skips an event whose transaction commits after a later one', async () => {
    const projection = recordingProjection(uniqueName('ooo'));
    await projection.setup(db);
    const owner = 'ooo';
    await ensureSubscriptions(db, [projection.name]);
    let commitT1!: () => void;
    const t1Open = new Promise<void>((resolve) => (commitT1 = resolve));
    let t1Appended!: () => void;
    const appended = new Promise<void>((resolve) => (t1Appended = resolve));
    const t1 = db.transaction(async (tx) => {
      await note(tx);
      t1Appended();
      await t1Open;
    });
    await appended;
    await note(db); // T2 commits while T1 is still open.
    await runBatch(db, projection, owner, { leaseMs: 1000 });
    const beforeT1 = await appliedEventIds(db, projection.name);
    commitT1();
    await t1;
    // Other transactions on the server (other test files) may hold the feed back a moment.
    const after = await eventually(
      async () => {
        await runBatch(db, projection, owner, { leaseMs: 1000 });
        return appliedEventIds(db, projection.name);
      },
      (ids) => ids.length === 2,
    );
    expect(beforeT1).toHaveLength(0);
    expect(after).toEqual(await storedEventIds(db));
    expect(after).toHaveLength(2);
  });

  it('survives 8 writers with rollbacks while its runner is killed and restarted', async () => {
    const projection = recordingProjection(uniqueName('soak'), { batchSize: 200 });
    await projection.setup(db);
    const writers = Array.from({ length: 8 }, (_, w) => ({ db: db.connect({ max: 1 }), w }));
    let rolledBack = 0;
    const write = async ({ db: writer, w }: (typeof writers)[number]) => {
      for (let i = 0; i < 2_000; i++) {
        const stream = `soak-${w}-${i % 50}`;
        if (Math.random() < 0.05) {
          rolledBack++;
          await writer
            .transaction(async (tx) => {
              await note(tx, stream);
              throw new Error('roll back');
            })
            .catch(() => undefined);
        } else await note(writer, stream);
      }
    };
    const killer = async (done: () => boolean) => {
      let kills = 0;
      while (!done()) {
        const child = spawn(process.execPath, ['--import', 'tsx', 'infrastructure/testing/runner-process.ts', db.schema, projection.name, `soak-${kills % 2}`, '300'], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        await new Promise((resolve) => child.stdout.once('data', resolve));
        await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 600));
        // A crash: the process dies mid-batch, whatever it was doing.
        child.kill('SIGKILL');
        await new Promise((resolve) => child.once('exit', resolve));
        kills++;
      }
      return kills;
    };
    let writing = true;
    const [kills] = await Promise.all([killer(() => !writing), Promise.all(writers.map(write)).then(() => (writing = false))]);
    expect(kills).toBeGreaterThanOrEqual(3);
    const finalRunner = startRunner({ db, subscriptions: [projection], owner: 'soak-final', leaseMs: 300, pollMs: 50 });
    try {
      const stored = await storedEventIds(db);
      expect(stored.length).toBeGreaterThan(16_000 - rolledBack - 1_000);
      await eventually(
        async () => [
          (await appliedEventIds(db, projection.name)).length,
          stored.length,
          await db.query('SELECT status, last_error, lease_owner FROM subscriptions WHERE name = $1', [projection.name]),
        ],
        ([applied]) => applied === stored.length,
        60_000,
      );
      expect(await appliedEventIds(db, projection.name)).toEqual(await storedEventIds(db));
      const counts = await db.query(`SELECT stream_id, events FROM ${projection.name}_counts ORDER BY stream_id`);
      const folded = await db.query(
        `SELECT stream_id, count(*)::int AS events FROM events WHERE stream_id LIKE 'soak-%' GROUP BY stream_id ORDER BY stream_id`,
      );
      expect(counts.filter((row) => String(row.stream_id).startsWith('soak-'))).toEqual(folded);
    } finally {
      await finalRunner.stop();
    }
  }, 180_000);

  it('lets two runners share a subscription without applying an event twice, and hand over', async () => {
    const projection = recordingProjection(uniqueName('pair'), { batchSize: 20 });
    await projection.setup(db);
    const a = db.connect({ max: 2, applicationName: 'runner-a' });
    const b = db.connect({ max: 2 });
    const runnerA = startRunner({ db: a, subscriptions: [projection], owner: 'a', leaseMs: 500, pollMs: 50 });
    const runnerB = startRunner({ db: b, subscriptions: [projection], owner: 'b', leaseMs: 500, pollMs: 50 });
    try {
      for (let i = 0; i < 200; i++) await note(db);
      const before = (await storedEventIds(db)).length;
      // The whole feed of this schema, the earlier tests' thousands of events too, 20 at a time.
      await eventually(() => appliedEventIds(db, projection.name), (ids) => ids.length === before, 60_000);
      const [{ holder }] = (await db.query<{ holder: string }>('SELECT lease_owner AS holder FROM subscriptions WHERE name = $1', [projection.name])) as [{ holder: string }];
      const survivor = holder === 'a' ? runnerB : runnerA;
      await (holder === 'a' ? runnerA : runnerB).stop(); // the holder stops renewing: a crash, as seen from the lease
      const killedAt = Date.now();
      for (let i = 0; i < 50; i++) await note(db);
      const stored = (await storedEventIds(db)).length;
      await eventually(() => appliedEventIds(db, projection.name), (ids) => ids.length === stored, 5_000);
      expect(Date.now() - killedAt).toBeLessThan(500 + 1_500);
      expect(await appliedEventIds(db, projection.name)).toEqual(await storedEventIds(db));
      await survivor.stop();
      const [{ dead }] = (await db.query<{ dead: number }>('SELECT count(*)::int AS dead FROM dead_letters WHERE subscription = $1', [projection.name])) as [{ dead: number }];
      expect(dead).toBe(0);
    } finally {
      await runnerA.stop();
      await runnerB.stop();
    }
  });

  it('fires a timer once when two runners watch the timers', async () => {
    const fired: string[] = [];
    const handler = async (_work: unknown, _message: Message, id: string) => void fired.push(id);
    const runners = [db.connect({ max: 2 }), db.connect({ max: 2 })].map((runnerDb) => startRunner({ db: runnerDb, subscriptions: [], timers: handler, pollMs: 20 }));
    const ids = Array.from({ length: 20 }, () => randomUUID());
    try {
      for (const id of ids) {
        await schedule({ db, afterCommit: (f) => f() }, { id, dueAt: new Date(Date.now() + 200).toISOString(), message: { type: 'Ring', data: {} } });
      }
      // Handlers run inside the claiming transaction: wait for the last one to commit.
      const unfired = () =>
        db.query<{ n: number }>('SELECT count(*)::int AS n FROM scheduled_commands WHERE fired_at IS NULL').then(([row]) => row!.n);
      await eventually(unfired, (n) => n === 0);
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
    }
    expect([...fired].sort()).toEqual([...ids].sort());
  });

  it('hears the types another process appended through NOTIFY', async () => {
    const { readsNoted, readsOther, runner } = await twoReadersRunning(db);
    try {
      const otherCheckpoint = await caughtUp(db, readsOther.name);
      const { events } = await note(db);
      // As another process's eventsAppended sends it: no wake-up in this process.
      await eventually(
        async () => {
          await db.notify(wakeupChannel, 'Noted,Ordered');
          return appliedEventIds(db, readsNoted.name);
        },
        (ids) => ids.includes(events[0]!.eventId),
        5_000,
      );
      expect(await checkpointOf(db, readsOther.name)).toBe(otherCheckpoint);
    } finally {
      await runner.stop();
    }
  });
});
