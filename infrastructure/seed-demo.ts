import type { Database } from './db/client';
import { logger } from './logger';
import { untilSeatsOnSale } from './queries/wait';
import { addSeatType, createConference, setPublished } from './services/conferences';
import { orThrow } from './services/result';

const demoSeatTypes = [
  { name: 'General admission', description: 'All talks, both days, lunch included.', quantity: 100, price: 19_900 },
  { name: 'CQRS Workshop', description: 'A full-day, hands-on workshop on CQRS and event sourcing.', quantity: 100, price: 50_000 },
  { name: 'Cocktail party', description: 'The evening reception on day one.', quantity: 100, price: 5_000 },
];

/**
 * An empty database gets a published demo conference, so a first `npm start` shows a working
 * flow. Its command ids are random (a fixed id could be replayed by anyone who read this file);
 * processes starting together race for the slug, and the losers leave it to the winner.
 */
export async function seedDemo(db: Database, options: { awaitSale: boolean }): Promise<void> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM streams WHERE stream_type = 'conference'`);
  if ((row?.n ?? 0) > 0) return;
  const context = { db, actor: 'seed' };
  const year = new Date().getUTCFullYear() + 1;
  const created = await createConference(context, {
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
  if (!created.ok && created.code === 'SlugTaken') return;
  const { conferenceId, slug, accessCode } = orThrow(created);
  for (const seatType of demoSeatTypes) orThrow(await addSeatType(context, conferenceId, seatType));
  orThrow(await setPublished(context, conferenceId, true));
  // The first visitor should find seats for sale, not a moment of "Sold out".
  if (options.awaitSale) await untilSeatsOnSale(db, slug);
  logger.info({ slug, ownerEmail: 'organizer@seatwise.example', accessCode }, 'demo conference created');
}
