import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { openPostgres, type Database } from '../infrastructure/db/client';

export const benchDatabaseUrl =
  process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A migrated schema of its own, dropped at the end: benchmarks never touch real data. */
export async function benchSchema(max = 20): Promise<{ db: Database; schema: string; drop(): Promise<void> }> {
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const db = openPostgres(benchDatabaseUrl, { schema, max });
  await db.migrate();
  return {
    db,
    schema,
    async drop() {
      await db.close();
      const admin = postgres(benchDatabaseUrl, { max: 1, onnotice: () => undefined });
      await admin.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    },
  };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

/** Runs `count` tasks with at most `concurrency` at once. */
export async function inParallel(concurrency: number, count: number, task: (index: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** A table for people, then, as the last line, one JSON object of figures for machines. */
export function report(rows: [string, string][], figures: Record<string, unknown>) {
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
  console.log(JSON.stringify({ ...figures, machine: `${process.platform} ${process.arch}, node ${process.version}` }));
}

/** Runs a benchmark against a schema of its own and drops it afterwards, even on failure. */
export function runBench(measure: (bench: Awaited<ReturnType<typeof benchSchema>>) => Promise<void>, maxConnections = 20) {
  benchSchema(maxConnections)
    .then(async (bench) => {
      try {
        await measure(bench);
      } finally {
        await bench.drop();
      }
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
