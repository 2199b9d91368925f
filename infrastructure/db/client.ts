import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { noteQueryFailure, noteQuerySuccess } from './availability';
import { lockDataDir } from './pglite-lock';
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';

export type Row = Record<string, unknown>;

/** The one database surface the event store, runner and read models use: SQL both engines run. */
export interface Db {
  query<T = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs `fn` in a transaction; nested calls become savepoints. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  readonly inTransaction: boolean;
}

export interface Database extends Db {
  readonly kind: 'postgres' | 'pglite';
  /**
   * Calls `onMessage` for every NOTIFY on `channel`; resolves to an unsubscribe function. A channel
   * is the database's, not the schema's: a database opened on a schema of its own (tests,
   * benchmarks) hears and sends only its own schema's notices.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /** Applies the drizzle/ migrations that are not applied yet. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

type Sql = postgres.Sql | postgres.TransactionSql;

function postgresDb(sql: Sql, inTransaction: boolean): Db {
  return {
    inTransaction,
    async query<T>(text: string, params: readonly unknown[] = []) {
      const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
        prepare: true,
      });
      return rows as unknown as T[];
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      if ('savepoint' in sql) return (await sql.savepoint((tx) => fn(postgresDb(tx, true)))) as T;
      return (await sql.begin((tx) => fn(postgresDb(tx, true)))) as T;
    },
  };
}

export type PostgresOptions = {
  max?: number;
  /** Tests isolate themselves in a schema. */
  schema?: string;
  applicationName?: string;
};

/**
 * Server-side limits on every connection: a process frozen or cut off inside a transaction has
 * it ended by the server, so it cannot hold every reader of the feed back (DESIGN §5) or keep
 * its locks for longer than its lease.
 */
export const serverLimits = {
  idle_in_transaction_session_timeout: 5_000,
  statement_timeout: 30_000,
};

export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    connect_timeout: 5,
    connection: {
      application_name: options.applicationName ?? 'seatwise',
      ...serverLimits,
      ...(options.schema ? { search_path: options.schema } : {}),
    },
  });
  const db = postgresDb(sql, false);
  const ofSchema = (channel: string) => (options.schema ? `${channel}_${options.schema}` : channel);
  const noted = <T>(work: Promise<T>) =>
    work.then(
      (result) => {
        noteQuerySuccess();
        return result;
      },
      (error: unknown) => {
        noteQueryFailure(error, () => sql`SELECT 1`);
        throw error;
      },
    );
  return {
    inTransaction: false,
    query: (text, params) => noted(db.query(text, params)),
    transaction: (fn) => noted(db.transaction(fn)),
    kind: 'postgres',
    async listen(channel, onMessage) {
      const { unlisten } = await sql.listen(ofSchema(channel), onMessage);
      return unlisten;
    },
    async notify(channel, payload) {
      await db.query('SELECT pg_notify($1, $2)', [ofSchema(channel), payload]);
    },
    migrate: () => migratePostgres(url, options.schema),
    close: () => sql.end({ timeout: 5 }),
  };
}

const migrationsFolder = path.join(process.cwd(), 'drizzle');

/** Several processes may start at once: one applies migrations while the others wait. */
async function migratePostgres(url: string, schema?: string): Promise<void> {
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const single = postgres(url, {
    max: 1,
    onnotice: () => undefined,
    connection: schema ? { search_path: schema } : {},
  });
  try {
    if (schema) await single.unsafe(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await single`SELECT pg_advisory_lock(7417001)`;
    await migrate(drizzle(single), { migrationsFolder, migrationsSchema: schema ?? 'drizzle' });
    await single`SELECT pg_advisory_unlock(7417001)`;
  } finally {
    await single.end({ timeout: 5 });
  }
}

function pgliteDb(pg: PGlite | PGliteTransaction, inTransaction: boolean, depth = 0): Db {
  return {
    inTransaction,
    async query<T>(text: string, params: readonly unknown[] = []) {
      const result = await pg.query<T>(text, params as unknown[]);
      return result.rows;
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      if (!inTransaction) return (pg as PGlite).transaction((tx) => fn(pgliteDb(tx, true, 1)));
      const name = `sp_${depth}`;
      await pg.query(`SAVEPOINT ${name}`);
      try {
        const result = await fn(pgliteDb(pg, true, depth + 1));
        await pg.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await pg.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
  };
}

/** `dataDir` undefined → in memory (tests). */
export async function openPGlite(dataDir?: string): Promise<Database> {
  let unlock = () => {};
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    unlock = await lockDataDir(dataDir);
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create(dataDir);
  return {
    ...pgliteDb(pg, false),
    kind: 'pglite',
    async listen(channel, onMessage) {
      return pg.listen(channel, onMessage);
    },
    async notify(channel, payload) {
      await pg.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async migrate() {
      const { drizzle } = await import('drizzle-orm/pglite');
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(drizzle(pg), { migrationsFolder });
    },
    async close() {
      await pg.close();
      unlock();
    },
  };
}

/** `DATABASE_URL` → server PostgreSQL; unset or empty → embedded PGlite in `DATA_DIR`. */
export function openConfiguredDatabase(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
  const url = env.DATABASE_URL?.trim();
  if (url) return Promise.resolve(openPostgres(url));
  return openPGlite(path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || '.data'));
}
