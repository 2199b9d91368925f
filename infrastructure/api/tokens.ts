import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client';

export type TokenKind = 'order' | 'organizer';

/** Tokens are stored as hashes: a copy of the table opens nothing. */
const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new opaque token for one order or one conference. */
export async function issueToken(db: Db, kind: TokenKind, subjectId: string): Promise<string> {
  const token = `sw_${kind === 'order' ? 'o' : 'c'}_${randomBytes(24).toString('base64url')}`;
  await db.query('INSERT INTO api_tokens (token_hash, kind, subject_id) VALUES ($1, $2, $3)', [hashOf(token), kind, subjectId]);
  return token;
}

/** What a token opens: its subject, or null for a wrong, revoked or other kind of token. */
export async function tokenSubject(db: Db, kind: TokenKind, token: string): Promise<string | null> {
  if (token.length > 200) return null;
  const [row] = await db.query<{ subject_id: string }>(
    'SELECT subject_id FROM api_tokens WHERE token_hash = $1 AND kind = $2 AND revoked_at IS NULL',
    [hashOf(token), kind],
  );
  return row?.subject_id ?? null;
}

/** Revokes every token that opens this subject; answers how many were revoked. */
export async function revokeTokens(db: Db, kind: TokenKind, subjectId: string): Promise<number> {
  const rows = await db.query('UPDATE api_tokens SET revoked_at = now() WHERE kind = $1 AND subject_id = $2 AND revoked_at IS NULL RETURNING 1', [
    kind,
    subjectId,
  ]);
  return rows.length;
}

/** The caller's scope for its idempotency keys: a hash of its token, never the token itself. */
export const tokenScope = (token: string) => `token:${hashOf(token)}`;
