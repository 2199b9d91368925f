'use client';

import Link from 'next/link';
import { OrderLines } from './order-lines';
import type { FormAction } from '../forms/result';
import type { OrderSnapshot } from './order-types';
import { RegistrantForm } from './registrant-form';
import { ReservationTimer } from './reservation-timer';
import { useSecondsUntil } from './use-clock';

type Props = {
  readonly order: OrderSnapshot;
  readonly paymentRejected: boolean;
  readonly checkoutAction: FormAction;
  readonly commandId: string;
};

/** A settled, unpaid order: what was reserved, the countdown, and the way to pay (until it expires). */
export function ReservedOrder({ order, paymentRejected, checkoutAction, commandId }: Props) {
  const secondsLeft = useSecondsUntil(order.reservationExpiresAt);
  // The page says expired only once the server has released the seats, so that what it says
  // is already true everywhere; until then, at 00:00, it says the release is under way.
  const expired = order.status === 'expired';
  const releasing = !expired && secondsLeft === 0;
  const nothingReserved = order.reserved.length === 0;
  const openPayment = order.payment?.open && order.payment.status === 'initiated' ? order.payment : null;
  return (
    <>
      <p className="muted">{order.conferenceName}</p>
      <h1>Your order</h1>
      {expired ? (
        <div className="alert alert--error">
          <p role="alert" className="alert__title">Your reservation has expired</p>
          <p>The seats were released. Choose seats again to start a new order.</p>
        </div>
      ) : (
        <Shortfall order={order} nothingReserved={nothingReserved} />
      )}
      {releasing ? (
        <p role="status" className="alert alert--warning">
          Time is up: releasing your seats…
        </p>
      ) : null}
      {paymentRejected && !expired ? (
        <div className="alert alert--error">
          <p role="alert" className="alert__title">Payment was rejected.</p>
          <p>Your seats are still reserved: you can try again.</p>
        </div>
      ) : null}
      <section className="card stack" aria-label="Seats">
        <OrderLines lines={expired ? [] : order.lines} discount={order.discount} total={expired ? 0 : order.total} currency={order.currency} />
        {!expired && !nothingReserved ? <ReservationTimer secondsLeft={secondsLeft} /> : null}
        <p>
          <Link className="button button--secondary" href={`/conferences/${order.conferenceSlug}/register?order=${order.orderId}`}>
            Change seats
          </Link>
        </p>
      </section>
      {openPayment && !expired && !releasing ? (
        <p role="status" className="alert alert--warning">
          A payment for this order is in progress.{' '}
          <Link href={`/payments/${openPayment.paymentId}`}>Continue to payment</Link>
        </p>
      ) : null}
      {!expired && !releasing && !nothingReserved && !openPayment ? (
        <RegistrantForm
          action={checkoutAction}
          orderId={order.orderId}
          commandId={commandId}
          registrant={order.registrant}
          free={order.total === 0}
        />
      ) : null}
    </>
  );
}

/** What could not be reserved: the order reports it rather than the register page hiding it. */
function Shortfall({ order, nothingReserved }: { readonly order: OrderSnapshot; readonly nothingReserved: boolean }) {
  if (order.shortfall.length === 0) return null;
  return (
    <div role="alert" className="alert alert--warning">
      <p className="alert__title">Could not reserve all the requested seats.</p>
      {nothingReserved ? <p><strong>Sold out</strong>: none of the seats you asked for are left.</p> : null}
      <ul>
        {order.shortfall.map((line) => (
          <li key={line.name}>
            {line.name}: {line.reserved} of {line.requested} reserved
          </li>
        ))}
      </ul>
      <p>Change your seats to choose from what is still available.</p>
    </div>
  );
}
