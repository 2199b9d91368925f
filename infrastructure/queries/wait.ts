import type { Db } from '../db/client';
import { poll } from '../poll';
import { allocationDoc, conferenceBySlug } from './conferences';
import { orderDoc } from './orders';
import { promoCodesView } from './promo-codes';
import { waitingListEntryDoc } from './waiting-list';

/*
 * Read models follow commands a moment later. An action that redirects to a page reading one
 * waits here until the model shows what the command did, so the next page shows the change.
 * After the deadline it gives up and the page shows what there is (never a dead end).
 */

const atVersion = (version: number) => (doc: { readonly version: number } | null) => (doc?.version ?? 0) >= version;

/** The order page shows what a registrant's command did. */
export async function untilOrderVersion(db: Db, orderId: string, version: number): Promise<void> {
  await poll(() => orderDoc(db, orderId), atVersion(version));
}

/** The organizer's pages show what a command on the conference did. */
export async function untilConferenceVersion(db: Db, slug: string, version: number): Promise<void> {
  await poll(() => conferenceBySlug(db, slug), atVersion(version));
}

/**
 * The processor's answer, as the order's read model shows it: accepted, or rejected and no
 * longer the order's open payment (so the order page offers to pay again at once).
 */
export async function untilPaymentSettled(db: Db, orderId: string, paymentId: string, version: number): Promise<void> {
  await poll(
    () => orderDoc(db, orderId),
    (doc) => doc?.payment?.paymentId === paymentId && doc.payment.version >= version && !(doc.payment.status === 'rejected' && doc.payment.open),
  );
}

/**
 * Once a conference has been published its seats go on sale a moment after its own read model
 * changes (a policy adds them to the availability, then the allocation projects them). Pages an
 * organizer opens next (the register page, the allocation) should already show them.
 */
export async function untilSeatsOnSale(db: Db, slug: string): Promise<void> {
  await poll(
    async () => {
      const conference = await conferenceBySlug(db, slug);
      if (!conference?.wasEverPublished) return true;
      const allocation = await allocationDoc(db, conference.conferenceId);
      const quotaOf = (seatTypeId: string) => allocation?.seatTypes.find((row) => row.seatTypeId === seatTypeId)?.quota;
      return conference.seatTypes.every((seatType) => quotaOf(seatType.seatTypeId) === seatType.quantity);
    },
    (onSale) => onSale,
  );
}

/** The promo codes page shows what an organizer's command did. */
export async function untilPromoCodesVersion(db: Db, conferenceId: string, version: number): Promise<void> {
  await poll(() => promoCodesView(db, conferenceId), atVersion(version));
}

/** The entry's page shows its place in line, which the seats availability gives a moment after joining. */
export async function untilInWaitingLine(db: Db, entryId: string): Promise<void> {
  await poll(() => waitingListEntryDoc(db, entryId), (doc) => doc !== null && doc.status !== 'joining');
}
