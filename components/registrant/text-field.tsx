import type { InputHTMLAttributes } from 'react';
import { FieldError } from '../field-error';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  readonly id: string;
  readonly label: string;
  readonly error?: string | undefined;
};

/** A labelled input whose error is tied to it (aria-describedby) and announced (role="alert"). */
export function TextField({ id, label, error, type = 'text', ...input }: Props) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...input}
      />
      <FieldError id={errorId} error={error} />
    </div>
  );
}
