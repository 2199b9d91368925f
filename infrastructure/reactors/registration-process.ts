import { fold, type Message } from '@/domain/shared/decider';
import { DomainError } from '@/domain/shared/errors';
import {
  registrationProcess,
  type OutgoingCommand,
  type RegistrationProcessEvent,
  type RegistrationProcessInput,
  type RegistrationProcessMessage,
} from '@/domain/registration/registration-process';
import type { UnitOfWork } from '../commands/handle';
import { send } from '../commands/router';
import { appendToStream } from '../event-store/append';
import { readStream } from '../event-store/read';
import { streamIdOf, type StoredEvent } from '../event-store/types';
import { logger } from '../logger';
import type { Subscription } from '../subscriptions/runner';
import { schedule, type TimerHandler } from '../subscriptions/timers';
import { derivedId, reactionContext } from './reaction-context';

/** The events it reacts to; its timeouts come back through `registrationTimers`. */
const inputTypes = new Set(['OrderPlaced', 'OrderUpdated', 'SeatsReserved', 'PaymentCompleted', 'PaymentRejected', 'OrderConfirmed']);

function orderIdOf(message: RegistrationProcessMessage): string {
  return message.type === 'SeatsReserved' ? message.data.reservationId : message.data.orderId;
}

/**
 * Runs the process manager for one input inside the batch's transaction: its own events,
 * the commands it sends and the timeouts it schedules commit together with the checkpoint.
 * Ids derive from the input's id, so a redelivered input changes nothing.
 */
export async function runRegistrationProcess(
  work: UnitOfWork,
  input: RegistrationProcessInput,
  correlationId: string,
): Promise<void> {
  const streamId = streamIdOf(registrationProcess.streamType, orderIdOf(input.message));
  const history = await readStream(work.db, streamId);
  const state = fold(registrationProcess, history as never[]);
  const reaction = registrationProcess.react(state, input);
  const cause = { eventId: input.eventId, correlationId };
  const record = (events: readonly RegistrationProcessEvent[], version: number, purpose: string) =>
    appendToStream(work.db, {
      streamId,
      streamType: registrationProcess.streamType,
      expected: version === 0 ? 'no-stream' : version,
      commandId: derivedId(input.eventId, purpose),
      events,
      metadata: { commandId: null, correlationId, causationId: input.eventId, actor: 'system', recordedAt: new Date().toISOString() },
    });
  if (reaction.events.length > 0) {
    const appended = await record(reaction.events, history.length, 'registration');
    if (appended.duplicate) return;
    work.appended?.();
  }
  const refusal = await sendInOrder(work, reaction.commands, cause, 'registration');
  if (refusal && reaction.onRefusal) {
    const { events, commands } = reaction.onRefusal;
    if (events.length > 0) await record(events, history.length + reaction.events.length, 'registration/refused');
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
async function sendInOrder(
  work: UnitOfWork,
  commands: readonly OutgoingCommand[],
  cause: { eventId: string; correlationId: string },
  purpose: string,
): Promise<DomainError | null> {
  for (const [index, command] of commands.entries()) {
    try {
      await send(command, reactionContext(work, cause, `${purpose}/${index}`));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      logger.info({ command: command.type, causationId: cause.eventId, code: error.code }, 'command refused');
      return error;
    }
  }
  return null;
}

export const registrationProcessSubscription: Subscription = {
  name: 'registration-process',
  batchSize: 100,
  async apply(work, events: readonly StoredEvent[]) {
    for (const event of events) {
      if (!inputTypes.has(event.type)) continue;
      const message = { type: event.type, data: event.data } as RegistrationProcessMessage;
      await runRegistrationProcess(work, { eventId: event.eventId, message }, event.metadata.correlationId);
    }
  },
};

export const registrationTimers: TimerHandler = async (work, message: Message, timerId) => {
  if (message.type !== 'ReservationExpiryDue') return;
  await runRegistrationProcess(work, { eventId: timerId, message: message as RegistrationProcessMessage }, timerId);
};
