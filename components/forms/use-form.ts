'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import type { FormAction } from './result';

/**
 * A form bound to its server action. It keeps what was typed when the answer is a list of
 * errors (React resets a form after its `action` runs, so the submit is dispatched by hand; the
 * `action` attribute stays for browsers without JavaScript), and moves focus to the first field
 * to fix after a refusal.
 */
export function useForm(action: FormAction) {
  const [state, dispatch, pending] = useActionState(action, null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state && !state.ok) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  };
  const fieldErrors = state && !state.ok ? state.fieldErrors : {};
  return { state, pending, errorOf: (name: string) => fieldErrors[name], form: { ref, action: dispatch, onSubmit, noValidate: true } };
}
