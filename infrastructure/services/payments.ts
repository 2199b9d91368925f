import { payment } from '@/domain/payments/payment';
import { notFound } from '@/domain/shared/errors';
import { loadAggregate } from '../commands/handle';
import { paymentStream, send } from '../commands/router';
import { commandContext, type ServiceContext } from './context';
import { parseInput } from './errors';
import { idSchema } from './schemas';

export async function loadPayment(context: Pick<ServiceContext, 'db'>, paymentId: string) {
  const { state } = await loadAggregate(context.db, payment, paymentStream(parseInput(idSchema, paymentId)));
  if (state.status === 'none') throw notFound('PaymentNotFound');
  return state;
}

/** The simulated third-party processor's answer; the order follows through the process manager. */
export async function settlePayment(context: ServiceContext, paymentId: string, accepted: boolean) {
  const current = await loadPayment(context, paymentId);
  const type = accepted ? 'CompletePayment' : 'RejectPayment';
  const result = await send({ type, data: { paymentId } }, commandContext(context));
  return { orderId: current.orderId, version: result.version };
}
