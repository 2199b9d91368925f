import type { FormState } from './order-types';

/** The failure of a form as a whole (not tied to one field), announced as it appears. */
export function FormAlert({ state, fields = [] }: { state: FormState; fields?: readonly string[] }) {
  if (!state || state.ok) return null;
  const ownFieldErrors = Object.keys(state.fieldErrors).some((name) => fields.includes(name));
  if (ownFieldErrors) return null;
  return (
    <p role="alert" className="alert alert--error">
      {state.fieldErrors.form ?? state.message}
    </p>
  );
}
