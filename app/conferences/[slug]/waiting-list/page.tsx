import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { WaitingListForm } from '@/components/registrant/waiting-list-form';
import { maxSeatsPerSeatType } from '@/domain/registration/rules';
import { registrationOffer } from '@/infrastructure/queries/conferences';
import { database } from '@/infrastructure/runtime';
import { joinWaitingListAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Join the waiting list' };

type Props = { readonly params: Promise<{ slug: string }> };

export default async function JoinWaitingListPage({ params }: Props) {
  const { slug } = await params;
  const offer = await registrationOffer(await database(), slug);
  if (!offer) notFound();
  const soldOut = offer.seatTypes.filter((seatType) => seatType.available === 0).map(({ seatTypeId, name }) => ({ seatTypeId, name }));
  return (
    <>
      <p className="muted">
        <Link href={`/conferences/${slug}`}>{offer.conference.name}</Link>
      </p>
      <h1>Join the waiting list</h1>
      <p className="lead">
        When seats free up, they go to the first in line before they go back on sale: we reserve them for you and
        e-mail you a link to your order.
      </p>
      {soldOut.length > 0 ? (
        <WaitingListForm
          action={joinWaitingListAction.bind(null, slug)}
          commandId={randomUUID()}
          seatTypes={soldOut}
          maxPerSeatType={maxSeatsPerSeatType}
        />
      ) : (
        <p className="card">
          Nothing is sold out right now. <Link href={`/conferences/${slug}/register`}>Register</Link> while seats are available.
        </p>
      )}
    </>
  );
}
