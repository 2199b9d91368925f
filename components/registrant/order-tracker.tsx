'use client';

import { useQuery } from '@tanstack/react-query';
import { ConfirmedOrder } from './confirmed-order';
import type { FormAction } from '../forms/result';
import type { OrderSnapshot } from './order-types';
import { orderQuery } from './queries';
import { ReservedOrder } from './reserved-order';
import { useTookLong } from './use-clock';

type Props = {
  readonly orderId: string;
  readonly initial: OrderSnapshot | null;
  readonly checkoutAction: FormAction;
  readonly commandId: string;
};

/** A payment accepted by the processor confirms the order through the process manager, a moment later. */
const confirming = (order: OrderSnapshot) =>
  order.status !== 'confirmed' && order.status !== 'expired' && order.payment?.status === 'completed';

/** Polls fast while waiting for an answer, slowly while the reservation runs, not at all once it is over. */
function pollInterval(order: OrderSnapshot | null | undefined): number | false {
  if (!order || order.status === 'pending' || confirming(order)) return 700;
  if (order.status === 'confirmed' || order.status === 'expired') return false;
  // Close to the end of the reservation, ask often: the page must say expired as soon as it is.
  return Date.parse(order.reservationExpiresAt) - Date.now() <= 5_000 ? 500 : 3000;
}

export function OrderTracker({ orderId, initial, checkoutAction, commandId }: Props) {
  const query = useQuery({
    ...orderQuery(orderId),
    initialData: initial,
    refetchInterval: (q) => pollInterval(q.state.data),
  });
  const order = query.data;
  const waiting = !order || order.status === 'pending' || confirming(order);
  const late = useTookLong(waiting, 5000);

  if (!order || order.status === 'pending') {
    return <Waiting message="Reserving your seats…" late={late} retry={() => void query.refetch()} />;
  }
  if (order.status === 'confirmed') return <ConfirmedOrder order={order} />;
  if (confirming(order)) {
    return <Waiting message="Confirming your payment…" late={late} retry={() => void query.refetch()} />;
  }
  return (
    <ReservedOrder
      order={order}
      paymentRejected={order.payment?.status === 'rejected'}
      checkoutAction={checkoutAction}
      commandId={commandId}
    />
  );
}

type WaitingProps = { readonly message: string; readonly late: boolean; readonly retry: () => void };

/** Work in progress, announced; after a while a way to ask again (polling goes on meanwhile). */
function Waiting({ message, late, retry }: WaitingProps) {
  return (
    <section className="card waiting">
      <p role="status" className="waiting__status">
        <span className="spinner" aria-hidden="true" /> {late ? 'Still processing' : message}
      </p>
      {late ? (
        <>
          <p className="muted">This is taking longer than usual. The page keeps checking; you can also check now.</p>
          <button type="button" className="button--secondary" onClick={retry}>
            Check again
          </button>
        </>
      ) : null}
    </section>
  );
}
