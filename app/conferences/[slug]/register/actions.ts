'use server';

import { redirect } from 'next/navigation';
import { hasOrderAccess, orderNotFound, registrantContext, textField, malformed } from '@/app/orders/order-access';
import type { FormState } from '@/components/registrant/order-types';
import { clientAddress } from '@/infrastructure/auth/request';
import { grantOrderAccess } from '@/infrastructure/auth/session';
import { countAttempt, orderLimits } from '@/infrastructure/auth/throttle';
import { parseInput, toFailure } from '@/infrastructure/services/errors';
import { placeOrder, updateOrderSeats } from '@/infrastructure/services/registrations';
import { seatSelectionSchema } from '@/infrastructure/services/schemas';
import { untilOrderVersion } from '@/infrastructure/queries/wait';

const quantityPrefix = 'quantity:';

const tooManyOrders: FormState = {
  ok: false, code: 'TooManyOrders', message: 'Too many orders from this address. Try again in a minute.', fieldErrors: {},
};

function selectionOf(form: FormData) {
  return [...form.entries()].flatMap(([name, value]) =>
    name.startsWith(quantityPrefix) ? [{ seatTypeId: name.slice(quantityPrefix.length), quantity: String(value) }] : [],
  );
}

/**
 * Order now: a new order, or (with an orderId the browser may act on) new seats for that order.
 * Either way the order page then follows the reservation until it settles.
 */
export async function orderSeats(_previous: FormState, form: FormData): Promise<FormState> {
  if (!(form instanceof FormData)) return malformed;
  const orderId = textField(form, 'orderId');
  if (orderId && !(await hasOrderAccess(orderId))) return orderNotFound;
  let target: string;
  try {
    const seats = parseInput(seatSelectionSchema, selectionOf(form));
    const context = await registrantContext('order-seats', form.get('commandId'));
    if (orderId) {
      const { version } = await updateOrderSeats(context, orderId, seats);
      await untilOrderVersion(context.db, orderId, version);
      target = `/orders/${orderId}`;
    } else {
      if (!(await countAttempt(context.db, orderLimits(await clientAddress())))) return tooManyOrders;
      const placed = await placeOrder(context, textField(form, 'conferenceId'), seats);
      await grantOrderAccess(placed.orderId);
      await untilOrderVersion(context.db, placed.orderId, placed.version);
      target = `/orders/${placed.orderId}`;
    }
  } catch (error) {
    return toFailure(error);
  }
  redirect(target);
}
