'use client';

import Link from 'next/link';
import { useState } from 'react';
import { formatMoney } from '@/domain/shared/money';
import { Field } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import type { FormAction } from '../forms/result';
import { useForm } from '../forms/use-form';
import type { SeatChoice } from './order-types';
import { QuantitySelect } from './quantity-select';
import { TableWrap } from '../table-wrap';


type Props = {
  readonly action: FormAction;
  readonly choices: readonly SeatChoice[];
  readonly currency: string;
  readonly conferenceId: string;
  readonly orderId: string | null;
  readonly commandId: string;
  /** Where a registrant goes for a seat type that is sold out. */
  readonly waitingListHref: string;
};

export function SeatSelectionForm({ action, choices, currency, conferenceId, orderId, commandId, waitingListHref }: Props) {
  const { state, pending, form, errorOf } = useForm(action);
  const [quantities, setQuantities] = useState<Record<string, number>>(() =>
    Object.fromEntries(choices.map((choice) => [choice.seatTypeId, choice.initial])),
  );
  const total = choices.reduce((sum, choice) => sum + choice.price * (quantities[choice.seatTypeId] ?? 0), 0);

  return (
    <form {...form} className="card stack">
      <input type="hidden" name="conferenceId" value={conferenceId} />
      <input type="hidden" name="orderId" value={orderId ?? ''} />
      <input type="hidden" name="commandId" value={commandId} />
      <TableWrap label="Seat types">
        <table className="seat-selection">
          <thead>
            <tr>
              <th scope="col">Seat type</th>
              <th scope="col" className="number">Price</th>
              <th scope="col" className="number">Available</th>
              <th scope="col">Quantity</th>
            </tr>
          </thead>
          <tbody>
            {choices.map((choice) => (
              <tr key={choice.seatTypeId}>
                <td>
                  <span className="seat-type-name">{choice.name}</span>
                  {choice.description ? <span className="seat-type-description muted">{choice.description}</span> : null}
                </td>
                <td className="number">{formatMoney(choice.price, currency)}</td>
                <td className="number">{choice.max > 0 ? choice.left : <span className="badge badge--muted">Sold out</span>}</td>
                <td>
                  {choice.max > 0 ? (
                    <QuantitySelect
                      seatTypeId={choice.seatTypeId}
                      seatTypeName={choice.name}
                      max={choice.max}
                      value={quantities[choice.seatTypeId] ?? 0}
                      onChange={(event) =>
                        setQuantities((current) => ({ ...current, [choice.seatTypeId]: Number(event.target.value) }))
                      }
                    />
                  ) : (
                    <Link href={waitingListHref}>Join the waiting list</Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {/* A code is taken with a new order; an order being changed keeps the one it has. */}
      {orderId ? null : (
        <Field name="promoCode" label="Promo code" autoComplete="off" hint="Optional" error={errorOf('promoCode')} />
      )}
      <FormAlert state={state} fields={['promoCode']} />
      <div className="row row--between">
        <p className="estimated-total" aria-live="polite">
          Estimated total <strong className="total">{formatMoney(total, currency)}</strong>
        </p>
        <button type="submit" aria-busy={pending || undefined}>
          Order now
        </button>
      </div>
    </form>
  );
}
