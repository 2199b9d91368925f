import 'server-only';
import type { FormState } from '@/components/organizer/types';
import { toFailure } from '@/infrastructure/services/errors';

/** A rejected command as form state; anything that is not a validation or rule error rethrows. */
export function failed(error: unknown, values: Readonly<Record<string, string>> = {}): FormState {
  const { message, fieldErrors } = toFailure(error);
  return { ok: false, message, fieldErrors, values };
}

export const conferenceGone: FormState = {
  ok: false,
  message: 'Conference not found',
  fieldErrors: {},
  values: {},
};
