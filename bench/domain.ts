/**
 * `npm run bench:domain`: the hot stream (one conference's seat availability) on server
 * PostgreSQL. Last line: one JSON object with reservationMsAt20, reservationMsAt20000,
 * bookingsPerSec and bookingsPerSecFirstRound.
 */
import { randomUUID } from 'node:crypto';
import { fold } from '../domain/shared/decider';
import { seatsAvailability, type SeatsAvailabilityEvent } from '../domain/registration/seats-availability';
import { aggregateCache, handle } from '../infrastructure/commands/handle';
import { availabilityStream } from '../infrastructure/commands/router';
import type { Database } from '../infrastructure/db/client';
import { appendToStream } from '../infrastructure/event-store/append';
import { saveSnapshot } from '../infrastructure/event-store/snapshots';
import { orThrow } from '../infrastructure/services/result';
import { placeOrder } from '../infrastructure/services/registrations';
import { publishedConference, startApplicationRunner } from '../infrastructure/testing/application';
import { eventually } from '../infrastructure/testing/recording-projection';
import { benchSchema, inParallel, median, report, runBench, timed } from './support';

const seatTypeId = 'general';
const metadata = () => ({ commandId: null, correlationId: randomUUID(), causationId: null, actor: 'bench', recordedAt: new Date().toISOString() });

/** An availability stream with `reservations` past reservations, written as handle() would. */
async function availabilityWith(db: Database, reservations: number): Promise<string> {
  const conferenceId = randomUUID();
  const streamId = availabilityStream(conferenceId);
  let state = seatsAvailability.initialState;
  let version = 0;
  let pending: SeatsAvailabilityEvent[] = [];
  const decide = (command: Parameters<typeof seatsAvailability.decide>[0]) => {
    const events = seatsAvailability.decide(command, state);
    state = fold(seatsAvailability, events, state);
    pending.push(...events);
  };
  const flush = async () => {
    if (pending.length === 0) return;
    const result = await appendToStream(db, { streamId, streamType: 'seats-availability', expected: version === 0 ? 'no-stream' : version, events: pending, metadata: metadata() });
    version = result.version;
    pending = [];
  };
  decide({ type: 'AddSeats', data: { conferenceId, seatTypeId, quantity: 1_000_000 } });
  // Paid orders: each reservation is made, then committed, as the process manager does.
  for (let i = 0; i < reservations; i++) {
    const reservationId = randomUUID();
    decide({ type: 'MakeSeatReservation', data: { conferenceId, reservationId, requestId: randomUUID(), seats: [{ seatTypeId, quantity: 1 }] } });
    decide({ type: 'CommitSeatReservation', data: { conferenceId, reservationId } });
    if (pending.length >= 500) await flush();
  }
  await flush();
  await saveSnapshot(db, streamId, seatsAvailability.snapshot!.schemaVersion, { version, state });
  return conferenceId;
}

/** Median milliseconds of one reservation through handle(), loading the stream cold each time. */
async function reservationMs(db: Database, conferenceId: string, samples = 200): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    aggregateCache.clear();
    const command = {
      type: 'MakeSeatReservation' as const,
      data: { conferenceId, reservationId: randomUUID(), requestId: randomUUID(), seats: [{ seatTypeId, quantity: 1 }] },
    };
    times.push(await timed(() => handle(seatsAvailability, availabilityStream(conferenceId), command, { db, commandId: randomUUID(), actor: 'bench', now: new Date() })));
  }
  return median(times);
}

/**
 * 50 registrants booking on one conference as fast as they can, in rounds of 1,000; a booking
 * counts once its reservation is settled in the orders read model. A round's throughput =
 * its bookings / time to its last. The first round is the warm-up (a new connection pool, new
 * PostgreSQL backends with nothing planned or cached, code not yet optimised by V8): reported,
 * but the figure is the median of the rounds after it, the rate of a server that has been up.
 */
async function bookingsPerSec(registrants = 50, bookingsPerRound = 1_000, rounds = 4): Promise<{ warm: number; firstRound: number }> {
  // A schema of its own: the runner must not first catch up with the streams written above.
  const { db, drop } = await benchSchema(10);
  const runner = startApplicationRunner(db);
  try {
    const { conferenceId, seatTypeIds: [general] } = await publishedConference(db, [{ name: 'General admission', quantity: 100_000, price: 100 }]);
    const settled = () =>
      db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rm_orders WHERE status = 'reserved'`).then(([row]) => row?.n ?? 0);
    const rates: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const ms = await timed(async () => {
        await inParallel(registrants, bookingsPerRound, () =>
          placeOrder({ db, actor: 'bench' }, { conferenceId, seats: [{ seatTypeId: general!, quantity: 1 }] }).then(orThrow),
        );
        await eventually(settled, (n) => n === round * bookingsPerRound, 120_000);
      });
      rates.push(bookingsPerRound / (ms / 1000));
    }
    return { warm: median(rates.slice(1)), firstRound: rates[0]! };
  } finally {
    await runner.stop();
    await drop();
  }
}

runBench(async ({ db }) => {
  const progress = (step: string) => process.stderr.write(`${step}\n`);
  const small = await availabilityWith(db, 20);
  const large = await availabilityWith(db, 20_000);
  progress('streams written');
  const at20 = median([await reservationMs(db, small), await reservationMs(db, small), await reservationMs(db, small)]);
  const at20000 = median([await reservationMs(db, large), await reservationMs(db, large), await reservationMs(db, large)]);
  progress('reservations measured');
  const booked = await bookingsPerSec();
  const figures = {
    reservationMsAt20: Number(at20.toFixed(2)),
    reservationMsAt20000: Number(at20000.toFixed(2)),
    bookingsPerSec: Math.round(booked.warm),
    bookingsPerSecFirstRound: Math.round(booked.firstRound),
    registrants: 50,
  };
  report(
    [
      ['reservation, stream of 20 reservations (cold load)', `${figures.reservationMsAt20} ms`],
      ['reservation, stream of 20,000 reservations (cold load)', `${figures.reservationMsAt20000} ms`],
      ['bookings settled in the read model, 50 registrants (median of rounds 2-4)', `${figures.bookingsPerSec} /s`],
      ['the same, first round (cold pool and code)', `${figures.bookingsPerSecFirstRound} /s`],
    ],
    figures,
  );
}, 60);
