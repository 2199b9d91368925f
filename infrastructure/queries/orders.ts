import type { OrderDiscount } from '@/domain/registration/pricing';
import type { Db } from '../db/client';
import type { OrderDoc } from '../projections/orders';
import type { SeatAssignmentsDoc } from '../projections/seat-assignments';
import { sameCode } from '../auth/access-codes';
import { conferenceById } from './conferences';

export type OrderLineView = {
  readonly seatTypeId: string;
  readonly name: string;
  readonly unitPrice: number;
  readonly quantity: number;
  readonly lineTotal: number;
};

export type OrderView = Omit<OrderDoc, 'lines' | 'discount'> & {
  readonly lines: readonly OrderLineView[];
  readonly discount: OrderDiscount | null;
  readonly conferenceName: string;
  readonly conferenceSlug: string;
  /** Seat types asked for but not (fully) reserved: what the order page explains. */
  readonly shortfall: readonly { name: string; requested: number; reserved: number }[];
};

export async function orderDoc(db: Db, orderId: string): Promise<OrderDoc | null> {
  const [row] = await db.query<{ doc: OrderDoc }>('SELECT doc FROM rm_orders WHERE order_id = $1', [orderId]);
  return row?.doc ?? null;
}

export async function orderView(db: Db, orderId: string): Promise<OrderView | null> {
  const doc = await orderDoc(db, orderId);
  if (!doc) return null;
  const conference = await conferenceById(db, doc.conferenceId);
  const nameOf = (seatTypeId: string) =>
    conference?.seatTypes.find((s) => s.seatTypeId === seatTypeId)?.name ??
    doc.lines.find((l) => l.seatTypeId === seatTypeId)?.name ??
    'Seat';
  const settled = doc.status !== 'pending';
  const shortfall = settled && doc.status !== 'expired'
    ? doc.requested.flatMap(({ seatTypeId, quantity }) => {
        const reserved = doc.reserved.find((r) => r.seatTypeId === seatTypeId)?.quantity ?? 0;
        return reserved < quantity ? [{ name: nameOf(seatTypeId), requested: quantity, reserved }] : [];
      })
    : [];
  return {
    ...doc,
    lines: doc.lines.map((line) => ({ ...line, name: nameOf(line.seatTypeId) })),
    discount: doc.discount ?? null,
    conferenceName: conference?.name ?? '',
    conferenceSlug: conference?.slug ?? '',
    shortfall,
  };
}

/** Order lookup by e-mail + access code: both must match; the code is compared in constant time. */
export async function findOrderId(db: Db, email: string, accessCode: string): Promise<string | null> {
  const rows = await db.query<{ order_id: string; access_code: string }>(
    'SELECT order_id, access_code FROM rm_orders WHERE email = $1 ORDER BY placed_at DESC',
    [email.toLowerCase()],
  );
  let match: string | null = null;
  for (const row of rows) if (sameCode(row.access_code, accessCode.toUpperCase()) && match === null) match = row.order_id;
  return match;
}

export type AssignableSeat = {
  readonly position: number;
  readonly seatTypeId: string;
  readonly seatTypeName: string;
  /** `<seat type name> <n>`, n counted from 1 within each seat type. */
  readonly label: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
};

export type SeatAssignmentsView = { readonly orderId: string; readonly version: number; readonly seats: readonly AssignableSeat[] };

export async function seatAssignmentsView(db: Db, orderId: string): Promise<SeatAssignmentsView | null> {
  const [row] = await db.query<{ doc: SeatAssignmentsDoc }>('SELECT doc FROM rm_seat_assignments WHERE order_id = $1', [orderId]);
  if (!row) return null;
  const order = await orderView(db, orderId);
  const nameOf = (seatTypeId: string) => order?.lines.find((l) => l.seatTypeId === seatTypeId)?.name ?? 'Seat';
  const counters = new Map<string, number>();
  const seats = row.doc.seats.map(({ position, seatTypeId, attendee }) => {
    const n = (counters.get(seatTypeId) ?? 0) + 1;
    counters.set(seatTypeId, n);
    return {
      position,
      seatTypeId,
      seatTypeName: nameOf(seatTypeId),
      label: `${nameOf(seatTypeId)} ${n}`,
      firstName: attendee?.firstName ?? '',
      lastName: attendee?.lastName ?? '',
      email: attendee?.email ?? '',
    };
  });
  return { orderId, version: row.doc.version, seats };
}
