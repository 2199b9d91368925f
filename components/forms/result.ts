/**
 * What a form's server action answers when it does not redirect (DESIGN §6): done (with the
 * version a read model will show), or refused with a code, a sentence and the broken fields.
 */
export type FormResult =
  | { readonly ok: true; readonly version?: number }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly fieldErrors: Readonly<Record<string, string>> };

/** `null` until the form is first sent. */
export type FormState = FormResult | null;

export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;
