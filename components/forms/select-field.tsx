import type { SelectHTMLAttributes } from 'react';
import { FieldError } from './field-error';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name'> & {
  readonly name: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly error?: string | undefined;
};

/** A labelled select whose error is announced and tied to it (aria-describedby), as `Field` for inputs. */
export function SelectField({ name, label, options, error, ...select }: Props) {
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
