import type { Db } from '../db/client';
import type { PromoCodesDoc } from '../projections/promo-codes';

/** A conference's promo codes with their use, in the order they were added; version 0 before the first. */
export async function promoCodesView(db: Db, conferenceId: string): Promise<PromoCodesDoc> {
  const [row] = await db.query<{ doc: PromoCodesDoc }>('SELECT doc FROM rm_promo_codes WHERE conference_id = $1', [conferenceId]);
  return row?.doc ?? { version: 0, conferenceId, codes: [] };
}
