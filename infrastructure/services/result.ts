import type { z } from 'zod';
import { DomainError } from '@/domain/shared/errors';
import { uniqueViolation } from '../db/errors';
import { messageFor } from './messages';

/** Field (a dotted path for nested input) → the message a person reads next to it. */
export type FieldErrors = Readonly<Record<string, string>>;
/** Why nothing was done: input to correct, something not there (or not yours), a rule, or too many tries. */
export type FailureKind = 'validation' | 'notFound' | 'conflict' | 'throttled';
export type Failure = {
  readonly ok: false;
  readonly kind: FailureKind;
  readonly code: string;
  readonly message: string;
  readonly fieldErrors: FieldErrors;
};
/** What every service answers: the work done, or why it was not done (and then nothing was written). */
export type Outcome<T extends object = object> = ({ readonly ok: true } & T) | Failure;

export const invalidInput = (fieldErrors: FieldErrors, message = 'Please correct the highlighted fields.'): Failure =>
  ({ ok: false, kind: 'validation', code: 'ValidationFailed', message, fieldErrors });

/** A refusal by its code; a code ending in NotFound is one of something missing (or not yours). */
export const refusal = (code: string, message = messageFor(code), fieldErrors: FieldErrors = {}): Failure =>
  ({ ok: false, kind: code.endsWith('NotFound') ? 'notFound' : 'conflict', code, message, fieldErrors });

export const throttled = (code: 'TooManyAttempts' | 'TooManyOrders'): Failure =>
  ({ ok: false, kind: 'throttled', code, message: messageFor(code), fieldErrors: {} });

/** For callers to whom a failure is a fault (the demo seed, tests): the outcome's value, or an error. */
export function orThrow<T extends object>(outcome: Outcome<T>): { readonly ok: true } & T {
  if (!outcome.ok) throw Object.assign(new Error(`${outcome.code}: ${outcome.message}`), { failure: outcome });
  return outcome;
}

/** Input parsed at the boundary: its value, or every broken field with its message. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): { ok: true; value: z.infer<S> } | Failure {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.') || 'form'] ??= issue.message;
  return invalidInput(fieldErrors);
}

/**
 * Runs the commands of a service: a rule the domain refuses, or a set rule the database
 * refuses (`unique` maps a unique constraint to its failure), becomes the failure; anything
 * else is a fault and is thrown on.
 */
export async function attempt<T extends object>(work: () => Promise<T>, unique: Readonly<Record<string, Failure>> = {}): Promise<Outcome<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    if (error instanceof DomainError) return { ...refusal(error.code), kind: error.kind === 'notFound' ? 'notFound' : 'conflict' };
    const constraint = uniqueViolation(error);
    if (constraint !== null && unique[constraint]) return unique[constraint];
    throw error;
  }
}
