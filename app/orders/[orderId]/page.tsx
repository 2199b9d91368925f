import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { OrderTracker, type PaymentOutcome } from '@/components/registrant/order-tracker';
import { hasOrderAccess } from '@/app/orders/order-access';
import { orderView } from '@/infrastructure/queries/orders';
import { database } from '@/infrastructure/runtime';
import { submitRegistrant } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your order' };

type Search = { v?: string | string[]; payment?: string | string[] };
type Props = { params: Promise<{ orderId: string }>; searchParams: Promise<Search> };

const outcomes = new Set<string>(['accepted', 'rejected']);

/** `?v=` is the version the last command produced: older snapshots are not the answer yet. */
function readSearch(search: Search): { minVersion: number; payment: PaymentOutcome } {
  const version = Number(search.v);
  const payment = typeof search.payment === 'string' && outcomes.has(search.payment) ? search.payment : null;
  return { minVersion: Number.isInteger(version) && version > 0 ? version : 0, payment: payment as PaymentOutcome };
}

export default async function OrderPage({ params, searchParams }: Props) {
  const [{ orderId }, search] = await Promise.all([params, searchParams]);
  if (!(await hasOrderAccess(orderId))) notFound();
  const initial = await orderView(await database(), orderId);
  const { minVersion, payment } = readSearch(search);
  return (
    <OrderTracker
      orderId={orderId}
      initial={initial}
      minVersion={minVersion}
      payment={payment}
      checkoutAction={submitRegistrant}
      commandId={randomUUID()}
    />
  );
}
