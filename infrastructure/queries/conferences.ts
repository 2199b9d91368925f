import { conferenceRules } from '@/domain/conference/rules';
import type { Db } from '../db/client';
import { perDatabase } from '../process-wide';
import type { ConferenceDoc } from '../projections/conferences';
import type { AllocationDoc } from '../projections/seat-allocation';

export type ConferenceSummary = Pick<
  ConferenceDoc,
  'conferenceId' | 'slug' | 'name' | 'tagline' | 'location' | 'startDate' | 'endDate'
>;

/** Public details: never the owner's e-mail or access code. */
export type PublicConference = ConferenceSummary & Pick<ConferenceDoc, 'description' | 'currency'>;

const publicOf = (doc: ConferenceDoc): PublicConference => ({
  conferenceId: doc.conferenceId,
  slug: doc.slug,
  name: doc.name,
  tagline: doc.tagline,
  location: doc.location,
  startDate: doc.startDate,
  endDate: doc.endDate,
  description: doc.description,
  currency: doc.currency,
});

export async function listPublishedConferences(db: Db): Promise<ConferenceSummary[]> {
  const rows = await db.query<{ doc: ConferenceDoc }>(
    `SELECT doc FROM rm_conferences WHERE published ORDER BY doc->>'startDate', doc->>'name'`,
  );
  return rows.map((row) => publicOf(row.doc));
}

export async function conferenceBySlug(db: Db, slug: string): Promise<ConferenceDoc | null> {
  if (!conferenceRules.slug.pattern.test(slug)) return null;
  const [row] = await db.query<{ doc: ConferenceDoc }>('SELECT doc FROM rm_conferences WHERE slug = $1', [slug]);
  return row?.doc ?? null;
}

/** Slugs found, by database: a slug's row is written with its conference's first event and never changes. */
const slugsFound = perDatabase('conferenceIdsBySlug', (_db: Db) => new Map<string, string>());
const slugsKept = 10_000;

/**
 * The conference a slug names, from the slug's own row, written with the conference's first
 * event: known at once, where the read model follows a moment later. Asked once per process:
 * every order placed through the API asks it, and the answer cannot change (an unknown slug is
 * asked again, as it may be taken since).
 */
export async function conferenceIdOfSlug(db: Db, slug: string): Promise<string | null> {
  if (!conferenceRules.slug.pattern.test(slug)) return null;
  const found = slugsFound(db);
  const known = found.get(slug);
  if (known) return known;
  const [row] = await db.query<{ conference_id: string }>('SELECT conference_id FROM conference_slugs WHERE slug = $1', [slug]);
  // A transaction's row is not there for good until it commits.
  if (!row || db.inTransaction) return row?.conference_id ?? null;
  if (found.size >= slugsKept) found.clear();
  found.set(slug, row.conference_id);
  return row.conference_id;
}

export async function conferenceById(db: Db, conferenceId: string): Promise<ConferenceDoc | null> {
  const [row] = await db.query<{ doc: ConferenceDoc }>('SELECT doc FROM rm_conferences WHERE conference_id = $1', [
    conferenceId,
  ]);
  return row?.doc ?? null;
}

export async function publishedConference(db: Db, slug: string): Promise<PublicConference | null> {
  const doc = await conferenceBySlug(db, slug);
  return doc?.published ? publicOf(doc) : null;
}

export type SeatTypeOffer = {
  readonly seatTypeId: string;
  readonly name: string;
  readonly description: string;
  readonly price: number;
  /** Seats left for anyone (never negative). */
  readonly available: number;
};

export type RegistrationOffer = { readonly conference: PublicConference; readonly seatTypes: readonly SeatTypeOffer[] };

/** What the register page offers: the published seat types with what is left of each. */
export async function registrationOffer(db: Db, slug: string): Promise<RegistrationOffer | null> {
  if (!conferenceRules.slug.pattern.test(slug)) return null;
  // One round trip: the register page and its cache's digest read this on every request.
  const [row] = await db.query<{ doc: ConferenceDoc; allocation: AllocationDoc | null }>(
    `SELECT c.doc, a.doc AS allocation FROM rm_conferences c LEFT JOIN rm_seat_allocation a USING (conference_id)
     WHERE c.slug = $1 AND c.published`,
    [slug],
  );
  if (!row) return null;
  const { doc, allocation } = row;
  const seatTypes = doc.seatTypes.map(({ seatTypeId, name, description, price }) => {
    const counted = allocation?.seatTypes.find((line) => line.seatTypeId === seatTypeId);
    return { seatTypeId, name, description, price, available: Math.max(0, counted?.available ?? 0) };
  });
  return { conference: publicOf(doc), seatTypes };
}

export async function allocationDoc(db: Db, conferenceId: string): Promise<AllocationDoc | null> {
  const [row] = await db.query<{ doc: AllocationDoc }>(
    'SELECT doc FROM rm_seat_allocation WHERE conference_id = $1',
    [conferenceId],
  );
  return row?.doc ?? null;
}
