import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';

/**
 * SESSION_SECRET, or one generated on first use and kept in the database so that every
 * process (web and worker, now and after a restart) signs and reads the same cookies.
 */
export async function sessionSecret(db: Db): Promise<string> {
  const configured = process.env.SESSION_SECRET?.trim();
  if (configured) return configured.padEnd(32, '.');
  await db.query(
    `INSERT INTO settings (key, value) VALUES ('session_secret', $1) ON CONFLICT (key) DO NOTHING`,
    [randomBytes(32).toString('base64url')],
  );
  const [row] = await db.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'session_secret'`);
  if (!row) throw new Error('No session secret');
  return row.value;
}
