/** A field's error, announced, with the id its control points at through aria-describedby. */
export function FieldError({ id, error }: { readonly id: string; readonly error?: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} role="alert" className="field-error">
      {error}
    </p>
  );
}
