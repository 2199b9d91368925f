import 'server-only';
import type { DeadLetterDto, OperationsDto, SubscriptionRowDto } from '@/components/ops/types';
import { statusOf, type operationsView, type SubscriptionState } from '@/infrastructure/queries/operations';
import type { DeadLetterRow } from '@/infrastructure/subscriptions/dead-letters';

const statusWords = { running: 'Running', stopped: 'Stopped', rebuilding: 'Rebuilding' } as const;

function subscriptionRow(s: SubscriptionState): SubscriptionRowDto {
  const { status, reason } = statusOf(s);
  return {
    name: s.name, checkpoint: s.checkpointPosition, lagEvents: s.lagEvents, lagSeconds: s.lagSeconds,
    leaseOwner: s.leased ? s.leaseOwner : null, status: statusWords[status], reason, rebuildable: s.rebuildable, rebuild: s.rebuild,
  };
}

const deadLetterRow = (d: DeadLetterRow): DeadLetterDto => ({
  id: d.id,
  subscription: d.subscription,
  event: d.subscription === 'timers' ? `${d.eventType} (timer)` : `${d.eventType} #${d.globalPosition}`,
  eventId: d.eventId,
  error: d.error,
  stack: d.stack,
  attempts: d.attempts,
  parkedAt: d.createdAt,
});

export const operationsDto = (view: Awaited<ReturnType<typeof operationsView>>): OperationsDto => ({
  subscriptions: view.subscriptions.map(subscriptionRow),
  oldestTransaction: view.oldestTransaction,
  timers: view.timers,
  deadLetters: view.deadLetters.map(deadLetterRow),
});
