'use client';

import type { FormState } from '../forms/result';
import { ActionButton } from '../organizer/action-button';
import { TableWrap } from '../table-wrap';
import type { DeadLetterDto } from './types';

export type Decision = 'retry' | 'skip';
export type DecideAction = (deadLetterId: string, decision: Decision, state: FormState, form: FormData) => Promise<FormState>;

/** Parked events, each waiting for an operator to retry it (once the fault is fixed) or skip it. */
export function DeadLettersTable({ rows, decide }: { readonly rows: readonly DeadLetterDto[]; readonly decide: DecideAction }) {
  return (
    <>
    <TableWrap label="Dead letters">
      <table>
        <caption>Dead letters</caption>
        <thead>
          <tr>
            <th scope="col">Subscription</th>
            <th scope="col">Event</th>
            <th scope="col">Error</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.subscription}</th>
              <td>
                {row.event}
                <div className="field-hint">{row.eventId}</div>
              </td>
              <td>
                {row.error} ({row.attempts} attempts)
                {row.stack ? (
                  <details>
                    <summary>Stack</summary>
                    <pre>{row.stack}</pre>
                  </details>
                ) : null}
              </td>
              <td>
                <ActionButton action={decide.bind(null, row.id, 'retry')} label="Retry" pendingText="Retrying…" />{' '}
                <ActionButton action={decide.bind(null, row.id, 'skip')} label="Skip" pendingText="Skipping…" variant="secondary" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
    {rows.length === 0 ? <p>No dead letters.</p> : null}
    </>
  );
}
