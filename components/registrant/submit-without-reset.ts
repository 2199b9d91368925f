import { startTransition, type FormEvent } from 'react';

/**
 * Dispatches a form's action by hand: React resets a form after its `action` runs, which would
 * wipe what the registrant typed when the answer is a list of errors. The `action` attribute
 * stays on the form for browsers without JavaScript.
 */
export function submitWithoutReset(dispatch: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  };
}
