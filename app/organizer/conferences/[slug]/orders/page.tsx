import type { Metadata } from 'next';
import { LiveOrders } from '@/components/organizer/live-orders';
import styles from '@/components/organizer/organizer.module.css';
import { organizerOrders } from '@/infrastructure/queries/organizer';
import { database } from '@/infrastructure/runtime';
import { organizerConference } from '../../../_lib/access';
import { orderDtos } from '../../../_lib/dto';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sales' };

type Props = { readonly params: Promise<{ slug: string }> };

export default async function OrdersPage({ params }: Props) {
  const doc = await organizerConference((await params).slug);
  const orders = orderDtos(await organizerOrders(await database(), doc.conferenceId));
  return (
    <>
      <p className={styles.eyebrow}>{doc.name}</p>
      <h1>Orders</h1>
      <p className="muted">Every order with its registrant and attendees.</p>
      <LiveOrders slug={doc.slug} initial={orders} />
    </>
  );
}
