import type { Message } from '@/domain/shared/decider';
import { DomainError } from '@/domain/shared/errors';
import {
  registrationProcess, registrationProcessInputs, registrationProcessTimeouts, type OutgoingCommand, type RegistrationProcessInput,
  type RegistrationProcessMessage,
} from '@/domain/registration/registration-process';
import type { DecidedEvent, UnitOfWork } from '../commands/handle';
import { reactWithin, recordWithin } from '../commands/process-manager';
import { orderStream, paymentStream, registrationStream, seatAssignmentsStream, sendWithin } from '../commands/router';
import type { StoredEvent } from '../event-store/types';
import { logger } from '../logger';
import type { Subscription } from '../subscriptions/runner';
import { schedule, type TimerHandler } from '../subscriptions/timers';
import { derivedId, reactionContext, type Cause } from './reaction-context';

function orderIdOf(message: RegistrationProcessMessage): string {
  return message.type === 'SeatsReserved' ? message.data.reservationId : message.data.orderId;
}

/**
 * Runs the process manager for one input inside the batch's transaction: its own events,
 * the commands it sends and the timeouts it schedules commit together with the checkpoint.
 * Ids derive from the input's id, so a redelivered input changes nothing.
 */
export async function runRegistrationProcess(work: UnitOfWork, input: RegistrationProcessInput, correlationId: string): Promise<void> {
  const streamId = registrationStream(orderIdOf(input.message));
  const cause = { eventId: input.eventId, correlationId };
  const reaction = await reactWithin(work, registrationProcess, streamId, input, reactionContext(cause, 'registration'));
  if (!reaction) return;
  const refused = await sendInOrder(work, reaction.commands, cause, 'registration');
  if (refused && reaction.onRefusal) {
    const { events, commands } = reaction.onRefusal;
    if (events.length > 0) await recordWithin(work, registrationProcess, streamId, events, reactionContext(cause, 'registration/refused'));
    await sendInOrder(work, commands, cause, 'registration/refused');
  }
  for (const [index, timeout] of reaction.timeouts.entries()) {
    await schedule(work, { id: derivedId(input.eventId, `timeout/${index}`), ...timeout });
  }
}

/**
 * Sends commands one after another. A refusal is an outcome, not a fault: an order already
 * confirmed refuses its expiry, and then its seats must not be released either, so the rest stop.
 */
async function sendInOrder(work: UnitOfWork, commands: readonly OutgoingCommand[], cause: Cause, purpose: string): Promise<boolean> {
  for (const [index, command] of commands.entries()) {
    try {
      await sendWithin(work, command, reactionContext(cause, `${purpose}/${index}`));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      logger.info({ command: command.type, causationId: cause.eventId, code: error.code }, 'command refused');
      return true;
    }
  }
  return false;
}

/** The streams a reaction to these events loads: each order's process, the order, its seats and payments. */
function streamsOf(events: readonly StoredEvent[]): string[] {
  return events.filter(registrationProcessInputs.is).flatMap((event) => {
    const orderId = orderIdOf(event);
    const payment = event.type === 'PaymentCompleted' || event.type === 'PaymentRejected' ? [paymentStream(event.data.paymentId)] : [];
    return [registrationStream(orderId), orderStream(orderId), seatAssignmentsStream(orderId), ...payment];
  });
}

export const registrationProcessSubscription: Subscription = {
  name: 'registration-process',
  batchSize: 500,
  eventTypes: registrationProcessInputs.names,
  streamsOf,
  async apply(work, events) {
    // What the batch's own commands decided that the process reads (the seats reserved for an
    // order it asked for, an order confirmed) is followed at once, in the same transaction, not
    // a batch later: an order is reserved one hop sooner. The feed brings those events again;
    // each process is past them by then and does nothing, as with any redelivery.
    let inputs: readonly DecidedEvent[] = events;
    while (inputs.length > 0) {
      const from = work.decided?.length ?? 0;
      for (const input of inputs) {
        if (!registrationProcessInputs.is(input)) continue;
        await runRegistrationProcess(work, { eventId: input.eventId, message: input }, input.metadata.correlationId);
      }
      inputs = work.followDecided ? (work.decided?.slice(from) ?? []) : [];
    }
  },
};

export const registrationTimers: TimerHandler = async (work, message: Message, timerId) => {
  if (!registrationProcessTimeouts.is(message)) return;
  await runRegistrationProcess(work, { eventId: timerId, message }, timerId);
};
