import { formatMoney } from '@/domain/shared/money';
import type { PromoCodeRowDto } from './types';
import styles from './organizer.module.css';
import { TableWrap } from '../table-wrap';

type Props = {
  readonly codes: readonly PromoCodeRowDto[];
  readonly seatTypes: readonly { readonly seatTypeId: string; readonly name: string }[];
  readonly currency: string;
};

export function PromoCodesTable({ codes, seatTypes, currency }: Props) {
  const appliesTo = (seatTypeId: string | null) =>
    seatTypeId === null ? 'All seat types' : seatTypes.find((seatType) => seatType.seatTypeId === seatTypeId)?.name ?? 'A removed seat type';
  return (
    <>
      <TableWrap label="Promo codes">
        <table>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col" className="number">Discount</th>
              <th scope="col">Applies to</th>
              <th scope="col" className="number">Used</th>
            </tr>
          </thead>
          <tbody>
            {codes.map((code) => (
              <tr key={code.code}>
                <td>{code.code}</td>
                <td className="number">{code.discountType === 'percent' ? `${code.discount}%` : formatMoney(code.discount, currency)}</td>
                <td>{appliesTo(code.seatTypeId)}</td>
                <td className="number">{code.uses === null ? code.used : `${code.used} of ${code.uses}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {codes.length === 0 ? <p className={`card ${styles.empty}`}>No promo codes yet.</p> : null}
    </>
  );
}
