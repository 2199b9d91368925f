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

export const streamIdOf = (streamType: string, id: string) => `${streamType}-${id}`;
