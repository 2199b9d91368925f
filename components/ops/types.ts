export type SubscriptionStatus = 'Running' | 'Stopped' | 'Rebuilding';

export type SubscriptionRowDto = {
  readonly name: string;
  /** The last event it processed, by global position (0: none yet). */
  readonly checkpoint: string;
  readonly lagEvents: number;
  /** Age of the oldest event it has not processed yet; null when it is caught up. */
  readonly lagSeconds: number | null;
  readonly status: SubscriptionStatus;
  /** Why it is stopped: a parked event, or no runner holding it. */
  readonly reason: string | null;
  readonly leaseOwner: string | null;
  readonly rebuildable: boolean;
  /** While a rebuild runs: events its shadow applied out of all, and the seconds it should still take. */
  readonly rebuild: { readonly done: number; readonly total: number; readonly etaSeconds: number | null } | null;
};

export type OldestTransactionDto = { readonly pid: number; readonly ageSeconds: number; readonly applicationName: string };

export type TimersDto = { readonly pending: number; readonly due: number; readonly overdue: number };

export type DeadLetterDto = {
  readonly id: string;
  readonly subscription: string;
  readonly event: string;
  readonly eventId: string;
  readonly error: string;
  readonly stack: string | null;
  readonly attempts: number;
  readonly parkedAt: string;
};

export type OperationsDto = {
  readonly subscriptions: readonly SubscriptionRowDto[];
  readonly oldestTransaction: OldestTransactionDto | null;
  readonly timers: TimersDto;
  readonly deadLetters: readonly DeadLetterDto[];
};
