'use client';

import { useActionState } from 'react';
import { FormAlert } from './form-alert';
import type { FormState } from './order-types';
import { submitWithoutReset } from './submit-without-reset';
import { TextField } from './text-field';

type Props = { readonly action: (state: FormState, form: FormData) => Promise<FormState> };

export function FindOrderForm({ action }: Props) {
  const [state, dispatch, pending] = useActionState(action, null);
  return (
    <form action={dispatch} onSubmit={submitWithoutReset(dispatch)} noValidate className="card narrow">
      <TextField id="lookup-email" name="email" type="email" label="Email" autoComplete="email" />
      <TextField id="lookup-code" name="accessCode" label="Access code" autoComplete="off" autoCapitalize="characters" spellCheck={false} />
      <FormAlert state={state} />
      <button type="submit" aria-busy={pending || undefined}>
        Find order
      </button>
    </form>
  );
}
