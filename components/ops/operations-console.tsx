'use client';

import { useQuery } from '@tanstack/react-query';
import { DeadLettersTable, type DecideAction } from './dead-letters-table';
import { operationsQuery } from './queries';
import { SubscriptionsTable, type RebuildAction } from './subscriptions-table';
import type { OperationsDto } from './types';

type Props = { readonly initial: OperationsDto; readonly decide: DecideAction; readonly rebuild: RebuildAction };

/** The console, refreshed every second while it is open; the server rendered the first state. */
export function OperationsConsole({ initial, decide, rebuild }: Props) {
  const { data = initial, error } = useQuery({ ...operationsQuery(), initialData: initial });
  const { oldestTransaction: oldest, timers } = data;
  return (
    <>
      {error ? (
        <p role="alert" className="alert alert--warning">
          Could not refresh ({error.message}). Showing the last state received.
        </p>
      ) : null}
      <h2>Subscriptions</h2>
      <SubscriptionsTable rows={data.subscriptions} rebuild={rebuild} />
      {oldest ? (
        <p>
          Oldest open transaction:{' '}
          <span data-testid="oldest-transaction">
            pid {oldest.pid}, open {oldest.ageSeconds.toFixed(1)} s, application {oldest.applicationName || '(none)'}
          </span>
        </p>
      ) : null}
      <h2>Timers</h2>
      <p>
        {timers.pending} pending, {timers.due} due, {timers.overdue} overdue.
      </p>
      <h2>Dead letters</h2>
      <DeadLettersTable rows={data.deadLetters} decide={decide} />
    </>
  );
}
