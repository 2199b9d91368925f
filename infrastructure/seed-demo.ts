import type { Database } from './db/client';
import { derivedId } from './commands/ids';
import { logger } from './logger';
import { untilSeatsOnSale } from './queries/wait';
import { addSeatType, createConference, setPublished } from './services/conferences';

const demoSeatTypes = [
  { name: 'General admission', description: 'All talks, both days, lunch included.', quantity: 100, price: 199 },
  { name: 'CQRS Workshop', description: 'A full-day, hands-on workshop on CQRS and event sourcing.', quantity: 100, price: 500 },
  { name: 'Cocktail party', description: 'The evening reception on day one.', quantity: 100, price: 50 },
];

/**
 * An empty database gets a published demo conference, so a first `npm start` shows a working
 * flow. Command ids are fixed: processes starting together create it once.
 */
export async function seedDemo(db: Database, options: { awaitSale: boolean }): Promise<void> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM streams WHERE stream_type = 'conference'`);
  if ((row?.n ?? 0) > 0) return;
  const id = (step: string) => derivedId('seatwise-demo-conference', step);
  const context = (step: string) => ({ db, actor: 'seed', commandId: id(step) });
  const year = new Date().getUTCFullYear() + 1;
  const created = await createConference(context('create'), {
    name: 'CQRS Summit',
    slug: 'cqrs-summit',
    tagline: 'Two days of commands, events and eventual consistency',
    location: 'Contoso Conference Center, Redmond',
    description: 'Talks and workshops on CQRS, event sourcing and domain-driven design, from the people who build such systems.',
    startDate: `${year}-05-12`,
    endDate: `${year}-05-13`,
    ownerName: 'Demo Organizer',
    ownerEmail: 'organizer@seatwise.example',
  });
  for (const [index, seatType] of demoSeatTypes.entries()) {
    await addSeatType(context(`seat-type/${index}`), created.conferenceId, seatType);
  }
  await setPublished(context('publish'), created.conferenceId, true);
  // The first visitor should find seats for sale, not a moment of "Sold out".
  if (options.awaitSale) await untilSeatsOnSale(db, created.slug);
  logger.info(
    { slug: created.slug, ownerEmail: 'organizer@seatwise.example', accessCode: created.accessCode },
    'demo conference created',
  );
}
