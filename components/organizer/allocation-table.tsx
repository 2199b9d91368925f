import type { AllocationRowDto } from './types';
import styles from './organizer.module.css';
import { TableWrap } from '../table-wrap';

const columns = ['Quota', 'Reserved', 'Sold', 'Available'] as const;

/** Seat counts per seat type; available goes negative when a quota was lowered below what is taken. */
export function AllocationTable({ rows, caption }: { readonly rows: readonly AllocationRowDto[]; readonly caption?: string }) {
  return (
    <>
      <TableWrap label="Allocation">
        <table>
          {caption ? <caption className={styles.srOnly}>{caption}</caption> : null}
          <thead>
            <tr>
              <th scope="col">Seat type</th>
              {columns.map((column) => (
                <th key={column} scope="col" className="number">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.seatTypeId}>
                <td>{row.name}</td>
                <td className="number">{row.quota}</td>
                <td className="number">{row.reserved}</td>
                <td className="number">{row.sold}</td>
                <td className={`number ${row.available < 0 ? styles.negative : ''}`}>{row.available}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {rows.length === 0 ? <p className={`card ${styles.empty}`}>No seat types yet.</p> : null}
    </>
  );
}
