import 'server-only';
import type { FormState } from '@/components/organizer/types';
import { toFailure } from '@/infrastructure/services/errors';

/** A rejected command as form state; anything that is not a validation or rule error rethrows. */
export function failed(error: unknown, values: Readonly<Record<string, string>> = {}): FormState {
  const { message, fieldErrors } = toFailure(error);
  return { ok: false, message, fieldErrors, values };
}

/** A request no form of ours sends (not form data, arguments of the wrong kind): nothing to do. */
export const malformed: FormState = {
  ok: false,
  message: 'This form could not be read. Reload the page and try again.',
  fieldErrors: {},
  values: {},
};

export const conferenceGone: FormState = {
  ok: false,
  message: 'Conference not found',
  fieldErrors: {},
  values: {},
};
