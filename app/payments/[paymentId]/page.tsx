import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { hasOrderAccess } from '@/app/orders/order-access';
import { PaymentDecision } from '@/components/registrant/payment-decision';
import { formatMoney } from '@/domain/shared/money';
import { orderView } from '@/infrastructure/queries/orders';
import { database } from '@/infrastructure/runtime';
import { loadPayment } from '@/infrastructure/services/payments';
import { decidePayment } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Payment' };

type Props = { params: Promise<{ paymentId: string }> };

/** Stands in for a third-party processor: only the browser that may see the order sees its payment. */
export default async function PaymentPage({ params }: Props) {
  const { paymentId } = await params;
  const payment = await loadPayment({ db: await database() }, paymentId);
  if (!payment || !(await hasOrderAccess(payment.orderId))) notFound();
  // The payment's state keeps no currency; the order it pays does.
  const currency = (await orderView(await database(), payment.orderId))?.currency;
  return (
    <section className="card stack payment">
      <p className="badge">Test mode — no money moves</p>
      <h1>Simulated payment processor</h1>
      <p>
        Amount due <span className="total">{formatMoney(payment.amount, currency)}</span>
      </p>
      {payment.status === 'initiated' ? (
        <PaymentDecision action={decidePayment} paymentId={paymentId} commandId={randomUUID()} />
      ) : (
        <p role="status">
          This payment was already processed. <Link href={`/orders/${payment.orderId}`}>Back to your order</Link>
        </p>
      )}
    </section>
  );
}
