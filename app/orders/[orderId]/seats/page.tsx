import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { hasOrderAccess } from '@/app/orders/order-access';
import { AssignSeats } from '@/components/registrant/assign-seats';
import { seatAssignmentsView } from '@/infrastructure/queries/orders';
import { database } from '@/infrastructure/runtime';
import { saveSeatAssignments } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Attendees' };

type Props = { params: Promise<{ orderId: string }> };

export default async function AssignSeatsPage({ params }: Props) {
  const { orderId } = await params;
  if (!(await hasOrderAccess(orderId))) notFound();
  const initial = await seatAssignmentsView(await database(), orderId);
  return (
    <>
      <p className="muted">
        <Link href={`/orders/${orderId}`}>Back to your order</Link>
      </p>
      <h1>Assign seats</h1>
      <p className="lead">Tell us who sits in each seat. Leave the email empty to keep a seat unassigned.</p>
      <AssignSeats orderId={orderId} initial={initial} save={saveSeatAssignments} />
    </>
  );
}
