import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { openPGlite, openPostgres, type Database, type PostgresOptions } from '../db/client';

export const testDatabaseUrl =
  process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export type TestDatabase = Database & {
  readonly schema: string;
  /** Another pool on the same schema: a second process, as far as the database can tell. */
  connect(options?: PostgresOptions): Database;
  drop(): Promise<void>;
};

/** A migrated, empty schema of its own on the test server, dropped afterwards. */
export async function serverDatabase(): Promise<TestDatabase> {
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const db = openPostgres(testDatabaseUrl, { schema, max: 20 });
  await db.migrate();
  const others: Database[] = [];
  return {
    ...db,
    schema,
    connect(options = {}) {
      const other = openPostgres(testDatabaseUrl, { schema, ...options });
      others.push(other);
      return other;
    },
    async drop() {
      await Promise.all(others.map((other) => other.close().catch(() => undefined)));
      await db.close();
      const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => undefined });
      await admin.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    },
  };
}

export async function embeddedDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const db = await openPGlite();
  await db.migrate();
  return { ...db, drop: () => db.close() };
}

/** The engines the non-concurrent suites run on; PGlite runs one transaction at a time. */
export const engines = [
  ['postgres', serverDatabase],
  ['pglite', embeddedDatabase],
] as const;
