'use client';

import { useQuery } from '@tanstack/react-query';
import { OrdersTable } from './orders-table';
import { ordersQuery } from './queries';
import type { OrderRowDto } from './types';
import styles from './organizer.module.css';

/** Polls the orders read model, so new orders and payments show up without a reload. */
export function LiveOrders({ slug, initial }: { readonly slug: string; readonly initial: readonly OrderRowDto[] }) {
  const { data = initial, error } = useQuery({ ...ordersQuery(slug), initialData: [...initial] });
  return (
    <>
      <p className={styles.liveLine}>
        <span>
          <span className={styles.liveDot} aria-hidden="true" />
          Live: new orders appear by themselves.
        </span>
        <span>
          {data.length} {data.length === 1 ? 'order' : 'orders'} so far, newest first.
        </span>
      </p>
      {error ? (
        <p role="alert" className="alert alert--warning">
          Could not refresh the orders ({error.message}). Showing the last ones received.
        </p>
      ) : null}
      <OrdersTable orders={data} />
    </>
  );
}
