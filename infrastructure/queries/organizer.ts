import { sameCode } from '../auth/access-codes';
import type { Registrant } from '@/domain/registration/order';
import type { Db } from '../db/client';
import type { ConferenceDoc } from '../projections/conferences';
import type { OrderDoc, OrderViewStatus } from '../projections/orders';
import type { SeatAssignmentsDoc } from '../projections/seat-assignments';
import { allocationDoc } from './conferences';

/** The conference an organizer signs in to; the code is compared in constant time. */
export async function conferenceForOrganizer(db: Db, email: string, accessCode: string): Promise<ConferenceDoc | null> {
  const rows = await db.query<{ doc: ConferenceDoc }>('SELECT doc FROM rm_conferences WHERE owner_email = $1', [
    email.toLowerCase(),
  ]);
  let match: ConferenceDoc | null = null;
  for (const { doc } of rows) if (sameCode(doc.accessCode, accessCode.toUpperCase())) match = doc;
  return match;
}

export type OrganizerOrderRow = {
  readonly orderId: string;
  readonly accessCode: string;
  readonly status: 'Pending' | 'Reserved' | 'Paid' | 'Expired';
  readonly total: number;
  readonly currency: string;
  readonly registrant: string;
  readonly email: string;
  readonly registrantDetails: Registrant | null;
  readonly attendees: readonly string[];
  readonly placedAt: string;
};

const statusLabels: Record<OrderViewStatus, OrganizerOrderRow['status']> = {
  pending: 'Pending',
  partiallyReserved: 'Reserved',
  reserved: 'Reserved',
  confirmed: 'Paid',
  expired: 'Expired',
};

/** Orders and attendees of a conference, newest first. */
export async function organizerOrders(db: Db, conferenceId: string): Promise<OrganizerOrderRow[]> {
  const rows = await db.query<{ doc: OrderDoc; seats: SeatAssignmentsDoc | null }>(
    `SELECT o.doc, a.doc AS seats FROM rm_orders o LEFT JOIN rm_seat_assignments a ON a.order_id = o.order_id
     WHERE o.conference_id = $1 ORDER BY o.placed_at DESC, o.order_id DESC`,
    [conferenceId],
  );
  return rows.map(({ doc, seats }) => ({
    orderId: doc.orderId,
    accessCode: doc.accessCode,
    status: statusLabels[doc.status],
    total: doc.total,
    currency: doc.currency,
    registrant: doc.registrant ? `${doc.registrant.firstName} ${doc.registrant.lastName}` : '',
    email: doc.registrant?.email ?? '',
    registrantDetails: doc.registrant,
    attendees: (seats?.seats ?? []).flatMap((s) => (s.attendee ? [`${s.attendee.firstName} ${s.attendee.lastName}`] : [])),
    placedAt: doc.placedAt,
  }));
}

export type AllocationView = {
  readonly version: number;
  readonly seatTypes: readonly { seatTypeId: string; name: string; quota: number; reserved: number; sold: number; available: number }[];
  readonly lastChangeAt: string | null;
  /** How long after the last change the read model had it: the projection's lag. */
  readonly lagMs: number | null;
};

export async function allocationView(db: Db, conferenceId: string): Promise<AllocationView> {
  const doc = await allocationDoc(db, conferenceId);
  const [row] = await db.query<{ projected_at: Date }>(
    'SELECT projected_at FROM rm_seat_allocation WHERE conference_id = $1',
    [conferenceId],
  );
  const lastChangeAt = doc?.lastChangeAt ?? null;
  const lagMs = lastChangeAt && row ? Math.max(0, new Date(row.projected_at).getTime() - Date.parse(lastChangeAt)) : null;
  return { version: doc?.version ?? 0, seatTypes: doc?.seatTypes ?? [], lastChangeAt, lagMs };
}
