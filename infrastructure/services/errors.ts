import { DomainError } from '@/domain/shared/errors';
import type { z } from 'zod';

/** Field → the message a person reads next to that field. */
export type FieldErrors = Readonly<Record<string, string>>;

/** Bad input caught at the boundary: nothing was written. */
export class ValidationError extends Error {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = 'Please correct the highlighted fields.',
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.') || 'form';
    fieldErrors[field] ??= issue.message;
  }
  throw new ValidationError(fieldErrors);
}

export type Failure = { ok: false; code: string; message: string; fieldErrors: FieldErrors };

const messages: Record<string, string> = {
  NoSeatsSelected: 'Select at least one seat.',
  ConferenceNotPublished: 'This conference is not open for registration.',
  ConferenceNotFound: 'Conference not found',
  OrderNotFound: 'Order not found',
  OrderExpired: 'Your reservation has expired',
  OrderAlreadyConfirmed: 'This order is already confirmed.',
  OrderHasNoReservedSeats: 'No seats could be reserved for this order, so it cannot be paid.',
  OrderNotReserved: 'Your seats are still being reserved. Try again in a moment.',
  PaymentInProgress: 'A payment for this order is already in progress.',
  PaymentAlreadyProcessed: 'This payment was already processed.',
  SeatTypeCannotBeRemovedAfterPublishing: 'A seat type cannot be removed once the conference was published.',
  TooManySeats: 'At most 20 seats of each type per order.',
  CommandIdReused: 'This form was already sent for something else. Reload the page and try again.',
  PaymentRequired: 'This order has to be paid before it is confirmed.',
  PaymentNotOpen: 'This payment is not the one in progress for this order.',
};

/** Maps what a command pipeline throws to the result union actions return. */
export function toFailure(error: unknown): Failure {
  if (error instanceof ValidationError) {
    return { ok: false, code: 'ValidationFailed', message: error.message, fieldErrors: error.fieldErrors };
  }
  if (error instanceof DomainError) {
    return { ok: false, code: error.code, message: messages[error.code] ?? readable(error.code), fieldErrors: {} };
  }
  throw error;
}

const readable = (code: string) => `${code.replace(/([a-z])([A-Z])/g, '$1 $2')}.`;
