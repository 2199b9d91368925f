import type { Db } from '../db/client';
import type { StoredEvent } from '../event-store/types';
import { shadowName, shadowTable } from '../subscriptions/rebuilds';
import type { Subscription } from '../subscriptions/runner';

/** Every document remembers the version of the stream it mostly reflects: what the UI polls for. */
export type VersionedDoc = { readonly version: number };

/**
 * A read model kept as one JSON document per key, with a few indexed columns beside it.
 * `evolve` is pure; each batch loads the touched documents, folds, and upserts them in one
 * statement (set-based: one round trip for the whole batch, whatever its size).
 */
export type DocumentProjection<Doc extends VersionedDoc> = {
  readonly name: string;
  readonly table: string;
  readonly keyColumn: string;
  /** Indexed columns derived from the document, with their SQL types. */
  readonly columns: Readonly<Record<string, string>>;
  readonly columnsOf: (doc: Doc) => Readonly<Record<string, unknown>>;
  /** The event types it folds: the feed's others are never read. */
  readonly eventTypes: readonly string[];
  readonly keyOf: (event: StoredEvent) => string | null;
  readonly evolve: (doc: Doc | null, event: StoredEvent) => Doc | null;
};

/** Where in the feed a document was last changed: (transaction id, global position), as decimals. */
type Through = { readonly through?: readonly [string, string] };

/** Feed order, as the runner reads it: by transaction id, then global position. */
const before = ([tx, position]: readonly [string, string], event: StoredEvent) => {
  const [eventTx, eventPosition] = [BigInt(event.transactionId), BigInt(event.globalPosition)];
  return BigInt(tx) < eventTx || (BigInt(tx) === eventTx && BigInt(position) < eventPosition);
};

/**
 * Folds a batch into the documents it touches, and says which. An event a document has already
 * seen (it is not past the point the document was last changed at) changes nothing: the same
 * events delivered twice give the same rows.
 */
export function foldDocuments<Doc extends VersionedDoc>(
  projection: Pick<DocumentProjection<Doc>, 'keyOf' | 'evolve'>,
  docs: Map<string, (Doc & Through) | null>,
  events: readonly StoredEvent[],
): Set<string> {
  const touched = new Set<string>();
  for (const event of events) {
    const key = projection.keyOf(event);
    if (key === null) continue;
    const current = docs.get(key) ?? null;
    if (current?.through && !before(current.through, event)) continue;
    const next = projection.evolve(current, event);
    if (next === current) continue;
    touched.add(key);
    docs.set(key, next && { ...next, through: [event.transactionId, event.globalPosition] });
  }
  return touched;
}

/** The projection's subscription, which can be rebuilt blue/green: a shadow of it builds a copy of its table. */
export function documentSubscription<Doc extends VersionedDoc>(projection: DocumentProjection<Doc>): Subscription {
  const shadow = documentWriter({ ...projection, name: shadowName(projection.name), table: shadowTable(projection.table) });
  return { ...documentWriter(projection), rebuild: { table: projection.table, shadow } };
}

function documentWriter<Doc extends VersionedDoc>(projection: DocumentProjection<Doc>): Subscription {
  const { table, keyColumn, columns } = projection;
  const extra = Object.keys(columns);
  const recordType = [`${keyColumn} text`, 'version integer', 'doc jsonb', ...extra.map((c) => `${c} ${columns[c]}`)].join(', ');
  const names = [keyColumn, 'version', 'doc', ...extra].join(', ');
  const updates = ['version', 'doc', 'projected_at', ...extra].map((c) => `${c} = excluded.${c}`).join(', ');
  const upsert = `INSERT INTO ${table} (${names}, projected_at)
    SELECT ${names}, clock_timestamp() FROM jsonb_to_recordset($1::jsonb) AS r(${recordType})
    ON CONFLICT (${keyColumn}) DO UPDATE SET ${updates}`;

  return {
    name: projection.name,
    eventTypes: projection.eventTypes,
    async apply(work, events) {
      const keys = [...new Set(events.map(projection.keyOf).filter((k): k is string => k !== null))];
      if (keys.length === 0) return;
      const docs = await loadDocuments<Doc>(work.db, table, keyColumn, keys);
      const touched = foldDocuments(projection, docs, events);
      const rows = [...touched].flatMap((key) => {
        const doc = docs.get(key);
        return doc ? [{ [keyColumn]: key, version: doc.version, doc, ...projection.columnsOf(doc) }] : [];
      });
      if (rows.length > 0) await work.db.query(upsert, [rows]);
    },
    async reset(db) {
      await db.query(`DELETE FROM ${table}`);
    },
  };
}

async function loadDocuments<Doc>(db: Db, table: string, keyColumn: string, keys: string[]) {
  const rows = await db.query<{ key: string; doc: Doc }>(
    `SELECT ${keyColumn} AS key, doc FROM ${table} WHERE ${keyColumn} = ANY($1::text[])`,
    [keys],
  );
  return new Map<string, Doc | null>(rows.map((row) => [row.key, row.doc]));
}
