import { formatMoney } from '@/domain/shared/money';
import type { OrderLineSnapshot, OrderSnapshot } from './order-types';
import { TableWrap } from '../table-wrap';

type Props = {
  readonly lines: readonly OrderLineSnapshot[];
  readonly discount: OrderSnapshot['discount'];
  readonly total: number;
  readonly currency: string;
};

/** The reserved (or bought) seats, a row per seat type, a promo code's discount under them, and the order total. */
export function OrderLines({ lines, discount, total, currency }: Props) {
  const rows = lines.filter((line) => line.quantity > 0);
  return (
    <>
      <TableWrap label="Order lines">
        <table>
          <thead>
            <tr>
              <th scope="col">Seat type</th>
              <th scope="col" className="number">Price</th>
              <th scope="col" className="number">Quantity</th>
              <th scope="col" className="number">Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((line) => (
              <tr key={line.seatTypeId}>
                <td>{line.name}</td>
                <td className="number">{formatMoney(line.unitPrice, currency)}</td>
                <td className="number">{line.quantity}</td>
                <td className="number">{formatMoney(line.lineTotal, currency)}</td>
              </tr>
            ))}
            {discount && rows.length > 0 ? (
              <tr className="discount">
                <td>Discount ({discount.code})</td>
                <td />
                <td />
                <td className="number">{formatMoney(-discount.amount, currency)}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
      {rows.length === 0 ? <p className="muted">No seats reserved.</p> : null}
      <p className="order-total">
        Order total <span className="total" data-testid="order-total">{formatMoney(total, currency)}</span>
      </p>
    </>
  );
}
