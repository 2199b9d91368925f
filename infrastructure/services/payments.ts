import { payment } from '@/domain/payments/payment';
import { loadAggregate } from '../commands/handle';
import { paymentStream, send } from '../commands/router';
import { commandContext, type ServiceContext } from './context';
import { attempt, parse, refusal, type Outcome } from './result';
import { idSchema } from './schemas';

/** A payment as its own events say, or null when there is none by that id (malformed ids too). */
export async function loadPayment(context: Pick<ServiceContext, 'db'>, paymentId: unknown) {
  const id = parse(idSchema, paymentId);
  if (!id.ok) return null;
  const { state } = await loadAggregate(context.db, payment, paymentStream(id.value));
  return state.status === 'none' ? null : state;
}

/** The simulated third-party processor's answer; the order follows through the process manager. */
export async function settlePayment(context: ServiceContext, paymentId: string, accepted: boolean): Promise<Outcome<{ orderId: string; version: number }>> {
  const current = await loadPayment(context, paymentId);
  if (!current) return refusal('PaymentNotFound');
  const type = accepted ? 'CompletePayment' : 'RejectPayment';
  return attempt(async () => ({ orderId: current.orderId, version: (await send({ type, data: { paymentId } }, commandContext(context))).version }));
}
