import 'server-only';
import { z } from 'zod';
import type { ConferenceDoc } from '@/infrastructure/projections/conferences';
import type { PromoCodesDoc } from '@/infrastructure/projections/promo-codes';
import type { RegistrationOffer } from '@/infrastructure/queries/conferences';
import type { OrderView, SeatAssignmentsView } from '@/infrastructure/queries/orders';
import type { AllocationView, OrganizerOrderRow } from '@/infrastructure/queries/organizer';
import type { WaitingListEntryView, WaitingListRow } from '@/infrastructure/queries/waiting-list';

// What the API answers, as zod schemas: the OpenAPI document is generated from them, and every
// answer is built by a function whose result `satisfies` its schema's type.

const id = z.uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const money = z.number().int();
const version = z.number().int().min(0);
const person = z.object({ firstName: z.string(), lastName: z.string(), email: z.string() });

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});
export const written = z.object({ version });

const conferenceSummary = z.object({ slug: z.string(), name: z.string(), tagline: z.string(), location: z.string(), startDate: date, endDate: date });
export const conferenceList = z.object({ conferences: z.array(conferenceSummary) });
export const publicConference = conferenceSummary.extend({
  description: z.string(),
  currency: z.string(),
  seatTypes: z.array(z.object({ id, name: z.string(), description: z.string(), price: money, available: z.number().int().min(0) })),
});

export const orderCreated = z.object({ orderId: id, orderToken: z.string(), version });
export const orderTokenBody = z.object({ orderId: id, orderToken: z.string() });
export const order = z.object({
  orderId: id,
  conferenceSlug: z.string(),
  status: z.enum(['pending', 'reserved', 'confirmed', 'expired']),
  lines: z.array(z.object({ seatTypeId: id, seatTypeName: z.string(), requested: z.number().int(), quantity: z.number().int(), price: money, total: money })),
  total: money,
  discount: z.object({ code: z.string(), amount: money }).nullable(),
  currency: z.string(),
  reservationExpiresAt: z.string(),
  registrant: person.nullable(),
  payment: z.object({ paymentId: id, status: z.enum(['initiated', 'completed', 'rejected', 'refunded']) }).nullable(),
  accessCode: z.string().nullable(),
  version,
});
export const checkoutStarted = z.object({ paymentId: id.nullable(), version });
export const attendees = z.object({
  attendees: z.array(z.object({
    position: z.number().int(), seatTypeId: z.string(), seatTypeName: z.string(),
    firstName: z.string().nullable(), lastName: z.string().nullable(), email: z.string().nullable(),
  })),
  version,
});

export const conferenceCreated = z.object({ conferenceId: id, slug: z.string(), accessCode: z.string(), organizerToken: z.string(), version });
export const organizerTokenBody = z.object({ slug: z.string(), organizerToken: z.string() });
export const organizerConference = conferenceSummary.extend({
  conferenceId: id, description: z.string(), currency: z.string(), published: z.boolean(), accessCode: z.string(),
  seatTypes: z.array(z.object({ id, name: z.string(), description: z.string(), quantity: z.number().int(), price: money })),
  version,
});
export const seatTypeCreated = z.object({ seatTypeId: id, version });
export const organizerOrders = z.object({
  orders: z.array(z.object({
    orderId: id, accessCode: z.string(), status: z.enum(['pending', 'reserved', 'confirmed', 'expired']),
    total: money, currency: z.string(), registrant: person.nullable(), attendees: z.number().int(),
  })),
  version,
});
export const allocation = z.object({
  seatTypes: z.array(z.object({ seatTypeId: z.string(), name: z.string(), quota: z.number().int(), reserved: z.number().int(), sold: z.number().int(), available: z.number().int() })),
  version,
});

export const promoCodeCreated = z.object({ code: z.string(), version });
export const promoCodes = z.object({
  promoCodes: z.array(z.object({
    code: z.string(), discountType: z.enum(['percent', 'amount']), discount: z.number().int(), seatTypeId: id.nullable(),
    uses: z.number().int().nullable(), used: z.number().int(),
  })),
  version,
});

/** The order token opens the entry and, once seats are offered, the order placed for them (its id is the entry's). */
export const waitingListJoined = z.object({ entryId: id, orderToken: z.string(), version });
const waitingStatus = z.enum(['waiting', 'offered', 'booked', 'lapsed']);
const waitedSeats = z.array(z.object({ seatTypeId: id, seatTypeName: z.string(), quantity: z.number().int() }));
export const waitingListEntry = z.object({
  entryId: id,
  status: waitingStatus,
  /** The place in line while waiting (1 = first); null once offered, or for a moment after joining. */
  position: z.number().int().min(1).nullable(),
  seats: waitedSeats,
  /** The order placed for the offer (the entry's id), once seats were offered. */
  orderId: id.nullable(),
  version,
});
export const waitingList = z.object({
  entries: z.array(z.object({
    entryId: id, position: z.number().int().min(1), firstName: z.string(), lastName: z.string(), email: z.string(),
    seats: waitedSeats, status: waitingStatus,
  })),
  version,
});

const statusOf = (status: OrderView['status']) => (status === 'partiallyReserved' ? 'reserved' : status);

export const publicConferenceOf = ({ conference: c, seatTypes }: RegistrationOffer) => ({
  slug: c.slug, name: c.name, tagline: c.tagline, location: c.location, startDate: c.startDate, endDate: c.endDate,
  description: c.description, currency: c.currency,
  seatTypes: seatTypes.map((s) => ({ id: s.seatTypeId, name: s.name, description: s.description, price: s.price, available: s.available })),
}) satisfies z.infer<typeof publicConference>;

/** Every seat type asked for, with what is reserved of it (0 while pending, or when none could be). */
export function orderOf(view: OrderView) {
  const lines = view.requested.map(({ seatTypeId, quantity: requested }) => {
    const line = view.lines.find((l) => l.seatTypeId === seatTypeId);
    const quantity = view.status === 'pending' ? 0 : view.reserved.find((r) => r.seatTypeId === seatTypeId)?.quantity ?? 0;
    const price = line?.unitPrice ?? 0;
    return { seatTypeId, seatTypeName: line?.name ?? 'Seat', requested, quantity, price, total: price * quantity };
  });
  return {
    orderId: view.orderId, conferenceSlug: view.conferenceSlug, status: statusOf(view.status), lines, total: view.total,
    discount: view.discount, currency: view.currency, reservationExpiresAt: view.reservationExpiresAt, registrant: view.registrant,
    payment: view.payment && { paymentId: view.payment.paymentId, status: view.payment.status },
    accessCode: view.status === 'confirmed' ? view.accessCode : null, version: view.version,
  } satisfies z.infer<typeof order>;
}

/** A seat without an attendee has no names: null, not empty. */
export const attendeesOf = (view: SeatAssignmentsView) => ({
  attendees: view.seats.map(({ position, seatTypeId, seatTypeName, firstName, lastName, email }) => ({
    position, seatTypeId, seatTypeName, firstName: email ? firstName : null, lastName: email ? lastName : null, email: email || null,
  })),
  version: view.version,
}) satisfies z.infer<typeof attendees>;

export const organizerConferenceOf = (doc: ConferenceDoc) => ({
  conferenceId: doc.conferenceId, slug: doc.slug, name: doc.name, tagline: doc.tagline, description: doc.description,
  location: doc.location, startDate: doc.startDate, endDate: doc.endDate, currency: doc.currency, published: doc.published,
  accessCode: doc.accessCode,
  seatTypes: doc.seatTypes.map((s) => ({ id: s.seatTypeId, name: s.name, description: s.description, quantity: s.quantity, price: s.price })),
  version: doc.version,
}) satisfies z.infer<typeof organizerConference>;

const organizerStatus = { Pending: 'pending', Reserved: 'reserved', Paid: 'confirmed', Expired: 'expired' } as const;

/** The orders, with the version of the conference's read model they were read beside. */
export const organizerOrdersOf = (rows: readonly OrganizerOrderRow[], version: number) => ({
  orders: rows.map((row) => ({
    orderId: row.orderId, accessCode: row.accessCode, status: organizerStatus[row.status], total: row.total, currency: row.currency,
    registrant: row.registrantDetails, attendees: row.attendees.length,
  })),
  version,
}) satisfies z.infer<typeof organizerOrders>;

export const allocationOf = (view: AllocationView) => ({
  seatTypes: view.seatTypes.map(({ seatTypeId, name, quota, reserved, sold, available }) => ({ seatTypeId, name, quota, reserved, sold, available })),
  version: view.version,
}) satisfies z.infer<typeof allocation>;

export const promoCodesOf = (doc: PromoCodesDoc) => ({
  promoCodes: doc.codes.map(({ code, discountType, discount, seatTypeId, uses, used }) => ({ code, discountType, discount, seatTypeId, uses, used })),
  version: doc.version,
}) satisfies z.infer<typeof promoCodes>;

export const waitingListEntryOf = (view: WaitingListEntryView) => ({
  entryId: view.entryId, status: view.status, position: view.place,
  seats: view.seats.map(({ seatTypeId, seatTypeName, quantity }) => ({ seatTypeId, seatTypeName, quantity })),
  orderId: view.status === 'waiting' ? null : view.entryId,
  version: view.version,
}) satisfies z.infer<typeof waitingListEntry>;

/** One entry per person, its seat types together, in the order they joined. */
export function waitingListOf(rows: readonly WaitingListRow[], version: number) {
  const entries = new Map<string, z.infer<typeof waitingList>['entries'][number]>();
  for (const row of rows) {
    const entry = entries.get(row.entryId) ?? {
      entryId: row.entryId, position: row.position, firstName: row.firstName, lastName: row.lastName, email: row.email,
      seats: [], status: row.status,
    };
    entries.set(row.entryId, { ...entry, seats: [...entry.seats, { seatTypeId: row.seatTypeId, seatTypeName: row.seatTypeName, quantity: row.quantity }] });
  }
  return { entries: [...entries.values()], version } satisfies z.infer<typeof waitingList>;
}
