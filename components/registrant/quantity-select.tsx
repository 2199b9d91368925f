import type { SelectHTMLAttributes } from 'react';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'children'> & {
  readonly seatTypeId: string;
  readonly seatTypeName: string;
  readonly max: number;
};

/** How many seats of one type, 0 to `max`: the `quantity:<seat type id>` field the seat forms send. */
export function QuantitySelect({ seatTypeId, seatTypeName, max, ...select }: Props) {
  return (
    <select className="quantity-select" name={`quantity:${seatTypeId}`} aria-label={`Quantity of ${seatTypeName}`} {...select}>
      {Array.from({ length: max + 1 }, (_, n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </select>
  );
}
