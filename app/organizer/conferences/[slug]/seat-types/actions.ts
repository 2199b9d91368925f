'use server';

import { redirect } from 'next/navigation';
import type { FormState } from '@/components/organizer/types';
import { conferenceBySlug } from '@/infrastructure/queries/conferences';
import { addSeatType, removeSeatType, updateSeatType } from '@/infrastructure/services/conferences';
import { seatTypeSchema } from '@/infrastructure/services/schemas';
import { authorizedConference, organizerContext } from '../../../_lib/access';
import { conferenceGone, failed, malformed } from '../../../_lib/failure';
import { fieldsOf } from '../../../_lib/form-data';
import { untilSeatsOnSale, untilVersion } from '@/infrastructure/queries/wait';

const fields = ['name', 'description', 'quantity', 'price'];

/** The schema coerces a blank number to 0; a blank Quantity or Price is a missing answer, not zero. */
function blanks(values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.quantity?.trim()) errors.quantity = 'Enter a quantity.';
  if (!values.price?.trim()) errors.price = 'Enter a price.';
  if (Object.keys(errors).length === 0) return errors;
  const parsed = seatTypeSchema.safeParse(values);
  const others = parsed.success ? [] : parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]);
  return { ...Object.fromEntries(others.reverse()), ...errors };
}

/** Adds a seat type, or changes the one named by `seatTypeId`. */
export async function saveSeatTypeAction(
  slug: string,
  seatTypeId: string | null,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const doc = await authorizedConference(slug);
  if (!doc) return conferenceGone;
  if (!(formData instanceof FormData) || (seatTypeId !== null && typeof seatTypeId !== 'string')) return malformed;
  const values = fieldsOf(formData, fields);
  const missing = blanks(values);
  if (Object.keys(missing).length > 0) return { ok: false, message: '', fieldErrors: missing, values };
  const context = await organizerContext(doc, seatTypeId ? `update-seat-type:${seatTypeId}` : 'add-seat-type', formData);
  const { db } = context;
  let version: number;
  try {
    ({ version } = seatTypeId
      ? await updateSeatType(context, doc.conferenceId, seatTypeId, values)
      : await addSeatType(context, doc.conferenceId, values));
  } catch (error) {
    return failed(error, values);
  }
  await untilVersion(() => conferenceBySlug(db, slug), version);
  await untilSeatsOnSale(db, slug);
  redirect(`/organizer/conferences/${slug}/seat-types`);
}

export async function removeSeatTypeAction(slug: string, seatTypeId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const doc = await authorizedConference(slug);
  if (!doc) return conferenceGone;
  if (!(formData instanceof FormData)) return malformed;
  const context = await organizerContext(doc, `remove-seat-type:${seatTypeId}`, formData);
  const { db } = context;
  let version: number;
  try {
    ({ version } = await removeSeatType(context, doc.conferenceId, seatTypeId));
  } catch (error) {
    return failed(error);
  }
  await untilVersion(() => conferenceBySlug(db, slug), version);
  await untilSeatsOnSale(db, slug);
  redirect(`/organizer/conferences/${slug}/seat-types`);
}
