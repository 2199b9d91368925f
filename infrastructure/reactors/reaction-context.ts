import type { UnitOfWork } from '../commands/handle';
import { derivedId } from '../commands/ids';
import type { StoredEvent } from '../event-store/types';

export { derivedId };

export function reactionContext(work: UnitOfWork, cause: { eventId: string; correlationId: string }, purpose: string) {
  return {
    db: work,
    commandId: derivedId(cause.eventId, purpose),
    causationId: cause.eventId,
    correlationId: cause.correlationId,
    actor: 'system',
    now: new Date(),
  };
}

export const causeOf = (event: StoredEvent) => ({ eventId: event.eventId, correlationId: event.metadata.correlationId });
