import { FieldError } from '../field-error';
import styles from './organizer.module.css';

type FieldProps = {
  readonly name: string;
  readonly label: string;
  readonly defaultValue?: string;
  readonly error?: string;
  readonly hint?: string;
  readonly type?: 'text' | 'email' | 'date' | 'number';
  readonly multiline?: boolean;
  readonly autoComplete?: string;
  readonly inputMode?: 'text' | 'decimal' | 'numeric' | 'email';
  readonly autoFocus?: boolean;
};

/** A labelled control whose error is announced and tied to it. */
export function Field({ name, label, defaultValue = '', error, hint, type = 'text', multiline, ...rest }: FieldProps) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const common = { id, name, defaultValue, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, ...rest };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={4} {...common} /> : <input type={type} {...common} />}
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
