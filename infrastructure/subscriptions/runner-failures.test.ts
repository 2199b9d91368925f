import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { ConcurrencyError } from '../event-store/types';
import { serverDatabase, type TestDatabase } from '../testing/databases';
import { eventually, note, recordingProjection, uniqueName } from '../testing/recording-projection';
import { startRunner } from './runner';
import { schedule, type TimerHandler } from './timers';

type TimerRow = { attempts: number; last_error: string | null; due_ms: number; now_ms: number; fired: boolean };

const timerRow = async (db: Db, id: string) => {
  const [row] = await db.query<TimerRow>(
    `SELECT attempts, last_error, fired_at IS NOT NULL AS fired, (extract(epoch FROM due_at) * 1000)::float8 AS due_ms,
       (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now_ms
     FROM scheduled_commands WHERE id = $1::uuid`,
    [id],
  );
  return row!;
};

const deadLetters = (db: Db, subscription: string) =>
  db.query<{ event_id: string; event_type: string; attempts: number }>(
    'SELECT event_id::text AS event_id, event_type, attempts FROM dead_letters WHERE subscription = $1 ORDER BY id',
    [subscription],
  );

async function dueTimer(db: Db, inMs = 0) {
  const id = randomUUID();
  await schedule({ db, afterCommit: (f) => f() }, { id, dueAt: new Date(Date.now() + inMs).toISOString(), message: { type: 'Ring', data: {} } });
  return id;
}

describe('the runner when handlers and dead letters fail (server PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await serverDatabase();
  });
  afterAll(() => db.drop());

  type TimerOptions = { maxTimerAttempts: number; timerRetryBaseMs?: number };
  async function runTimers(handler: TimerHandler, until: () => Promise<boolean>, options: TimerOptions) {
    // The subscriptions' maxAttempts is as small: a timer must go by its own count, not theirs.
    const runner = startRunner({
      db, subscriptions: [], timers: handler, pollMs: 20, retryBaseMs: 5, maxAttempts: options.maxTimerAttempts, ...options,
    });
    try {
      await eventually(until, (done) => done);
    } finally {
      await runner.stop();
    }
  }

  it('retries a timer that lost a version race without counting it, and fires it once the race is won', async () => {
    const timerId = await dueTimer(db);
    const attemptsSeen: number[] = [];
    const handler: TimerHandler = async (work, _message, id) => {
      if (id !== timerId) return;
      attemptsSeen.push((await timerRow(work.db, id)).attempts);
      if (attemptsSeen.length <= 3) throw new ConcurrencyError(`order-${id}`, 1, 2);
    };
    await runTimers(handler, async () => (await timerRow(db, timerId)).fired, { maxTimerAttempts: 2 });
    expect(attemptsSeen).toEqual([0, 0, 0, 0]);
    expect(await timerRow(db, timerId)).toMatchObject({ attempts: 0, last_error: null, fired: true });
    expect(await deadLetters(db, 'timers')).toEqual([]);
  });

  it('postpones a failing timer ever longer while another fires, then dead-letters it after maxTimerAttempts', async () => {
    const [failing, other] = [await dueTimer(db), await dueTimer(db, 100)];
    const tries: TimerRow[] = [];
    let otherFiredAfterTries: number | null = null;
    const handler: TimerHandler = async (work, _message, id) => {
      if (id === other) otherFiredAfterTries = tries.length;
      if (id !== failing) return;
      tries.push(await timerRow(work.db, id));
      throw new Error('the processor is down');
    };
    const baseMs = 40;
    await runTimers(handler, async () => (await timerRow(db, failing)).fired, { maxTimerAttempts: 4, timerRetryBaseMs: baseMs });
    expect(tries.map((row) => [row.attempts, row.last_error])).toEqual([
      [0, null], [1, 'the processor is down'], [2, 'the processor is down'], [3, 'the processor is down'],
    ]);
    // Each postponement is counted from the failed try: base, twice the base, four times the base.
    tries.slice(1).forEach((row, i) => expect(row.due_ms - tries[i]!.now_ms).toBeGreaterThanOrEqual(baseMs * 2 ** i));
    expect(otherFiredAfterTries).not.toBeNull();
    expect(otherFiredAfterTries).toBeLessThan(4);
    const letters = await deadLetters(db, 'timers');
    expect(letters.filter((letter) => letter.event_id === failing)).toEqual([{ event_id: failing, event_type: 'Ring', attempts: 4 }]);
    expect(await timerRow(db, failing)).toMatchObject({ attempts: 4, fired: true });
  });

  it('keeps a subscription running while its dead letter cannot be written, and parks the event once it can', async () => {
    const poison = (await note(db)).events[0]!.eventId;
    let tries = 0;
    const failOn = (id: string) => {
      if (id !== poison) return false;
      tries++;
      return true;
    };
    const projection = recordingProjection(uniqueName('parking'), { failOn });
    await projection.setup(db);
    const maxAttempts = 2;
    await db.query('ALTER TABLE dead_letters RENAME TO dead_letters_away');
    const runner = startRunner({ db, subscriptions: [projection], maxAttempts, retryBaseMs: 5, pollMs: 20 });
    try {
      // Tried again after two failed attempts to park it: the loop outlived both.
      await eventually(async () => tries, (n) => n >= maxAttempts + 2);
      await db.query('ALTER TABLE dead_letters_away RENAME TO dead_letters');
      const status = () => db.query<{ status: string }>('SELECT status FROM subscriptions WHERE name = $1', [projection.name]);
      await eventually(status, ([row]) => row?.status === 'stopped');
    } finally {
      await db.query('ALTER TABLE IF EXISTS dead_letters_away RENAME TO dead_letters');
      await runner.stop();
    }
    const [letter, ...more] = await deadLetters(db, projection.name);
    expect(more).toEqual([]);
    expect(letter).toMatchObject({ event_id: poison, event_type: 'Noted' });
    expect(letter!.attempts).toBeGreaterThan(maxAttempts);
  });
});
