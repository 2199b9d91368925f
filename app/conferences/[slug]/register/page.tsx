import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { SeatSelectionForm, type SeatChoice } from '@/components/registrant/seat-selection-form';
import { canAccessOrder } from '@/infrastructure/auth/session';
import { registrationOffer, type RegistrationOffer } from '@/infrastructure/queries/conferences';
import { orderView, type OrderView } from '@/infrastructure/queries/orders';
import { database } from '@/infrastructure/runtime';
import { idSchema } from '@/infrastructure/services/schemas';
import { orderSeats } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Seat selection' };

const maxPerSeatType = 20;
const changeable = new Set<OrderView['status']>(['pending', 'partiallyReserved', 'reserved']);

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ order?: string | string[] }> };

/** The order being changed, when this browser may change it; otherwise the page starts a new one. */
async function orderToChange(orderId: unknown, conferenceId: string): Promise<OrderView | null> {
  if (!idSchema.safeParse(orderId).success || !(await canAccessOrder(String(orderId)))) return null;
  const view = await orderView(await database(), String(orderId));
  return view && view.conferenceId === conferenceId && changeable.has(view.status) ? view : null;
}

const quantityIn = (seats: readonly { seatTypeId: string; quantity: number }[], seatTypeId: string) =>
  seats.find((seat) => seat.seatTypeId === seatTypeId)?.quantity ?? 0;

/** Seats this order already holds count as available to it: it may keep or lower them. */
function choicesFor(offer: RegistrationOffer, order: OrderView | null): SeatChoice[] {
  return offer.seatTypes.map(({ seatTypeId, name, description, price, available }) => {
    const left = available + (order ? quantityIn(order.reserved, seatTypeId) : 0);
    const max = Math.min(left, maxPerSeatType);
    const initial = Math.min(order ? quantityIn(order.requested, seatTypeId) : 0, max);
    return { seatTypeId, name, description, price, left, max, initial };
  });
}

export default async function RegisterPage({ params, searchParams }: Props) {
  const [{ slug }, { order: orderParam }] = await Promise.all([params, searchParams]);
  const offer = await registrationOffer(await database(), slug);
  if (!offer) notFound();
  const order = await orderToChange(orderParam, offer.conference.conferenceId);
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
        choices={choicesFor(offer, order)}
        currency={offer.conference.currency}
        conferenceId={offer.conference.conferenceId}
        orderId={order?.orderId ?? null}
        commandId={randomUUID()}
      />
    </>
  );
}
