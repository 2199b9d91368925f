import { invalid } from './errors';

/**
 * Pure checks for the deciders' guard clauses. The UI validates with zod first; these are the
 * last guard, so they stay lenient where zod is strict (e-mail syntax) and exact where the
 * business is (lengths, ranges).
 */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** A range a rule allows, both ends included. */
export type Range = Readonly<{ min: number; max: number }>;

/** Trimmed length within the range: `{ min: 1, max: 100 }` means "required, at most 100". */
export const hasText = (value: string, { min, max }: Range): boolean =>
  value.trim().length >= min && value.trim().length <= max;

export const isEmail = (value: string): boolean => value.length <= 254 && EMAIL.test(value);

export const isIntegerBetween = (value: number, { min, max }: Range): boolean =>
  Number.isInteger(value) && value >= min && value <= max;

/** A real calendar day written `YYYY-MM-DD` (rejects 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO-8601 instant with an explicit offset, as stamped by the command pipeline. */
export const isTimestamp = (value: string): boolean =>
  TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));

export type FieldError = { readonly field: string; readonly code: string };

/** `{ field: [ok, code] }` → the fields whose check failed, in declaration order. */
export function fieldErrors(checks: Record<string, readonly [ok: boolean, code: string]>): FieldError[] {
  return Object.entries(checks)
    .filter(([, [ok]]) => !ok)
    .map(([field, [, code]]) => ({ field, code }));
}

/** Throws the first failed check as an `invalid` DomainError; the message lists them all. */
export function assertNoFieldErrors(errors: readonly FieldError[]): void {
  const [first] = errors;
  if (first) throw invalid(first.code, errors.map((error) => `${error.field}: ${error.code}`).join('; '));
}
