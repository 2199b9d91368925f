import { createHash } from 'node:crypto';
import type { Db } from '../db/client';

/** How long an answered key is kept: a repeat within this time gets the first answer. */
const keptHours = 24;

export type StoredAnswer = { readonly status: number; readonly body: unknown };

/** A fingerprint of a request body: the same key with another body is another request. */
export const fingerprintOf = (body: string) => createHash('sha256').update(body).digest('base64url');

const rowKey = (scope: string, key: string) => createHash('sha256').update(`${scope}\u0000${key}`).digest('base64url');

/**
 * The first answer to this key in this scope, if any (kept 24 h, in the database: every process
 * and a restart see it): 'reused' when that answer was to another body.
 */
export async function answered(db: Db, scope: string, key: string, fingerprint: string): Promise<StoredAnswer | 'reused' | null> {
  const [row] = await db.query<{ fingerprint: string; status: number; body: unknown }>(
    `SELECT fingerprint, status, body FROM idempotency_keys WHERE scope = $1 AND created_at > now() - $2::integer * interval '1 hour'`,
    [rowKey(scope, key), keptHours],
  );
  if (!row) return null;
  return row.fingerprint === fingerprint ? { status: row.status, body: row.body } : 'reused';
}

/** Remembers an answer (the first one wins, should two arrive at once); keys past their time are pruned on the way. */
export async function remember(db: Db, scope: string, key: string, fingerprint: string, answer: StoredAnswer): Promise<void> {
  await db.query(
    `WITH pruned AS (DELETE FROM idempotency_keys WHERE created_at < now() - $5::integer * interval '1 hour' AND scope <> $1)
     INSERT INTO idempotency_keys (scope, fingerprint, status, body) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (scope) DO UPDATE SET fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body, created_at = now()
     WHERE idempotency_keys.created_at < now() - $5::integer * interval '1 hour'`,
    [rowKey(scope, key), fingerprint, answer.status, answer.body, keptHours],
  );
}
