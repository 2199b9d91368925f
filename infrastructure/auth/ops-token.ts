import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client';
import { logger } from '../logger';
import { codeFailuresPerAddress, codeFailuresPerEmail, type Limit } from './throttle';

/**
 * OPS_TOKEN, or one generated at the first start and kept in the database, so every process
 * accepts the same one. The generated token is logged once, by the process that created it:
 * the operator reads it there, as the demo conference's access code.
 */
export async function opsToken(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env.OPS_TOKEN?.trim();
  if (configured) return configured;
  const [created] = await db.query<{ value: string }>(
    `INSERT INTO settings (key, value) VALUES ('ops_token', $1) ON CONFLICT (key) DO NOTHING RETURNING value`,
    [randomBytes(24).toString('base64url')],
  );
  if (created) {
    logger.info({ opsToken: created.value }, 'operator token generated (set OPS_TOKEN to choose one)');
    return created.value;
  }
  const [row] = await db.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'ops_token'`);
  if (!row) throw new Error('No operator token');
  return row.value;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Hashes first, so tokens of any length compare in the same time: neither length nor prefix leaks. */
export function sameToken(candidate: string, token: string): boolean {
  return timingSafeEqual(digest(candidate), digest(token));
}

/**
 * What an operator's cookie holds instead of the token: a keyed fingerprint of it. Changing
 * OPS_TOKEN signs every operator out, and a stolen cookie never reveals the token.
 */
export const tokenFingerprint = (token: string, secret: string) => createHmac('sha256', secret).update(`ops:${token}`).digest('base64url');

/** Wrong operator tokens count per client address, like wrong access codes per e-mail. */
export const opsTokenLimits = (address: string): Limit[] => [
  { key: `ops-token:address:${address.slice(0, 64)}`, perMinute: codeFailuresPerEmail },
  { key: `code:address:${address.slice(0, 64)}`, perMinute: codeFailuresPerAddress },
];
