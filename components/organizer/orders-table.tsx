import { formatMoney } from '@/domain/shared/money';
import type { OrderRowDto, OrderStatus } from './types';
import styles from './organizer.module.css';
import { TableWrap } from '../table-wrap';

const statusClass: Record<OrderStatus, string | undefined> = {
  Pending: styles.statusPending,
  Reserved: styles.statusReserved,
  Paid: styles.statusPaid,
  Expired: styles.statusExpired,
};

const headers = ['Access code', 'Status', 'Total', 'Registrant', 'Email', 'Attendees'];

export function OrdersTable({ orders }: { readonly orders: readonly OrderRowDto[] }) {
  return (
    <>
      <TableWrap label="Orders">
        <table>
          <thead>
            <tr>
              {headers.map((header) => (
                <th key={header} scope="col" className={header === 'Total' ? 'number' : undefined}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.orderId}>
                <td><code>{order.accessCode}</code></td>
                <td><span className={`badge ${statusClass[order.status] ?? ''}`}>{order.status}</span></td>
                <td className="number">{formatMoney(order.total, order.currency)}</td>
                <td>{order.registrant}</td>
                <td>{order.email}</td>
                <td>{order.attendees.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {orders.length === 0 ? <p className={`card ${styles.empty}`}>No orders yet. New ones appear here by themselves.</p> : null}
    </>
  );
}
