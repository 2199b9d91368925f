import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { SeatSelectionForm } from '@/components/registrant/seat-selection-form';
import { hasOrderAccess } from '@/app/orders/order-access';
import { registerPage } from '@/infrastructure/queries/seat-choices';
import { database } from '@/infrastructure/runtime';
import { orderSeats } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Seat selection' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ order?: string | string[] }> };

export default async function RegisterPage({ params, searchParams }: Props) {
  const [{ slug }, { order: orderParam }] = await Promise.all([params, searchParams]);
  // Only the browser that may change the order gets its seats to change; anyone else a new order.
  const orderId = typeof orderParam === 'string' && (await hasOrderAccess(orderParam)) ? orderParam : null;
  const page = await registerPage(await database(), slug, orderId);
  if (!page) notFound();
  const { offer, order, choices } = page;
  return (
    <>
      <p className="muted">
        <Link href={`/conferences/${slug}`}>{offer.conference.name}</Link>
      </p>
      <h1>Register</h1>
      <p className="lead">
        {order
          ? 'Change the seats of your order. Seats you already hold stay yours while you choose.'
          : 'Choose how many seats of each type you need. Seats are held for you once you order.'}
      </p>
      <SeatSelectionForm
        action={orderSeats}
        choices={choices}
        currency={offer.conference.currency}
        conferenceId={offer.conference.conferenceId}
        orderId={order?.orderId ?? null}
        commandId={randomUUID()}
        waitingListHref={`/conferences/${slug}/waiting-list`}
      />
    </>
  );
}
