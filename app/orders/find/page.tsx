import type { Metadata } from 'next';
import { FindOrderForm } from '@/components/registrant/find-order-form';
import { findOrder } from './actions';

export const metadata: Metadata = { title: 'Lookup' };

export default function FindOrderPage() {
  return (
    <>
      <h1>Find my order</h1>
      <p className="lead">Use the email you registered with and the access code shown when you ordered.</p>
      <FindOrderForm action={findOrder} />
    </>
  );
}
