import { invalid } from './errors';

/** How many seats of one seat type: requested, reserved, sold or a signed delta, by context. */
export type SeatQuantity = { readonly seatTypeId: string; readonly quantity: number };

/** Own-property lookup: seat type and reservation ids are user data, never prototype keys. */
export function lookup<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function quantityOf(seats: readonly SeatQuantity[], seatTypeId: string): number {
  return seats.reduce((sum, seat) => (seat.seatTypeId === seatTypeId ? sum + seat.quantity : sum), 0);
}

/** Guards a request: every quantity a non-negative integer, else 'InvalidQuantity'. */
export function assertQuantities(seats: readonly SeatQuantity[]): void {
  if (seats.some((seat) => !Number.isInteger(seat.quantity) || seat.quantity < 0)) {
    throw invalid('InvalidQuantity', 'Seat quantities must be whole numbers, zero or more');
  }
}

/** One entry per seat type (duplicates summed, first-seen order), zero quantities dropped. */
export function normalizeSeats(seats: readonly SeatQuantity[]): SeatQuantity[] {
  const ids = [...new Set(seats.map((seat) => seat.seatTypeId))];
  return ids
    .map((seatTypeId) => ({ seatTypeId, quantity: quantityOf(seats, seatTypeId) }))
    .filter((seat) => seat.quantity !== 0);
}

/** Same quantity for every seat type, whatever the order or zero entries. */
export function sameSeats(a: readonly SeatQuantity[], b: readonly SeatQuantity[]): boolean {
  const ids = new Set([...a, ...b].map((seat) => seat.seatTypeId));
  return [...ids].every((id) => quantityOf(a, id) === quantityOf(b, id));
}
