import 'server-only';
import { redirect } from 'next/navigation';
import type { FormResult } from '@/components/forms/result';
import type { Failure, Outcome } from '@/infrastructure/services/result';

/** What a form's step did: where the browser goes next, or the version its result produced. */
export type Done = { readonly redirectTo?: string; readonly version?: number };

/** A request no form of ours sends (not form data, arguments of the wrong kind): nothing is done. */
export const malformed: Failure = {
  ok: false, kind: 'validation', code: 'MalformedRequest', message: 'This form could not be read. Reload the page and try again.', fieldErrors: {},
};

/**
 * Every form action's one sequence: refuse a request no form sends, run the step (authorize →
 * service → wait for the read model), then answer its failure as it is, or go where it leads.
 */
export async function formAction(form: unknown, step: (form: FormData) => Promise<Outcome<Done>>): Promise<FormResult> {
  if (!(form instanceof FormData)) return malformed;
  const outcome = await step(form);
  if (!outcome.ok) return outcome;
  if (outcome.redirectTo) redirect(outcome.redirectTo);
  return { ok: true, ...(outcome.version === undefined ? {} : { version: outcome.version }) };
}
