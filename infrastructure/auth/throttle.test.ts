import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverDatabase, type TestDatabase } from '../testing/databases';
import { codeFailuresPerAddress, codeLimits, countAttempt, throttledCodeCheck, type Limit } from './throttle';

const someEmail = () => `${randomUUID()}@example.com`;
const someAddress = () => `203.0.113.${randomUUID()}`;
const wrongCode = async () => null;
const rightCode = async () => 'order-1';

describe('the access-code throttle (server PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await serverDatabase();
  });
  afterAll(() => db.drop());

  const counters = (limits: readonly Limit[]) =>
    db.query<{ key: string; attempts: number }>('SELECT key, attempts FROM throttle WHERE key = ANY($1::text[]) ORDER BY key', [
      limits.map((limit) => limit.key),
    ]);
  const startedAgo = (limits: readonly Limit[], interval: string) =>
    db.query(`UPDATE throttle SET window_started_at = now() - $2::interval WHERE key = ANY($1::text[])`, [limits.map((l) => l.key), interval]);

  it('never lets a right code reset the count: after 4 wrong, 1 right and 1 wrong, the next wrong one is throttled', async () => {
    const limits = codeLimits('order', someEmail(), someAddress());
    const checks = [wrongCode, wrongCode, wrongCode, wrongCode, rightCode, wrongCode, wrongCode];
    const outcomes = [];
    for (const check of checks) outcomes.push(await throttledCodeCheck(db, limits, check));
    expect(outcomes).toEqual([null, null, null, null, 'order-1', null, 'throttled']);
  });

  it('lets exactly 5 of 20 parallel attempts for one e-mail reach the code check', async () => {
    const limits = codeLimits('organizer', someEmail(), someAddress());
    let checked = 0;
    const check = async () => {
      checked++;
      return null;
    };
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => throttledCodeCheck(db, limits, check)));
    expect(outcomes.filter((outcome) => outcome !== 'throttled')).toHaveLength(5);
    expect(checked).toBe(5);
  });

  it('shares its counters between processes', async () => {
    const other = db.connect({ max: 2 });
    const limits = codeLimits('order', someEmail(), someAddress());
    const outcomes = [];
    for (const handle of [db, other, db, other, db, other]) outcomes.push(await throttledCodeCheck(handle, limits, wrongCode));
    expect(outcomes).toEqual([null, null, null, null, null, 'throttled']);
  });

  it('counts one address across e-mails, allowing an office at least 20 attempts a minute', async () => {
    const address = someAddress();
    expect(codeFailuresPerAddress).toBeGreaterThanOrEqual(20);
    for (let i = 0; i < codeFailuresPerAddress; i++) {
      expect(await throttledCodeCheck(db, codeLimits('order', someEmail(), address), wrongCode)).toBeNull();
    }
    const email = someEmail();
    expect(await throttledCodeCheck(db, codeLimits('order', email, address), rightCode)).toBe('throttled');
    expect(await throttledCodeCheck(db, codeLimits('order', email, someAddress()), rightCode)).toBe('order-1');
  });

  it('starts a counter again at 1 once its window began more than a minute ago', async () => {
    const limits = codeLimits('order', someEmail(), someAddress());
    for (let i = 0; i < 5; i++) await countAttempt(db, limits);
    expect(await countAttempt(db, limits)).toBe(false);
    await startedAgo(limits, '61 seconds');
    expect(await countAttempt(db, limits)).toBe(true);
    expect((await counters(limits)).map((row) => row.attempts)).toEqual([1, 1]);
  });

  it('prunes counters idle for more than ten minutes on the next attempt on another key', async () => {
    const idle = [{ key: `idle-${randomUUID()}`, perMinute: 5 }];
    const recent = [{ key: `recent-${randomUUID()}`, perMinute: 5 }];
    await countAttempt(db, [...idle, ...recent]);
    await startedAgo(idle, '11 minutes');
    await startedAgo(recent, '9 minutes');
    await countAttempt(db, [{ key: `another-${randomUUID()}`, perMinute: 5 }]);
    expect(await counters([...idle, ...recent])).toEqual([{ key: recent[0]!.key, attempts: 1 }]);
  });

  it('counts parallel attempts on counters idle for ten minutes, each pruning the others, without a deadlock', async () => {
    for (let round = 0; round < 20; round++) {
      const limits = Array.from({ length: 8 }, () => [{ key: `idle-${randomUUID()}`, perMinute: 5 }]);
      await countAttempt(db, limits.flat());
      await startedAgo(limits.flat(), '11 minutes');
      expect(await Promise.all(limits.map((limit) => countAttempt(db, limit)))).toEqual(limits.map(() => true));
    }
  });
});
