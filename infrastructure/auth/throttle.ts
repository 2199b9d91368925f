import { createHash } from 'node:crypto';
import type { Db } from '../db/client';

/** A counter and how many attempts it allows per minute. */
export type Limit = { readonly key: string; readonly perMinute: number };

/**
 * Counts one attempt on every counter, in one statement shared by every process, and says
 * whether all are still within their limit. Counting comes before the attempt is judged, so
 * parallel requests cannot all slip through; a counter's window restarts a minute after it
 * began, and rows idle for ten minutes are pruned on the way. The pruning skips rows another
 * attempt holds: waiting for them, while that attempt prunes a row this one counts, deadlocks.
 */
export async function countAttempt(db: Db, limits: readonly Limit[]): Promise<boolean> {
  const active = limits.filter((limit) => limit.perMinute > 0);
  if (active.length === 0) return true;
  const keys = active.map((limit) => limit.key);
  const rows = await db.query<{ key: string; attempts: number }>(
    `WITH pruned AS (
       DELETE FROM throttle WHERE key IN (
         SELECT key FROM throttle WHERE window_started_at < now() - interval '10 minutes' AND NOT (key = ANY($1::text[]))
         FOR UPDATE SKIP LOCKED
       )
     )
     INSERT INTO throttle AS t (key, window_started_at, attempts)
     SELECT key, now(), 1 FROM unnest($1::text[]) AS key
     ON CONFLICT (key) DO UPDATE SET
       window_started_at = CASE WHEN t.window_started_at <= now() - interval '1 minute' THEN now() ELSE t.window_started_at END,
       attempts = CASE WHEN t.window_started_at <= now() - interval '1 minute' THEN 1 ELSE t.attempts + 1 END
     RETURNING key, attempts`,
    [keys],
  );
  return rows.every((row) => row.attempts <= (active.find((limit) => limit.key === row.key)?.perMinute ?? 0));
}

/** Gives back the attempt a success counted: never a reset, so successes cannot hide failures. */
export async function forgiveAttempt(db: Db, limits: readonly Limit[]): Promise<void> {
  await db.query('UPDATE throttle SET attempts = greatest(attempts - 1, 0) WHERE key = ANY($1::text[])', [
    limits.map((limit) => limit.key),
  ]);
}

/** Access codes are short: per e-mail, at most this many wrong ones a minute (UI-CONTRACT). */
export const codeFailuresPerEmail = 5;
/** Per client address, across e-mails: generous for an office behind one address. */
export const codeFailuresPerAddress = 60;

export type CodeCheck = 'organizer' | 'order';

/** E-mails are counted by a hash: any input makes a short key, and the table holds no addresses. */
const emailKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');

export const codeLimits = (check: CodeCheck, email: string, address: string): Limit[] => [
  { key: `${check}-code:email:${emailKey(email)}`, perMinute: codeFailuresPerEmail },
  { key: `code:address:${address.slice(0, 64)}`, perMinute: codeFailuresPerAddress },
];

/**
 * Checks an access code under the throttle: the attempt is counted first and given back only
 * when the code matched. 'throttled' when the limit was reached (the code was not checked).
 */
export async function throttledCodeCheck<T>(
  db: Db,
  limits: readonly Limit[],
  check: () => Promise<T | null>,
): Promise<T | null | 'throttled'> {
  if (!(await countAttempt(db, limits))) return 'throttled';
  const found = await check();
  if (found !== null) await forgiveAttempt(db, limits);
  return found;
}

/** New orders per client address a minute (`ORDER_RATE_PER_MINUTE`, 0 = no limit, for load tests). */
export function orderRateLimits(address: string, env: NodeJS.ProcessEnv = process.env): Limit[] {
  const configured = env.ORDER_RATE_PER_MINUTE?.trim();
  const perMinute = configured ? Number(configured) : 60;
  return [{ key: `orders:address:${address.slice(0, 64)}`, perMinute: Number.isFinite(perMinute) && perMinute >= 0 ? perMinute : 60 }];
}
