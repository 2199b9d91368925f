import { assertOrderCanBePaid, order } from '@/domain/registration/order';
import { notFound } from '@/domain/shared/errors';
import { loadAggregate } from '../commands/handle';
import { orderStream, send } from '../commands/router';
import { loadConference, defaultCurrency, type Written } from './conferences';
import { commandContext, newAccessCode, newIdFor, reservationTtlSeconds, type ServiceContext } from './context';
import { parseInput } from './errors';
import { idSchema, registrantSchema, seatSelectionSchema } from './schemas';

async function catalogOf(context: ServiceContext, conferenceId: string) {
  const state = await loadConference(context, conferenceId);
  if (state.status === 'none') throw notFound('ConferenceNotFound');
  return {
    conferencePublished: state.status === 'published',
    catalog: state.seatTypes.map(({ seatTypeId, name, price }) => ({ seatTypeId, name, price })),
  };
}

const expiresAt = (context: ServiceContext) =>
  new Date((context.now ?? new Date()).getTime() + reservationTtlSeconds() * 1000).toISOString();

export async function placeOrder(context: ServiceContext, conferenceIdInput: string, seatsInput: unknown) {
  const seats = parseInput(seatSelectionSchema, seatsInput);
  const conferenceId = parseInput(idSchema, conferenceIdInput);
  const orderId = newIdFor(context, 'order');
  const result = await send(
    {
      type: 'PlaceOrder',
      data: {
        orderId,
        conferenceId,
        seats,
        ...(await catalogOf(context, conferenceId)),
        currency: defaultCurrency,
        reservationExpiresAt: expiresAt(context),
        accessCode: newAccessCode(),
      },
    },
    commandContext(context),
  );
  const placed = result.events[0]?.data as { orderId: string; accessCode: string };
  return { orderId: placed.orderId, accessCode: placed.accessCode, version: result.version };
}

export async function loadOrder(context: Pick<ServiceContext, 'db'>, orderId: string) {
  const { state } = await loadAggregate(context.db, order, orderStream(parseInput(idSchema, orderId)));
  if (state.status === 'none') throw notFound('OrderNotFound');
  return state;
}

export async function updateOrderSeats(context: ServiceContext, orderId: string, seatsInput: unknown): Promise<Written> {
  const seats = parseInput(seatSelectionSchema, seatsInput);
  const current = await loadOrder(context, orderId);
  const result = await send(
    { type: 'UpdateOrderSeats', data: { orderId, seats, ...(await catalogOf(context, current.conferenceId)) } },
    commandContext(context),
  );
  return { version: result.version };
}

export async function assignRegistrant(context: ServiceContext, orderId: string, input: unknown): Promise<Written> {
  const { firstName, lastName, email } = parseInput(registrantSchema, input);
  const result = await send(
    { type: 'AssignRegistrantDetails', data: { orderId, firstName, lastName, email } },
    commandContext(context, 0, { firstName, lastName, email }),
  );
  return { version: result.version };
}

export type PaymentStart =
  | { readonly kind: 'payment'; readonly paymentId: string; readonly version: number }
  | { readonly kind: 'confirmed'; readonly version: number };

/**
 * Registrant details, then either a payment to the (simulated) processor or, for a free
 * order, confirmation at once: there is nothing to pay.
 */
export async function checkout(context: ServiceContext, orderId: string, registrant: unknown): Promise<PaymentStart> {
  await assignRegistrant(context, orderId, registrant);
  const state = await loadOrder(context, orderId);
  assertOrderCanBePaid(state);
  if (state.total === 0) {
    const confirmed = await send({ type: 'ConfirmOrder', data: { orderId } }, commandContext(context, 1));
    return { kind: 'confirmed', version: confirmed.version };
  }
  // The payment exists before the order takes it as its one open payment: a crash in between
  // leaves a payment the order would refuse (and refund), never an order waiting on nothing.
  const paymentId = newIdFor(context, 'payment');
  await send(
    {
      type: 'InitiatePayment',
      data: {
        paymentId,
        orderId,
        conferenceId: state.conferenceId,
        amount: state.total,
        currency: state.currency,
        description: `Order ${state.accessCode}`,
      },
    },
    commandContext(context, 1),
  );
  const started = await send({ type: 'StartPayment', data: { orderId, paymentId } }, commandContext(context, 2));
  return { kind: 'payment', paymentId, version: started.version };
}
