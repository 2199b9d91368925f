import { createHash } from 'node:crypto';
import { maxSeatsPerSeatType } from '@/domain/registration/rules';
import type { Db } from '../db/client';
import type { OrderViewStatus } from '../projections/orders';
import { registrationOffer, type RegistrationOffer } from './conferences';
import { orderView, type OrderView } from './orders';

/** A seat type on the register page, with how many this registrant may choose. */
export type SeatChoice = {
  readonly seatTypeId: string;
  readonly name: string;
  readonly description: string;
  readonly price: number;
  /** Seats left for this registrant: for everyone, plus what their order already holds. */
  readonly left: number;
  /** The most they may choose: what is left, at most the per-order limit. */
  readonly max: number;
  /** What is chosen when the page opens: the order's quantities when changing one. */
  readonly initial: number;
};

const changeable: ReadonlySet<OrderViewStatus> = new Set(['pending', 'partiallyReserved', 'reserved']);

const quantityIn = (seats: readonly { seatTypeId: string; quantity: number }[], seatTypeId: string) =>
  seats.find((seat) => seat.seatTypeId === seatTypeId)?.quantity ?? 0;

/** Seats this order already holds count as available to it: it may keep or lower them. */
function choicesFor(offer: RegistrationOffer, order: OrderView | null): SeatChoice[] {
  return offer.seatTypes.map(({ seatTypeId, name, description, price, available }) => {
    const left = available + (order ? quantityIn(order.reserved, seatTypeId) : 0);
    const max = Math.min(left, maxSeatsPerSeatType);
    const initial = Math.min(order ? quantityIn(order.requested, seatTypeId) : 0, max);
    return { seatTypeId, name, description, price, left, max, initial };
  });
}

export type RegisterPage = { readonly offer: RegistrationOffer; readonly order: OrderView | null; readonly choices: readonly SeatChoice[] };

/**
 * What the register page offers: a new order's choices, or, with `orderId` (an order the
 * browser may change, of this conference, not yet over), that order's seats to change.
 */
export async function registerPage(db: Db, slug: string, orderId: string | null): Promise<RegisterPage | null> {
  const offer = await registrationOffer(db, slug);
  if (!offer) return null;
  const view = orderId ? await orderView(db, orderId) : null;
  const order = view && view.conferenceId === offer.conference.conferenceId && changeable.has(view.status) ? view : null;
  return { offer, order, choices: choicesFor(offer, order) };
}

/**
 * A digest of what the register page shows when no order is being changed (the offer it renders
 * from): equal digests, equal pages. Null when there is no such page (no published conference).
 */
export async function registerPageFingerprint(db: Db, slug: string): Promise<string | null> {
  const offer = await registrationOffer(db, slug);
  return offer && createHash('md5').update(JSON.stringify(offer)).digest('base64url');
}
