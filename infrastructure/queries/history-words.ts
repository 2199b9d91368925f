import type { SeatQuantity } from '@/domain/registration/seats-availability';
import type { StoredEvent } from '../event-store/types';

export type Names = { readonly seatTypes: ReadonlyMap<string, string>; readonly orders: ReadonlyMap<string, string> };

const money = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

function seatsText(seats: readonly SeatQuantity[], names: Names): string {
  const parts = seats
    .filter((s) => s.quantity !== 0)
    .map((s) => `${Math.abs(s.quantity)} × ${names.seatTypes.get(s.seatTypeId) ?? 'seat'}`);
  return parts.length > 0 ? parts.join(', ') : 'no seats';
}

type Data = Record<string, unknown> & { seats?: SeatQuantity[]; details?: SeatQuantity[] };

/** One event in a sentence; events of no interest to an organizer describe as null. */
export function describeEvent(event: StoredEvent, names: Names): string | null {
  const data = event.data as Data;
  const order = (id: unknown) => `order ${names.orders.get(String(id)) ?? String(id).slice(0, 8)}`;
  const seatType = () => names.seatTypes.get(String(data.seatTypeId)) ?? String(data.name ?? 'a seat type');
  switch (event.type) {
    case 'ConferenceCreated': return `Conference “${String(data.name)}” created`;
    case 'ConferenceDetailsUpdated': return 'Conference details updated';
    case 'SeatTypeAdded': return `Seat type ${String(data.name)} added: ${String(data.quantity)} seats at ${money(Number(data.price))}`;
    case 'SeatTypeUpdated': return `Seat type ${String(data.name)} updated: ${String(data.quantity)} seats at ${money(Number(data.price))}`;
    case 'SeatTypeRemoved': return `Seat type ${seatType()} removed`;
    case 'ConferencePublished': return 'Conference published';
    case 'ConferenceUnpublished': return 'Conference unpublished';
    case 'AvailableSeatsChanged': {
      const seats = data.seats ?? [];
      const added = seats.every((s) => s.quantity >= 0);
      return `${seatsText(seats, names)} ${added ? 'put on sale' : 'taken off sale'}`;
    }
    case 'SeatsReserved': return `${seatsText(data.details ?? [], names)} reserved for ${order(data.reservationId)}`;
    case 'SeatsReservationCommitted': return `${seatsText(data.seats ?? [], names)} sold to ${order(data.reservationId)}`;
    case 'SeatsReservationCancelled': return `Seats of ${order(data.reservationId)} released`;
    case 'OrderPlaced': return `${order(data.orderId)} placed for ${seatsText(data.seats ?? [], names)}`;
    case 'OrderUpdated': return `${order(data.orderId)} changed to ${seatsText(data.seats ?? [], names)}`;
    case 'OrderPartiallyReserved': return `${order(data.orderId)} partly reserved: ${seatsText(data.seats ?? [], names)}`;
    case 'OrderReservationCompleted': return `${order(data.orderId)} fully reserved`;
    case 'OrderTotalsCalculated': return `${order(data.orderId)} total ${money(Number(data.total))}`;
    case 'OrderRegistrantAssigned': return `${order(data.orderId)} registrant ${String(data.firstName)} ${String(data.lastName)}`;
    case 'OrderConfirmed': return `${order(data.orderId)} paid and confirmed`;
    case 'OrderExpired': return `${order(data.orderId)} expired`;
    default: return null;
  }
}
