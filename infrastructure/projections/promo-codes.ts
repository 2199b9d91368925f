import { promoCodesEvents, type PromoCodesEvent, type PromoCodeTerms } from '@/domain/promotions/promo-codes';
import type { StoredEvent } from '../event-store/types';
import { documentSubscription, type DocumentProjection } from './document-projection';

/** A code and how many orders hold a use of it now (those that hold or bought seats). */
export type PromoCodeRow = PromoCodeTerms & Readonly<{ used: number }>;
export type PromoCodesDoc = {
  readonly version: number;
  readonly conferenceId: string;
  /** In the order they were added. */
  readonly codes: readonly PromoCodeRow[];
};

const counted = (doc: PromoCodesDoc, code: string, delta: number, version: number): PromoCodesDoc =>
  ({ ...doc, version, codes: doc.codes.map((row) => (row.code === code ? { ...row, used: row.used + delta } : row)) });

function evolve(doc: PromoCodesDoc | null, event: StoredEvent<PromoCodesEvent>): PromoCodesDoc | null {
  const version = event.streamPosition;
  const current = doc ?? { version, conferenceId: event.data.conferenceId, codes: [] };
  switch (event.type) {
    case 'PromoCodeAdded': {
      const { code, discountType, discount, seatTypeId, uses } = event.data;
      return { ...current, version, codes: [...current.codes, { code, discountType, discount, seatTypeId, uses, used: 0 }] };
    }
    case 'PromoCodeUseReserved': return counted(current, event.data.code, 1, version);
    case 'PromoCodeUseReleased': return counted(current, event.data.code, -1, version);
  }
}

export const promoCodesProjection: DocumentProjection<PromoCodesDoc> = {
  name: 'promo-codes',
  table: 'rm_promo_codes',
  keyColumn: 'conference_id',
  columns: {},
  columnsOf: () => ({}),
  eventTypes: promoCodesEvents.names,
  keyOf: (event) => (promoCodesEvents.is(event) ? event.data.conferenceId : null),
  evolve: (doc, event) => (promoCodesEvents.is(event) ? evolve(doc, event) : doc),
};

export const promoCodesSubscription = documentSubscription(promoCodesProjection);
