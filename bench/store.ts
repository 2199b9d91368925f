/**
 * `npm run bench:store`: the event store on server PostgreSQL, each figure the median of 3 runs.
 * Last line: one JSON object with appendRatio, batchedEventsPerSec, catchUpEventsPerSec.
 */
import { randomUUID } from 'node:crypto';
import { appendToStream } from '../infrastructure/event-store/append';
import type { Database } from '../infrastructure/db/client';
import { ensureSubscriptions, resetCheckpoint } from '../infrastructure/subscriptions/checkpoints';
import { runBatch, type Subscription } from '../infrastructure/subscriptions/runner';
import { inParallel, median, report, runBench, timed } from './support';

const writers = 16;
const appendsPerRun = 8_000;
const batchesPerRun = 400;
const catchUpEvents = 200_000;

const metadata = () => ({ commandId: null, correlationId: randomUUID(), causationId: null, actor: 'bench', recordedAt: new Date().toISOString() });
const event = (i: number) => ({ type: 'Noted', data: { i, note: 'a small event of a typical size' } });

async function storeAppends(db: Database): Promise<number> {
  const versions = Array.from({ length: writers }, () => 0);
  const streams = Array.from({ length: writers }, () => `bench-${randomUUID()}`);
  const ms = await timed(() =>
    Promise.all(
      streams.map(async (streamId, w) => {
        for (let i = 0; i < appendsPerRun / writers; i++) {
          const expected = versions[w] === 0 ? ('no-stream' as const) : versions[w]!;
          const result = await appendToStream(db, { streamId, streamType: 'bench', expected, commandId: randomUUID(), events: [event(i)], metadata: metadata() });
          versions[w] = result.version;
        }
      }),
    ),
  );
  return appendsPerRun / (ms / 1000);
}

async function rawInserts(db: Database): Promise<number> {
  const streams = Array.from({ length: writers }, () => `raw-${randomUUID()}`);
  const ms = await timed(() =>
    Promise.all(
      streams.map(async (streamId) => {
        for (let i = 0; i < appendsPerRun / writers; i++) {
          await db.query(
            `INSERT INTO events (stream_id, stream_position, event_id, type, schema_version, data, metadata)
             VALUES ($1, $2, $3, $4, 1, $5, $6)`,
            [streamId, i + 1, randomUUID(), 'Noted', event(i).data, metadata()],
          );
        }
      }),
    ),
  );
  return appendsPerRun / (ms / 1000);
}

async function batchedAppends(db: Database): Promise<number> {
  const ms = await timed(() =>
    inParallel(writers, batchesPerRun, async () => {
      const events = Array.from({ length: 100 }, (_, i) => event(i));
      await appendToStream(db, { streamId: `batch-${randomUUID()}`, streamType: 'bench', expected: 'no-stream', events, metadata: metadata() });
    }),
  );
  return (batchesPerRun * 100) / (ms / 1000);
}

const countingProjection: Subscription = {
  name: 'bench-catch-up',
  async apply(work, events) {
    await work.db.query(
      `INSERT INTO bench_counts (stream_id, events) SELECT stream_id, count(*) FROM unnest($1::text[]) AS stream_id
       GROUP BY stream_id ON CONFLICT (stream_id) DO UPDATE SET events = bench_counts.events + excluded.events`,
      [events.map((e) => e.streamId)],
    );
  },
};

async function catchUp(db: Database, total: number): Promise<number> {
  await db.query('TRUNCATE bench_counts');
  await resetCheckpoint(db, countingProjection.name);
  let applied = 0;
  const ms = await timed(async () => {
    for (;;) {
      const count = (await runBatch(db, countingProjection, 'bench', { leaseMs: 60_000, batchSize: 2_000 }))?.events;
      if (!count) break;
      applied += count;
    }
  });
  if (applied !== total) throw new Error(`caught up ${applied} of ${total} events`);
  return applied / (ms / 1000);
}

runBench(async ({ db }) => {
  const ratios: number[] = [];
  const store: number[] = [];
  const raw: number[] = [];
  const batched: number[] = [];
  for (let run = 0; run < 3; run++) {
    const s = await storeAppends(db);
    const r = await rawInserts(db);
    store.push(s);
    raw.push(r);
    ratios.push(s / r);
    batched.push(await batchedAppends(db));
  }
  await db.query('TRUNCATE events, streams, processed_commands');
  await inParallel(4, catchUpEvents / 1_000, async () => {
    const events = Array.from({ length: 1_000 }, (_, i) => event(i));
    await appendToStream(db, { streamId: `feed-${randomUUID()}`, streamType: 'bench', expected: 'no-stream', events, metadata: metadata() });
  });
  await db.query('CREATE TABLE bench_counts (stream_id text PRIMARY KEY, events integer NOT NULL)');
  await ensureSubscriptions(db, [countingProjection.name]);
  const catchUps: number[] = [];
  for (let run = 0; run < 3; run++) catchUps.push(await catchUp(db, catchUpEvents));

  const figures = {
    appendRatio: Number(median(ratios).toFixed(2)),
    storeAppendsPerSec: Math.round(median(store)),
    rawInsertsPerSec: Math.round(median(raw)),
    batchedEventsPerSec: Math.round(median(batched)),
    catchUpEventsPerSec: Math.round(median(catchUps)),
    writers,
  };
  report(
    [
      ['single appends through the store (16 writers)', `${figures.storeAppendsPerSec} /s`],
      ['raw single-row inserts (16 writers)', `${figures.rawInsertsPerSec} /s`],
      ['append ratio (store / raw)', String(figures.appendRatio)],
      ['100-event batched appends', `${figures.batchedEventsPerSec} events/s`],
      [`subscription catch-up over ${catchUpEvents} events`, `${figures.catchUpEventsPerSec} events/s`],
    ],
    figures,
  );
}, writers + 4);
