import type { Db } from '../db/client';

export type Snapshot<S> = { readonly version: number; readonly state: S };

/** The latest snapshot taken with the state shape `schemaVersion`; older shapes are ignored. */
export async function loadSnapshot<S>(
  db: Db,
  streamId: string,
  schemaVersion: number,
): Promise<Snapshot<S> | null> {
  const [row] = await db.query<{ version: number; state: S }>(
    'SELECT version, state FROM snapshots WHERE stream_id = $1 AND schema_version = $2',
    [streamId, schemaVersion],
  );
  return row ?? null;
}

export async function saveSnapshot<S>(
  db: Db,
  streamId: string,
  schemaVersion: number,
  snapshot: Snapshot<S>,
): Promise<void> {
  await db.query(
    `INSERT INTO snapshots (stream_id, version, schema_version, state) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version,
       schema_version = excluded.schema_version, state = excluded.state, taken_at = now()
     WHERE snapshots.version < excluded.version OR snapshots.schema_version <> excluded.schema_version`,
    [streamId, snapshot.version, schemaVersion, snapshot.state],
  );
}
