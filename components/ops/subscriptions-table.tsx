import { TableWrap } from '../table-wrap';
import type { SubscriptionRowDto } from './types';

const badges = { Running: 'badge badge--success', Stopped: 'badge badge--danger', Rebuilding: 'badge' };

const lagText = (row: SubscriptionRowDto) =>
  row.lagEvents === 0 ? '0' : `${row.lagEvents} (${(row.lagSeconds ?? 0).toFixed(1)} s)`;

/** Each subscription, how far behind the feed it is, and who runs it. */
export function SubscriptionsTable({ rows }: { readonly rows: readonly SubscriptionRowDto[] }) {
  return (
    <TableWrap label="Subscriptions">
      <table>
        <caption>Subscriptions</caption>
        <thead>
          <tr>
            <th scope="col">Subscription</th>
            <th scope="col">Checkpoint</th>
            <th scope="col">Lag</th>
            <th scope="col">Status</th>
            <th scope="col">Lease owner</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td>{row.checkpoint}</td>
              <td>{lagText(row)}</td>
              <td>
                <span className={badges[row.status]}>{row.status}</span>
                {row.reason ? <div className="field-hint">{row.reason}</div> : null}
              </td>
              <td>{row.leaseOwner ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
