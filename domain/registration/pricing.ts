import { invalid } from '../shared/errors';
import type { SeatQuantity } from '../shared/seats';

/** A seat type's price as quoted to an order, in cents. */
export type CatalogEntry = { readonly seatTypeId: string; readonly name: string; readonly price: number };

export type OrderLine = Readonly<{
  seatTypeId: string;
  name: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}>;

export type OrderTotals = Readonly<{ lines: readonly OrderLine[]; total: number; isFreeOfCharge: boolean }>;

/** Lines for the seat types with quantity > 0, in the order given; totals in cents. */
export function priceOrder(seats: readonly SeatQuantity[], catalog: readonly CatalogEntry[]): OrderTotals {
  const lines = seats.map(({ seatTypeId, quantity }) => {
    const entry = catalog.find((candidate) => candidate.seatTypeId === seatTypeId);
    if (!entry) throw invalid('UnknownSeatType', `Unknown seat type ${seatTypeId}`);
    return { seatTypeId, name: entry.name, quantity, unitPrice: entry.price, lineTotal: Math.round(entry.price * quantity) };
  }).filter((line) => line.quantity > 0);
  const total = lines.reduce((sum, line) => sum + line.lineTotal, 0);
  return { lines, total, isFreeOfCharge: total === 0 };
}
