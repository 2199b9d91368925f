'use server';

import { centsOf, textOf } from '@/app/_lib/form-data';
import { malformed } from '@/app/_lib/form-action';
import type { FormState } from '@/components/forms/result';
import { addSeatType, removeSeatType, updateSeatType } from '@/infrastructure/services/conferences';
import { conferenceAction } from '../../../_lib/conference-action';

/** The seat-type form: the price is typed in dollars, the services take cents. */
const seatTypeOf = (form: FormData) => ({
  name: textOf(form, 'name'),
  description: textOf(form, 'description'),
  quantity: textOf(form, 'quantity'),
  price: centsOf(textOf(form, 'price')),
});

/** Adds a seat type, or changes the one named by `seatTypeId`. */
export async function saveSeatTypeAction(slug: string, seatTypeId: string | null, _state: FormState, form: FormData): Promise<FormState> {
  if (seatTypeId !== null && typeof seatTypeId !== 'string') return malformed;
  const action = seatTypeId ? `update-seat-type:${seatTypeId}` : 'add-seat-type';
  return conferenceAction(slug, form, action, (context, conference, fields) =>
    seatTypeId
      ? updateSeatType(context, conference.conferenceId, seatTypeId, seatTypeOf(fields))
      : addSeatType(context, conference.conferenceId, seatTypeOf(fields)),
  '/seat-types');
}

export async function removeSeatTypeAction(slug: string, seatTypeId: string, _state: FormState, form: FormData): Promise<FormState> {
  return conferenceAction(slug, form, `remove-seat-type:${String(seatTypeId)}`, (context, conference) =>
    removeSeatType(context, conference.conferenceId, seatTypeId),
  '/seat-types');
}
