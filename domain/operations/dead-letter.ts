import { unreachable, type Decider, type Message } from '../shared/decider';
import { eventTypes } from '../shared/event-types';
import { conflict } from '../shared/errors';

/** Which parked event an operator acts on, and who the operator was. */
type Resolution = Readonly<{ deadLetterId: string; subscription: string; eventId: string; eventType: string; operator: string }>;

export type RetryDeadLetter = Message<'RetryDeadLetter', Resolution>;
export type SkipDeadLetter = Message<'SkipDeadLetter', Resolution>;
export type DeadLetterCommand = RetryDeadLetter | SkipDeadLetter;

export type DeadLetterRetried = Message<'DeadLetterRetried', Resolution>;
export type DeadLetterSkipped = Message<'DeadLetterSkipped', Resolution>;
export type DeadLetterEvent = DeadLetterRetried | DeadLetterSkipped;

export const deadLetterEvents = eventTypes<DeadLetterEvent>()('DeadLetterRetried', 'DeadLetterSkipped');

export type DeadLetterState = { readonly status: 'parked' } | { readonly status: 'retried' | 'skipped' };

/**
 * An operator's decision on one parked event, kept as history: who retried or skipped what.
 * A dead letter is decided once; asking again for the same decision changes nothing.
 */
export const deadLetter: Decider<DeadLetterCommand, DeadLetterEvent, DeadLetterState> = {
  streamType: 'dead-letter',
  initialState: { status: 'parked' },
  evolve(state, event) {
    switch (event.type) {
      case 'DeadLetterRetried': return { status: 'retried' };
      case 'DeadLetterSkipped': return { status: 'skipped' };
      default: return state;
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'RetryDeadLetter': return resolve(state, 'retried', { type: 'DeadLetterRetried', data: command.data });
      case 'SkipDeadLetter': return resolve(state, 'skipped', { type: 'DeadLetterSkipped', data: command.data });
      default: return unreachable(command);
    }
  },
};

function resolve(state: DeadLetterState, outcome: 'retried' | 'skipped', event: DeadLetterEvent): DeadLetterEvent[] {
  if (state.status === outcome) return [];
  if (state.status !== 'parked') throw conflict('DeadLetterAlreadyResolved');
  return [event];
}
