import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opsToken, sameToken } from '../auth/ops-token';
import { serverDatabase, type TestDatabase } from '../testing/databases';
import { operatorByToken } from './operator-access';

/** An environment without OPS_TOKEN. */
const unset: NodeJS.ProcessEnv = { NODE_ENV: 'test' };
const someAddress = () => `198.51.100.${randomUUID()}`;

describe('the operator token (server PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await serverDatabase();
  });
  afterAll(() => db.drop());

  it('is generated once and kept, the same for every process, unless OPS_TOKEN sets it', async () => {
    const generated = await opsToken(db, unset);
    expect(generated).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await opsToken(db.connect({ max: 1 }), unset)).toBe(generated);
    expect(await opsToken(db, { ...unset, OPS_TOKEN: ' chosen-token ' })).toBe('chosen-token');
  });

  it('compares tokens of any length in full', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abc', 'abcd')).toBe(false);
    expect(sameToken('', 'abc')).toBe(false);
  });

  it('refuses a wrong token, asks for a blank one, and throttles the sixth wrong one a minute from one address, the right one too', async () => {
    const token = await opsToken(db, unset);
    const address = someAddress();
    expect(await operatorByToken(db, { token: '' }, address)).toMatchObject({ ok: false, kind: 'validation', fieldErrors: { token: 'Enter the operator token.' } });
    for (let i = 0; i < 5; i++) {
      expect(await operatorByToken(db, { token: `wrong-${i}` }, address)).toMatchObject({ ok: false, message: 'That token is not valid.' });
    }
    expect(await operatorByToken(db, { token }, address)).toMatchObject({ ok: false, kind: 'throttled', message: 'Too many attempts. Try again in a minute.' });
    expect(await operatorByToken(db, { token }, someAddress())).toEqual({ ok: true, token });
  });
});
