import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';

const minimumLength = 32;

/** A setting the process cannot run with: it stops at start, saying which and why. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/**
 * SESSION_SECRET, or one generated on first use and kept in the database so that every
 * process (web and worker, now and after a restart) signs and reads the same cookies and
 * derives the same command ids. A short secret is refused, never padded.
 */
export async function sessionSecret(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env.SESSION_SECRET?.trim();
  if (configured) {
    if (configured.length < minimumLength) {
      throw new ConfigurationError(`SESSION_SECRET must be at least ${minimumLength} characters long (it has ${configured.length}).`);
    }
    return configured;
  }
  await db.query(
    `INSERT INTO settings (key, value) VALUES ('session_secret', $1) ON CONFLICT (key) DO NOTHING`,
    [randomBytes(32).toString('base64url')],
  );
  const [row] = await db.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'session_secret'`);
  if (!row) throw new Error('No session secret');
  return row.value;
}
