import 'server-only';
import { json, notFoundJson, orUnavailable } from '@/app/api/_lib/json';
import { hasOrderAccess } from '@/app/orders/order-access';
import type { OrderSnapshot, SeatAssignmentsSnapshot, WaitingListEntrySnapshot } from '@/components/registrant/order-types';
import type { Db } from '@/infrastructure/db/client';
import type { OrderView, SeatAssignmentsView } from '@/infrastructure/queries/orders';
import type { WaitingListEntryView } from '@/infrastructure/queries/waiting-list';
import { database } from '@/infrastructure/runtime';

/**
 * A read model of one order as JSON for polling: `null` while it is not projected yet (it is
 * written a moment after the command); 404 for a browser without access, whether or not it exists.
 */
export function orderJson<V, T>(params: Promise<{ orderId: string }>, read: (db: Db, orderId: string) => Promise<V | null>, dto: (view: V) => T) {
  return orUnavailable(async () => {
    const { orderId } = await params;
    if (!(await hasOrderAccess(orderId))) return notFoundJson('Order not found');
    const view = await read(await database(), orderId);
    return json(view === null ? null : dto(view));
  });
}

export const orderSnapshot = (view: OrderView) => {
  const { orderId, version, status, requested, reserved, lines, total, currency, reservationExpiresAt, registrant, accessCode } = view;
  const payment = view.payment && { paymentId: view.payment.paymentId, status: view.payment.status, open: view.payment.open };
  const { conferenceName, conferenceSlug, shortfall } = view;
  return {
    orderId, version, status, requested, reserved, total, currency, reservationExpiresAt, registrant, accessCode, payment,
    lines: lines.map(({ seatTypeId, name, unitPrice, quantity, lineTotal }) => ({ seatTypeId, name, unitPrice, quantity, lineTotal })),
    conferenceName, conferenceSlug, shortfall, discount: view.discount,
  } satisfies OrderSnapshot;
};

export const seatsSnapshot = ({ orderId, version, seats }: SeatAssignmentsView) =>
  ({ orderId, version, seats: seats.map(({ position, label, firstName, lastName, email }) => ({ position, label, firstName, lastName, email })) }) satisfies SeatAssignmentsSnapshot;

/** A waiting-list entry: the browser that joined may follow it, as it may open the order an offer places under its id. */
export const entrySnapshot = ({ entryId, status, place, seats }: WaitingListEntryView) =>
  ({ entryId, status, place, seats: seats.map(({ seatTypeName, quantity }) => ({ seatTypeName, quantity })) }) satisfies WaitingListEntrySnapshot;
