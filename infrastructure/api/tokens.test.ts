import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOfferKey, offerKey } from '../auth/signed-keys';
import { serverDatabase, type TestDatabase } from '../testing/databases';
import { issueOrganizerToken, orderToken, orderTokenSubject, organizerTokenSubject, revokeOrganizerTokens } from './tokens';

const secret = 'a-secret-of-at-least-thirty-two-characters';

describe('API tokens (server PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await serverDatabase();
  });
  afterAll(() => db.drop());

  it('opens an order with its signed token, and nothing with one changed, made for another order or under another secret', async () => {
    const orderId = randomUUID();
    const token = orderToken(secret, orderId);
    const [, key] = token.split('.');
    expect(await orderTokenSubject(db, secret, token)).toBe(orderId);
    expect(await orderTokenSubject(db, secret, `sw_o_${randomUUID()}.${key}`)).toBeNull();
    expect(await orderTokenSubject(db, secret, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await orderTokenSubject(db, secret, token.slice(0, -1))).toBeNull();
    expect(await orderTokenSubject(db, secret, `sw_o_${orderId}.`)).toBeNull();
    expect(await orderTokenSubject(db, `${secret}!`, token)).toBeNull();
    expect(await organizerTokenSubject(db, token)).toBeNull();
    expect(await db.query('SELECT 1 FROM api_tokens WHERE subject_id = $1', [orderId])).toEqual([]);
  });

  it('keeps an order token and an offer link apart: neither key opens what the other does', async () => {
    const orderId = randomUUID();
    expect(await orderTokenSubject(db, secret, `sw_o_${orderId}.${offerKey(secret, orderId)}`)).toBeNull();
    expect(isOfferKey(secret, orderId, orderToken(secret, orderId).split('.')[1]!)).toBe(false);
  });

  it('answers nothing, and throws nothing, for tokens of any other shape', async () => {
    const orderId = randomUUID();
    const [, key] = orderToken(secret, orderId).split('.');
    const odd = [
      '', 'sw_o_', 'sw_o_.', `sw_o_.${key}`, `sw_o_${orderId}.${key}.${key}`, `sw_o_${orderId}é.${key}`, `sw_o_${orderId}.${key}\u0000`,
      `sw_o_${'a'.repeat(300)}.${key}`, `${orderToken(secret, orderId)}${'x'.repeat(200)}`, 'Bearer', 'sw_c_not-a-token',
    ];
    for (const token of odd) expect(await orderTokenSubject(db, secret, token), token).toBeNull();
  });

  it('still opens an order with a token stored before order tokens were signed, unless it was revoked', async () => {
    const orderId = randomUUID();
    const stored = 'sw_o_KZ3ub0VnQe5YwR1mT8xLp2s9HcJ4dA7f';
    await db.query("INSERT INTO api_tokens (token_hash, kind, subject_id) VALUES ($1, 'order', $2)", [
      createHash('sha256').update(stored).digest('base64url'),
      orderId,
    ]);
    expect(await orderTokenSubject(db, secret, stored)).toBe(orderId);
    expect(await orderTokenSubject(db, secret, `${stored}x`)).toBeNull();
    await db.query("UPDATE api_tokens SET revoked_at = now() WHERE kind = 'order' AND subject_id = $1", [orderId]);
    expect(await orderTokenSubject(db, secret, stored)).toBeNull();
  });

  it('opens a conference with its organizer token until the conference revokes its tokens', async () => {
    const conferenceId = randomUUID();
    const token = await issueOrganizerToken(db, conferenceId);
    expect(await organizerTokenSubject(db, token)).toBe(conferenceId);
    expect(await orderTokenSubject(db, secret, token)).toBeNull();
    expect(await revokeOrganizerTokens(db, conferenceId)).toBe(1);
    expect(await organizerTokenSubject(db, token)).toBeNull();
  });
});
