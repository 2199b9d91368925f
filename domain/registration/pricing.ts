import type { Promotion } from '../promotions/promo-codes';
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

/** What a promo code took off the sum of the lines, in cents (a positive amount). */
export type OrderDiscount = Readonly<{ code: string; amount: number }>;

/** `discount` only when the order has a promo code. */
export type OrderTotals = Readonly<{ lines: readonly OrderLine[]; total: number; isFreeOfCharge: boolean; discount?: OrderDiscount }>;

const covers = (promotion: Promotion, line: OrderLine) => promotion.seatTypeId === null || promotion.seatTypeId === line.seatTypeId;

/** A percent off each covered line, or an amount off each covered seat (never more than the seat costs). */
function lineDiscount(promotion: Promotion, line: OrderLine): number {
  if (!covers(promotion, line)) return 0;
  if (promotion.discountType === 'percent') return Math.round((line.lineTotal * promotion.discount) / 100);
  return Math.min(line.lineTotal, promotion.discount * line.quantity);
}

/** Lines for the seat types with quantity > 0, in the order given; totals in cents. */
export function priceOrder(
  seats: readonly SeatQuantity[], catalog: readonly CatalogEntry[], promotion: Promotion | null = null,
): OrderTotals {
  const lines = seats.map(({ seatTypeId, quantity }) => {
    const entry = catalog.find((candidate) => candidate.seatTypeId === seatTypeId);
    if (!entry) throw invalid('UnknownSeatType', `Unknown seat type ${seatTypeId}`);
    return { seatTypeId, name: entry.name, quantity, unitPrice: entry.price, lineTotal: Math.round(entry.price * quantity) };
  }).filter((line) => line.quantity > 0);
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0);
  if (!promotion) return { lines, total: subtotal, isFreeOfCharge: subtotal === 0 };
  const amount = Math.min(subtotal, lines.reduce((sum, line) => sum + lineDiscount(promotion, line), 0));
  const total = subtotal - amount;
  return { lines, total, isFreeOfCharge: total === 0, discount: { code: promotion.code, amount } };
}
