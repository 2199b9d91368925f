import type { Db } from '../db/client';
import { allocationDoc, conferenceBySlug } from './conferences';
import { orderDoc } from './orders';

type Versioned = { readonly version: number };

/**
 * Read models follow commands a moment later. An action that redirects to a page reading one
 * waits here until the model shows the version the command produced, so the next page shows the
 * change. After the deadline it gives up and the page shows what there is (never a dead end).
 */
export async function untilVersion<T extends Versioned>(
  read: () => Promise<T | null>,
  version: number,
  { timeoutMs = 5_000, everyMs = 25 } = {},
): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const doc = await read();
    if ((doc && doc.version >= version) || Date.now() >= deadline) return doc;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The order page shows what a registrant's command did: wait for the order's read model. */
export function untilOrderVersion(db: Db, orderId: string, version: number) {
  return untilVersion(() => orderDoc(db, orderId), version);
}

/**
 * The processor's answer, as the order's read model shows it: accepted, or rejected and no
 * longer the order's open payment (so the order page offers to pay again at once).
 */
export function untilPaymentSettled(db: Db, orderId: string, paymentId: string, version: number) {
  return untilVersion(async () => {
    const payment = (await orderDoc(db, orderId))?.payment;
    if (payment?.paymentId !== paymentId || (payment.status === 'rejected' && payment.open)) return null;
    return payment;
  }, version);
}

/**
 * Once a conference has been published its seats go on sale a moment after its own read model
 * changes (a policy adds them to the availability, then the allocation projects them). Pages an
 * organizer opens next (the register page, the allocation) should already show them.
 */
export async function untilSeatsOnSale(db: Db, slug: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const conference = await conferenceBySlug(db, slug);
    if (!conference?.wasEverPublished) return;
    const allocation = await allocationDoc(db, conference.conferenceId);
    const onSale = conference.seatTypes.every(
      (seatType) => allocation?.seatTypes.find((row) => row.seatTypeId === seatType.seatTypeId)?.quota === seatType.quantity,
    );
    if (onSale || Date.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
