import type { CommandMetadata } from '../commands/handle';
import { derivedId } from '../commands/ids';
import type { StoredEvent } from '../event-store/types';

export { derivedId };

export type Cause = { readonly eventId: string; readonly correlationId: string };

/** A reaction's command: its id derives from the causing event, so a redelivery is a no-op. */
export function reactionContext(cause: Cause, purpose: string): CommandMetadata {
  return {
    commandId: derivedId(cause.eventId, purpose),
    causationId: cause.eventId,
    correlationId: cause.correlationId,
    actor: 'system',
    now: new Date(),
  };
}

export const causeOf = (event: StoredEvent): Cause => ({ eventId: event.eventId, correlationId: event.metadata.correlationId });
