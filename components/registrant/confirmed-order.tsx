import Link from 'next/link';
import { OrderLines } from './order-lines';
import type { OrderSnapshot } from './order-types';

/** The paid (or free) order: the access code to find it again, the seats, and the next step. */
export function ConfirmedOrder({ order }: { readonly order: OrderSnapshot }) {
  return (
    <>
      <p className="muted">{order.conferenceName}</p>
      <h1>Thank you</h1>
      <p role="status" className="alert alert--success">
        Your registration is confirmed{order.registrant ? `, ${order.registrant.firstName}` : ''}.
      </p>
      <section className="card stack" aria-labelledby="access-code-label">
        <p id="access-code-label" className="muted">Your access code</p>
        <p className="code" data-testid="access-code">{order.accessCode}</p>
        <p className="muted">With your email, it finds this order again from any browser.</p>
      </section>
      <section className="card stack" aria-label="Seats">
        <OrderLines lines={order.lines} discount={order.discount} total={order.total} currency={order.currency} />
        <p>
          <Link className="button" href={`/orders/${order.orderId}/seats`}>
            Assign seats to attendees
          </Link>
        </p>
      </section>
    </>
  );
}
