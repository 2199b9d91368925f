import type { Message } from '@/domain/shared/decider';

export type ExpectedVersion = number | 'no-stream' | 'any';

export type EventMetadata = {
  readonly commandId: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: string;
  readonly recordedAt: string;
};

/** An event as read back from the store: the domain's `{type, data}` plus where it sits. */
export type StoredEvent<E extends Message = Message> = E & {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamPosition: number;
  /** bigint and xid8 travel as decimal strings: JavaScript numbers would not hold them. */
  readonly globalPosition: string;
  readonly transactionId: string;
  readonly schemaVersion: number;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
};

/** A subscription's place in the commit-ordered feed of all events. */
export type Checkpoint = { readonly transactionId: string; readonly position: string };
export const startOfFeed: Checkpoint = { transactionId: '0', position: '0' };

export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${expected}`);
    this.name = 'ConcurrencyError';
  }
}

/**
 * A newer transaction appended to the stream since this one took its id (drizzle/0011): only the
 * whole transaction, tried again with a new id, can append. A serialization failure (40001), so
 * every caller that retries transient database errors does exactly that.
 */
export class OutOfOrderAppend extends Error {
  readonly code = '40001';
  constructor(readonly streamId: string) {
    super(`A newer transaction appended to ${streamId}: try the transaction again`);
    this.name = 'OutOfOrderAppend';
  }
}

export const streamIdOf = (streamType: string, id: string) => `${streamType}-${id}`;
