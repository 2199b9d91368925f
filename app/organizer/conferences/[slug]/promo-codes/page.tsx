import type { Metadata } from 'next';
import Link from 'next/link';
import { PromoCodeForm } from '@/components/organizer/promo-code-form';
import { PromoCodesTable } from '@/components/organizer/promo-codes-table';
import styles from '@/components/organizer/organizer.module.css';
import { promoCodesView } from '@/infrastructure/queries/promo-codes';
import { database } from '@/infrastructure/runtime';
import { organizerConference } from '../../../_lib/access';
import { addPromoCodeAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Promo codes' };

type Props = {
  readonly params: Promise<{ slug: string }>;
  readonly searchParams: Promise<{ add?: string }>;
};

export default async function PromoCodesPage({ params, searchParams }: Props) {
  const doc = await organizerConference((await params).slug);
  const { add } = await searchParams;
  const { codes } = await promoCodesView(await database(), doc.conferenceId);
  const base = `/organizer/conferences/${doc.slug}/promo-codes`;
  const seatTypes = doc.seatTypes.map(({ seatTypeId, name }) => ({ seatTypeId, name }));
  return (
    <>
      <div className={styles.pageHead}>
        <div>
          <p className={styles.eyebrow}>{doc.name}</p>
          <h1>Promo codes</h1>
          <p className="muted">A code takes a percent or an amount off; each order holding seats with it counts as one use.</p>
        </div>
        <Link href={`${base}?add=1`} className="button">
          Add promo code
        </Link>
      </div>
      {add === '1' ? (
        <PromoCodeForm
          action={addPromoCodeAction.bind(null, doc.slug)}
          commandId={crypto.randomUUID()}
          seatTypes={seatTypes}
          cancelHref={base}
        />
      ) : null}
      <h2>All promo codes</h2>
      <PromoCodesTable codes={codes} seatTypes={seatTypes} currency={doc.currency} />
    </>
  );
}
