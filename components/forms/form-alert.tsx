import type { FormState } from './result';

type Props = {
  readonly state: FormState;
  /** The fields this form shows: their errors stand beside them, not here. */
  readonly fields?: readonly string[];
  readonly pending?: boolean;
  readonly pendingText?: string;
};

/**
 * What no field of the form shows (a rule of the whole form, a refusal) is one alert here. The
 * status line is always in the page, so screen readers announce its changes.
 */
export function FormAlert({ state, fields = [], pending = false, pendingText = '' }: Props) {
  const refused = state && !state.ok ? state : null;
  const shownByFields = refused ? fields.some((field) => refused.fieldErrors[field]) : false;
  const stray = refused ? Object.entries(refused.fieldErrors).filter(([field]) => !fields.includes(field)) : [];
  const message = stray.length > 0 ? stray.map(([, text]) => text).join(' ') : shownByFields ? '' : refused?.message;
  return (
    <>
      {message ? (
        <p role="alert" className="alert alert--error">
          {message}
        </p>
      ) : null}
      {pendingText ? <p role="status" className="status">{pending ? pendingText : ''}</p> : null}
    </>
  );
}
