import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client';
import { addSeatType, createConference, setPublished } from '../services/conferences';
import { orThrow } from '../services/result';
import { applicationSubscriptions, applicationTimers } from '../subscriptions/application';
import { startRunner } from '../subscriptions/runner';
import { eventually } from './recording-projection';
import { orderView } from '../queries/orders';
import { allocationView } from '../queries/organizer';

export const organizer = (db: Database) => ({ db, actor: 'organizer' });
export const registrant = (db: Database) => ({ db, actor: 'registrant' });

/** The whole application's subscriptions and timers on this database, as a web process runs them. */
export function startApplicationRunner(db: Database) {
  return startRunner({ db, subscriptions: applicationSubscriptions, timers: applicationTimers, pollMs: 200 });
}

/** A seat type for a test, its price in dollars as a person types it. */
type SeatTypeInput = { name: string; quantity: number; price: number };

/** A conference created and published, before any subscription has seen it (its seats are not on sale yet). */
export async function createPublishedConference(db: Database, seatTypes: SeatTypeInput[]) {
  const slug = `conf-${randomUUID().slice(0, 8)}`;
  const created = orThrow(await createConference(organizer(db), {
    ownerName: 'Olga Organizer',
    ownerEmail: 'olga@example.com',
    name: 'Test Conference',
    slug,
    tagline: '',
    location: 'Online',
    description: 'A conference for tests.',
    startDate: '2030-01-10',
    endDate: '2030-01-11',
  }));
  const ids: string[] = [];
  for (const { price, ...seatType } of seatTypes) {
    ids.push(orThrow(await addSeatType(organizer(db), created.conferenceId, { description: '', ...seatType, price: price * 100 })).seatTypeId);
  }
  orThrow(await setPublished(organizer(db), created.conferenceId, true));
  return { conferenceId: created.conferenceId, slug, seatTypeIds: ids };
}

export async function publishedConference(db: Database, seatTypes: SeatTypeInput[]) {
  const published = await createPublishedConference(db, seatTypes);
  // Seats go on sale when the availability policy has run: wait for it, as a registrant would.
  const onSale = seatTypes.reduce((sum, s) => sum + s.quantity, 0);
  await eventually(
    () => allocationView(db, published.conferenceId),
    (allocation) => allocation.seatTypes.reduce((sum, s) => sum + s.quota, 0) === onSale,
  );
  return published;
}

/** The order as its read model shows it once the reservation settled. */
export function settledOrder(db: Database, orderId: string, timeoutMs = 20_000) {
  return eventually(
    () => orderView(db, orderId),
    (order) => order !== null && order.status !== 'pending',
    timeoutMs,
  ).then((order) => order!);
}
