import Form from 'next/form';
import { formatMoney } from '@/domain/shared/money';
import { ActionButton } from './action-button';
import type { FormAction } from '../forms/result';
import type { SeatTypeRowDto } from './types';
import styles from './organizer.module.css';
import { TableWrap } from '../table-wrap';

type Props = {
  readonly seatTypes: readonly SeatTypeRowDto[];
  readonly currency?: string;
  /** The page the Edit buttons open with `?edit=<id>`. */
  readonly editHref: string;
  readonly selected?: string;
  readonly removable: boolean;
  readonly removeAction: (seatTypeId: string) => FormAction;
  readonly commandId: () => string;
};

export function SeatTypesTable({ seatTypes, currency, editHref, selected, removable, removeAction, commandId }: Props) {
  return (
    <>
      <TableWrap label="Seat types">
        <table>
          <thead>
            <tr>
              <th scope="col">Seat type</th>
              <th scope="col" className="number">Quantity</th>
              <th scope="col" className="number">Price</th>
              <th scope="col"><span className={styles.srOnly}>Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {seatTypes.map((seatType) => (
              <tr key={seatType.seatTypeId} className={seatType.seatTypeId === selected ? styles.selected : undefined}>
                <td>{seatType.name}</td>
                <td className="number">{seatType.quantity}</td>
                <td className="number">{formatMoney(seatType.price, currency)}</td>
                <td>
                  <div className={styles.rowActions}>
                    <Form action={editHref}>
                      <input type="hidden" name="edit" value={seatType.seatTypeId} />
                      <button type="submit" className="button--secondary">Edit</button>
                    </Form>
                    {removable ? (
                      <ActionButton
                        action={removeAction(seatType.seatTypeId)}
                        label="Remove"
                        pendingText="Removing…"
                        commandId={commandId()}
                        variant="danger"
                      />
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {seatTypes.length === 0 ? <p className={`card ${styles.empty}`}>No seat types yet. Add one to put seats on sale.</p> : null}
    </>
  );
}
