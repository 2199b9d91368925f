import type { Registrant } from '@/domain/registration/order';

/**
 * The order as the registrant's pages read it from `GET /api/orders/<id>` (JSON). Declared here,
 * not imported from infrastructure: components see domain types and plain data only.
 */
export type OrderSnapshot = {
  readonly orderId: string;
  readonly version: number;
  readonly status: 'pending' | 'partiallyReserved' | 'reserved' | 'confirmed' | 'expired';
  readonly requested: readonly { seatTypeId: string; quantity: number }[];
  readonly reserved: readonly { seatTypeId: string; quantity: number }[];
  readonly lines: readonly OrderLineSnapshot[];
  readonly total: number;
  /** What a promo code took off the lines, in cents. */
  readonly discount: { readonly code: string; readonly amount: number } | null;
  readonly currency: string;
  readonly reservationExpiresAt: string;
  readonly registrant: Registrant | null;
  readonly accessCode: string;
  readonly payment: { paymentId: string; status: 'initiated' | 'completed' | 'rejected' | 'refunded'; open: boolean } | null;
  readonly conferenceName: string;
  readonly conferenceSlug: string;
  readonly shortfall: readonly { name: string; requested: number; reserved: number }[];
};

export type OrderLineSnapshot = {
  readonly seatTypeId: string;
  readonly name: string;
  readonly unitPrice: number;
  readonly quantity: number;
  readonly lineTotal: number;
};

export type SeatRow = {
  readonly position: number;
  readonly label: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
};

export type SeatAssignmentsSnapshot = { readonly orderId: string; readonly version: number; readonly seats: readonly SeatRow[] };

/** A seat type on the register page, with how many this registrant may choose. */
export type SeatChoice = {
  readonly seatTypeId: string;
  readonly name: string;
  readonly description: string;
  readonly price: number;
  /** Seats left for this registrant: for everyone, plus what their order already holds. */
  readonly left: number;
  readonly max: number;
  readonly initial: number;
};

/** Where a waiting-list entry stands: `place` (1 = first) while it waits; its order has the entry's id. */
export type WaitingListEntrySnapshot = {
  readonly entryId: string;
  readonly status: 'waiting' | 'offered' | 'booked' | 'lapsed';
  /** Null for a moment after joining, and once the entry no longer waits. */
  readonly place: number | null;
  readonly seats: readonly { readonly seatTypeName: string; readonly quantity: number }[];
};
