export type AllocationRowDto = {
  readonly seatTypeId: string;
  readonly name: string;
  readonly quota: number;
  readonly reserved: number;
  readonly sold: number;
  readonly available: number;
};

export type AllocationDto = {
  readonly seatTypes: readonly AllocationRowDto[];
  readonly lastChangeAt: string | null;
  readonly lagMs: number | null;
};

export type OrderStatus = 'Pending' | 'Reserved' | 'Paid' | 'Expired';

export type OrderRowDto = {
  readonly orderId: string;
  readonly accessCode: string;
  readonly status: OrderStatus;
  readonly total: number;
  readonly currency: string;
  readonly registrant: string;
  readonly email: string;
  readonly attendees: readonly string[];
  readonly placedAt: string;
};

export type SeatTypeRowDto = {
  readonly seatTypeId: string;
  readonly name: string;
  readonly description: string;
  readonly quantity: number;
  readonly price: number;
};

export type HistoryRowDto = { readonly eventId: string; readonly at: string; readonly text: string };

/** A promo code and how many orders hold a use of it; `discount` is a percent or cents. */
export type PromoCodeRowDto = {
  readonly code: string;
  readonly discountType: 'percent' | 'amount';
  readonly discount: number;
  readonly seatTypeId: string | null;
  readonly uses: number | null;
  readonly used: number;
};

export type WaitingListStatus = 'Waiting' | 'Offered' | 'Booked' | 'Lapsed';

/** A row of the waiting list: one per seat type an entry waits for; `position` is its place in the list. */
export type WaitingListRowDto = {
  readonly entryId: string;
  readonly position: number;
  readonly name: string;
  readonly email: string;
  readonly seatTypeId: string;
  readonly seatTypeName: string;
  readonly quantity: number;
  readonly status: WaitingListStatus;
};
