import { conferenceEvents, type ConferenceEvent } from '@/domain/conference/conference';
import { promoCodesEvents, type PromoCodesEvent } from '@/domain/promotions/promo-codes';
import { orderEvents, type OrderEvent } from '@/domain/registration/order';
import { seatsAvailabilityEvents, type SeatQuantity, type SeatsAvailabilityEvent } from '@/domain/registration/seats-availability';
import { waitingListEvents } from '@/domain/registration/waiting-list';
import { formatMoney } from '@/domain/shared/money';
import type { Message } from '@/domain/shared/decider';

/** What the words need besides the events: names for ids, and the conference's currency. */
export type Names = {
  readonly seatTypes: ReadonlyMap<string, string>;
  readonly orders: ReadonlyMap<string, string>;
  /** Waiting-list entries' people, by entry id. */
  readonly entries: ReadonlyMap<string, string>;
  readonly currency: string;
};

function seatsText(seats: readonly SeatQuantity[], names: Names): string {
  const parts = seats
    .filter((s) => s.quantity !== 0)
    .map((s) => `${Math.abs(s.quantity)} × ${names.seatTypes.get(s.seatTypeId) ?? 'seat'}`);
  return parts.length > 0 ? parts.join(', ') : 'no seats';
}

function conferenceWords(event: ConferenceEvent, names: Names): string {
  const money = (cents: number) => formatMoney(cents, names.currency);
  switch (event.type) {
    case 'ConferenceCreated': return `Conference “${event.data.name}” created`;
    case 'ConferenceDetailsUpdated': return 'Conference details updated';
    case 'SeatTypeAdded': return `Seat type ${event.data.name} added: ${event.data.quantity} seats at ${money(event.data.price)}`;
    case 'SeatTypeUpdated': return `Seat type ${event.data.name} updated: ${event.data.quantity} seats at ${money(event.data.price)}`;
    case 'SeatTypeRemoved': return `Seat type ${names.seatTypes.get(event.data.seatTypeId) ?? 'a seat type'} removed`;
    case 'ConferencePublished': return 'Conference published';
    case 'ConferenceUnpublished': return 'Conference unpublished';
  }
}

function availabilityWords(event: SeatsAvailabilityEvent, names: Names, order: (id: string) => string): string {
  const entry = (id: string) => names.entries.get(id) ?? 'a waiting-list entry';
  switch (event.type) {
    case 'AvailableSeatsChanged': {
      const added = event.data.seats.every((s) => s.quantity >= 0);
      return `${seatsText(event.data.seats, names)} ${added ? 'put on sale' : 'taken off sale'}`;
    }
    case 'SeatsReserved': return `${seatsText(event.data.details, names)} reserved for ${order(event.data.reservationId)}`;
    case 'SeatsReservationCommitted': return `${seatsText(event.data.seats, names)} sold to ${order(event.data.reservationId)}`;
    case 'SeatsReservationCancelled': return `Seats of ${order(event.data.reservationId)} released`;
    case 'WaitingLineJoined': return `${entry(event.data.entryId)} in line for ${seatsText(event.data.seats, names)}`;
    case 'SeatsOfferedToWaitingLine': return `${seatsText(event.data.seats, names)} held for ${entry(event.data.entryId)} from the waiting list`;
  }
}

function promoCodeWords(event: PromoCodesEvent, names: Names, order: (id: string) => string): string {
  switch (event.type) {
    case 'PromoCodeAdded': {
      const { code, discountType, discount, seatTypeId, uses } = event.data;
      const off = discountType === 'percent' ? `${discount}%` : formatMoney(discount, names.currency);
      const on = seatTypeId === null ? 'all seat types' : names.seatTypes.get(seatTypeId) ?? 'a seat type';
      return `Promo code ${code} added: ${off} off ${on}, ${uses === null ? 'unlimited uses' : `${uses} ${uses === 1 ? 'use' : 'uses'}`}`;
    }
    case 'PromoCodeUseReserved': return `Promo code ${event.data.code} taken by ${order(event.data.orderId)}`;
    case 'PromoCodeUseReleased': return `Promo code ${event.data.code} given back by ${order(event.data.orderId)}`;
  }
}

function orderWords(event: OrderEvent, names: Names, order: (id: string) => string): string {
  const who = order(event.data.orderId);
  switch (event.type) {
    case 'OrderPlaced': return `${who} placed for ${seatsText(event.data.seats, names)}`;
    case 'OrderUpdated': return `${who} changed to ${seatsText(event.data.seats, names)}`;
    case 'OrderPartiallyReserved': return `${who} partly reserved: ${seatsText(event.data.seats, names)}`;
    case 'OrderReservationCompleted': return `${who} fully reserved`;
    case 'OrderTotalsCalculated': return `${who} total ${formatMoney(event.data.total, names.currency)}`;
    case 'OrderRegistrantAssigned': return `${who} registrant ${event.data.firstName} ${event.data.lastName}`;
    case 'OrderPaymentStarted': return `${who} payment of ${formatMoney(event.data.amount, names.currency)} started`;
    case 'OrderPaymentReleased': return `${who} payment rejected`;
    case 'OrderConfirmed': return `${who} paid and confirmed`;
    case 'OrderExpired': return `${who} expired`;
  }
}

/** One event of a conference's history in a sentence; events of other streams describe as null. */
export function describeEvent(event: Message, names: Names): string | null {
  const order = (id: string) => `order ${names.orders.get(id) ?? id.slice(0, 8)}`;
  if (conferenceEvents.is(event)) return conferenceWords(event, names);
  if (seatsAvailabilityEvents.is(event)) return availabilityWords(event, names, order);
  if (orderEvents.is(event)) return orderWords(event, names, order);
  if (promoCodesEvents.is(event)) return promoCodeWords(event, names, order);
  if (waitingListEvents.is(event)) {
    return `${event.data.firstName} ${event.data.lastName} joined the waiting list for ${seatsText(event.data.seats, names)}`;
  }
  return null;
}
