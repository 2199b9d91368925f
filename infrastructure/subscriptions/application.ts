import { conferencesSubscription } from '../projections/conferences';
import { ordersSubscription } from '../projections/orders';
import { promoCodesSubscription } from '../projections/promo-codes';
import { seatAllocationSubscription } from '../projections/seat-allocation';
import { seatAssignmentsSubscription } from '../projections/seat-assignments';
import { waitingListSubscription } from '../projections/waiting-list';
import { availabilityPolicy } from '../reactors/availability-policy';
import { outboxMail } from '../reactors/outbox-mail';
import { registrationProcessSubscription, registrationTimers } from '../reactors/registration-process';
import { waitingListReactor } from '../reactors/waiting-list';
import type { Subscription } from './runner';
import type { TimerHandler } from './timers';

/** Every subscription the application runs: read models first, then the reactors. */
export const applicationSubscriptions: readonly Subscription[] = [
  conferencesSubscription,
  seatAllocationSubscription,
  ordersSubscription,
  seatAssignmentsSubscription,
  promoCodesSubscription,
  waitingListSubscription,
  availabilityPolicy,
  registrationProcessSubscription,
  waitingListReactor,
  outboxMail,
];

export const applicationTimers: TimerHandler = registrationTimers;
