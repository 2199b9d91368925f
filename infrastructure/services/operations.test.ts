import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunner } from '../subscriptions/runner';
import { schedule, type TimerHandler } from '../subscriptions/timers';
import { serverDatabase, type TestDatabase } from '../testing/databases';
import { appliedEventIds, eventually, note, recordingProjection, uniqueName } from '../testing/recording-projection';
import { decideDeadLetter } from './operations';

describe('an operator retrying and skipping dead letters (server PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await serverDatabase();
  });
  afterAll(() => db.drop());

  /** A projection that fails on one event while `broken` holds, run until that event is parked. */
  async function parkedOn(prefix: string) {
    const poison = (await note(db)).events[0]!.eventId;
    const after = (await note(db)).events[0]!.eventId;
    const fault = { broken: true };
    const projection = recordingProjection(uniqueName(prefix), { failOn: (id) => fault.broken && id === poison });
    await projection.setup(db);
    const runner = startRunner({ db, subscriptions: [projection], maxAttempts: 2, retryBaseMs: 5, pollMs: 20 });
    const letters = () => db.query<{ id: string; event_id: string }>(
      'SELECT id::text AS id, event_id::text AS event_id FROM dead_letters WHERE subscription = $1 AND resolved_at IS NULL', [projection.name]);
    const [letter] = await eventually(letters, (rows) => rows.length === 1);
    return { projection, runner, poison, after, fault, letterId: letter!.id, letters };
  }
  const decisions = (letterId: string) =>
    db.query<{ type: string; data: { operator: string } }>(`SELECT type, data FROM events WHERE stream_id = $1 ORDER BY stream_position`, [`dead-letter-${letterId}`]);

  it('retries the parked event once the fault is fixed: the subscription runs on, and the history says who retried', async () => {
    const parked = await parkedOn('retry');
    try {
      expect(await appliedEventIds(db, parked.projection.name)).not.toContain(parked.after);
      parked.fault.broken = false;
      expect(await decideDeadLetter({ db, actor: 'operator' }, { deadLetterId: parked.letterId, decision: 'retry' })).toMatchObject({ ok: true });
      await eventually(() => appliedEventIds(db, parked.projection.name), (ids) => ids.includes(parked.poison) && ids.includes(parked.after));
      expect(await parked.letters()).toEqual([]);
      expect(await decisions(parked.letterId)).toEqual([{ type: 'DeadLetterRetried', data: expect.objectContaining({ operator: 'operator' }) }]);
    } finally {
      await parked.runner.stop();
    }
  });

  it('skips the parked event: the subscription never applies it but goes on past it, and a second decision is refused', async () => {
    const parked = await parkedOn('skip');
    try {
      expect(await decideDeadLetter({ db, actor: 'operator' }, { deadLetterId: parked.letterId, decision: 'skip' })).toMatchObject({ ok: true });
      await eventually(() => appliedEventIds(db, parked.projection.name), (ids) => ids.includes(parked.after));
      expect(await appliedEventIds(db, parked.projection.name)).not.toContain(parked.poison);
      expect(await decideDeadLetter({ db, actor: 'operator' }, { deadLetterId: parked.letterId, decision: 'retry' })).toMatchObject({
        ok: false, code: 'DeadLetterNotFound',
      });
      expect((await decisions(parked.letterId)).map((event) => event.type)).toEqual(['DeadLetterSkipped']);
    } finally {
      await parked.runner.stop();
    }
  });

  it('retries a parked timer: it is due again at once and fires', async () => {
    const timerId = randomUUID();
    await schedule({ db, afterCommit: (f) => f() }, { id: timerId, dueAt: new Date().toISOString(), message: { type: 'Ring', data: {} } });
    const fault = { broken: true };
    const fired: string[] = [];
    const handler: TimerHandler = async (_work, _message, id) => {
      if (id !== timerId) return;
      if (fault.broken) throw new Error('the bell is broken');
      fired.push(id);
    };
    const runner = startRunner({ db, subscriptions: [], timers: handler, maxTimerAttempts: 2, timerRetryBaseMs: 5, retryBaseMs: 5, pollMs: 20 });
    try {
      const letters = () => db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letters WHERE event_id = $1 AND resolved_at IS NULL`, [timerId]);
      const [letter] = await eventually(letters, (rows) => rows.length === 1);
      fault.broken = false;
      expect(await decideDeadLetter({ db, actor: 'operator' }, { deadLetterId: letter!.id, decision: 'retry' })).toMatchObject({ ok: true });
      await eventually(async () => fired, (ids) => ids.length === 1);
      expect(await letters()).toEqual([]);
    } finally {
      await runner.stop();
    }
  });

  it('refuses what no console sends', async () => {
    expect(await decideDeadLetter({ db, actor: 'operator' }, { deadLetterId: '1; DROP', decision: 'retry' })).toMatchObject({ ok: false, kind: 'validation' });
    expect(await decideDeadLetter({ db, actor: 'operator' }, { deadLetterId: '1', decision: 'forget' })).toMatchObject({ ok: false, kind: 'validation' });
  });
});
