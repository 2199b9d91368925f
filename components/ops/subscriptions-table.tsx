import type { FormAction } from '../forms/result';
import { ActionButton } from '../organizer/action-button';
import { TableWrap } from '../table-wrap';
import type { SubscriptionRowDto } from './types';

export type RebuildAction = (subscription: string, ...form: Parameters<FormAction>) => ReturnType<FormAction>;

const badges = { Running: 'badge badge--success', Stopped: 'badge badge--danger', Rebuilding: 'badge' };

const lagText = (row: SubscriptionRowDto) =>
  row.lagEvents === 0 ? '0' : `${row.lagEvents} (${(row.lagSeconds ?? 0).toFixed(1)} s)`;

function RebuildProgress({ name, rebuild }: { readonly name: string; readonly rebuild: NonNullable<SubscriptionRowDto['rebuild']> }) {
  const percent = rebuild.total === 0 ? 100 : Math.floor((100 * rebuild.done) / rebuild.total);
  return (
    <div>
      <progress max={100} value={percent} aria-label={`Rebuilding ${name}`}>{percent}%</progress>
      <div className="field-hint">
        {rebuild.done} of {rebuild.total} events
        {rebuild.etaSeconds === null ? '' : `, about ${Math.ceil(rebuild.etaSeconds)} s left`}
      </div>
    </div>
  );
}

/** Each subscription, how far behind the feed it is, who runs it, and a rebuild for the projections. */
export function SubscriptionsTable({ rows, rebuild }: { readonly rows: readonly SubscriptionRowDto[]; readonly rebuild: RebuildAction }) {
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
            <th scope="col">Rebuild</th>
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
              <td>
                {row.rebuild ? <RebuildProgress name={row.name} rebuild={row.rebuild} /> : null}
                {row.rebuildable && !row.rebuild ? <ActionButton action={rebuild.bind(null, row.name)} label="Rebuild" pendingText="Starting…" variant="secondary" /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
