'use server';

import { seatsOf, textOf } from '@/app/_lib/form-data';
import { formAction, type Done } from '@/app/_lib/form-action';
import { hasOrderAccess, orderNotFound, registrantContext } from '@/app/orders/order-access';
import type { FormState } from '@/components/forms/result';
import { clientAddress } from '@/infrastructure/auth/request';
import { grantOrderAccess } from '@/infrastructure/auth/session';
import { untilOrderVersion } from '@/infrastructure/queries/wait';
import { mayPlaceOrder } from '@/infrastructure/services/access';
import type { ServiceContext } from '@/infrastructure/services/context';
import { placeOrder, updateOrderSeats } from '@/infrastructure/services/registrations';
import type { Outcome } from '@/infrastructure/services/result';

/**
 * Order now: a new order, or (with an order this browser may change) new seats for that order.
 * Either way the order page then follows the reservation until it settles.
 */
export async function orderSeats(_previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, async (fields) => {
    const context = await registrantContext('order-seats', fields.get('commandId'));
    const orderId = textOf(fields, 'orderId');
    const seats = seatsOf(fields);
    if (orderId) return changeSeats(context, orderId, seats);
    return newOrder(context, { conferenceId: textOf(fields, 'conferenceId'), seats, promoCode: textOf(fields, 'promoCode') });
  });
}

async function changeSeats(context: ServiceContext, orderId: string, seats: unknown): Promise<Outcome<Done>> {
  if (!(await hasOrderAccess(orderId))) return orderNotFound;
  const changed = await updateOrderSeats(context, orderId, { seats });
  if (!changed.ok) return changed;
  await untilOrderVersion(context.db, orderId, changed.version);
  return { ok: true, redirectTo: `/orders/${orderId}` };
}

async function newOrder(context: ServiceContext, order: { conferenceId: string; seats: unknown; promoCode: string }): Promise<Outcome<Done>> {
  const admitted = await mayPlaceOrder(context.db, await clientAddress());
  if (!admitted.ok) return admitted;
  const placed = await placeOrder(context, order);
  if (!placed.ok) return placed;
  await grantOrderAccess(placed.orderId);
  await untilOrderVersion(context.db, placed.orderId, placed.version);
  return { ok: true, redirectTo: `/orders/${placed.orderId}` };
}
