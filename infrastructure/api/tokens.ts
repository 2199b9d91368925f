import { createHash, randomBytes } from 'node:crypto';
import { isSignedKey, signedKey } from '../auth/signed-keys';
import type { Db } from '../db/client';

type StoredKind = 'order' | 'organizer';

/** Stored tokens are kept as hashes: a copy of the table opens nothing. */
const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

const longestToken = 200;
const signedOrderToken = /^sw_o_([^.]+)\.([\w-]+)$/;

/**
 * An order's token: the order's id and a key signed for it with the server secret. Nothing is
 * written for it, so placing an order costs no extra commit (a sale rush places hundreds a
 * second); order tokens are never revoked, and one opens its order while the secret stays.
 */
export const orderToken = (secret: string, orderId: string) => `sw_o_${orderId}.${signedKey(secret, 'order-token', orderId)}`;

/** The order a token opens: a signed token's, or a stored one's (issued before tokens were signed); null for any other. */
export async function orderTokenSubject(db: Db, secret: string, token: string): Promise<string | null> {
  const signed = signedOrderToken.exec(token);
  if (!signed) return storedSubject(db, 'order', token);
  const [, orderId, key] = signed;
  return isSignedKey(secret, 'order-token', orderId!, key!) ? orderId! : null;
}

/** A new organizer token for one conference, stored so that signing out everywhere can revoke it. */
export async function issueOrganizerToken(db: Db, conferenceId: string): Promise<string> {
  const token = `sw_c_${randomBytes(24).toString('base64url')}`;
  await db.query('INSERT INTO api_tokens (token_hash, kind, subject_id) VALUES ($1, $2, $3)', [hashOf(token), 'organizer', conferenceId]);
  return token;
}

/** The conference an organizer token opens, or null for a wrong, revoked or other kind of token. */
export const organizerTokenSubject = (db: Db, token: string) => storedSubject(db, 'organizer', token);

async function storedSubject(db: Db, kind: StoredKind, token: string): Promise<string | null> {
  if (token.length > longestToken) return null;
  const [row] = await db.query<{ subject_id: string }>(
    'SELECT subject_id FROM api_tokens WHERE token_hash = $1 AND kind = $2 AND revoked_at IS NULL',
    [hashOf(token), kind],
  );
  return row?.subject_id ?? null;
}

/** Revokes every organizer token of the conference; answers how many were revoked. */
export async function revokeOrganizerTokens(db: Db, conferenceId: string): Promise<number> {
  const rows = await db.query("UPDATE api_tokens SET revoked_at = now() WHERE kind = 'organizer' AND subject_id = $1 AND revoked_at IS NULL RETURNING 1", [
    conferenceId,
  ]);
  return rows.length;
}

/** The caller's scope for its idempotency keys: a hash of its token, never the token itself. */
export const tokenScope = (token: string) => `token:${hashOf(token)}`;
