import type { FormState } from './types';
import styles from './organizer.module.css';

type Props = { readonly state: FormState; readonly pending: boolean; readonly pendingText: string; readonly fields: readonly string[] };

/**
 * Field errors show beside their fields; what no field shows (a rule of the whole form) is one
 * alert here. The status line is always in the page so screen readers announce its changes.
 */
export function FormFeedback({ state, pending, pendingText, fields }: Props) {
  const shownByFields = fields.some((field) => state.fieldErrors[field]);
  const stray = Object.entries(state.fieldErrors).filter(([field]) => !fields.includes(field));
  const message = stray.length > 0 ? stray.map(([, text]) => text).join(' ') : shownByFields ? '' : state.message;
  return (
    <>
      {!state.ok && message ? (
        <div role="alert" className="alert alert--error">
          {message}
        </div>
      ) : null}
      <p role="status" className={styles.status}>
        {pending ? pendingText : ''}
      </p>
    </>
  );
}

export const valueOf = (state: FormState, initial: Readonly<Record<string, string>>, name: string) =>
  state.values[name] ?? initial[name] ?? '';
