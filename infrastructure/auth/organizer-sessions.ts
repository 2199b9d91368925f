import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';

/** A new server-side sign-in for a conference; its random id goes into the browser's cookie. */
export async function startOrganizerSession(db: Db, conferenceId: string): Promise<string> {
  const sessionId = randomBytes(24).toString('base64url');
  await db.query('INSERT INTO organizer_sessions (session_id, conference_id) VALUES ($1, $2)', [sessionId, conferenceId]);
  return sessionId;
}

export async function organizerSessionConference(db: Db, sessionId: string): Promise<string | null> {
  const [row] = await db.query<{ conference_id: string }>(
    'SELECT conference_id FROM organizer_sessions WHERE session_id = $1 AND signed_out_at IS NULL',
    [sessionId],
  );
  return row?.conference_id ?? null;
}

export async function endOrganizerSession(db: Db, sessionId: string): Promise<void> {
  await db.query('UPDATE organizer_sessions SET signed_out_at = now() WHERE session_id = $1 AND signed_out_at IS NULL', [
    sessionId,
  ]);
}
