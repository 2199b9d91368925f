import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { OrderTracker } from '@/components/registrant/order-tracker';
import { hasOrderAccess } from '@/app/orders/order-access';
import { orderView } from '@/infrastructure/queries/orders';
import { database } from '@/infrastructure/runtime';
import { submitRegistrant } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Booking' };

type Props = { params: Promise<{ orderId: string }> };

export default async function OrderPage({ params }: Props) {
  const { orderId } = await params;
  if (!(await hasOrderAccess(orderId))) notFound();
  const initial = await orderView(await database(), orderId);
  return (
    <OrderTracker
      orderId={orderId}
      initial={initial}
      checkoutAction={submitRegistrant}
      commandId={randomUUID()}
    />
  );
}
