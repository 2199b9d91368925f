import type { InputHTMLAttributes } from 'react';
import { FieldError } from './field-error';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> & {
  readonly name: string;
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: string;
  readonly multiline?: boolean;
  /** Defaults to `field-<name>`; set it where one page holds two fields of one name. */
  readonly id?: string;
};

/** A labelled control whose error is announced and tied to it (aria-describedby), with an optional hint. */
export function Field({ name, label, error, hint, multiline, id = `field-${name}`, type = 'text', defaultValue, ...input }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const common = {
    id,
    name,
    defaultValue: defaultValue ?? undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [errorId, hintId].filter(Boolean).join(' ') || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={4} {...common} /> : <input type={type} {...common} {...input} />}
      {hint ? <p id={hintId} className="field-hint">{hint}</p> : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
