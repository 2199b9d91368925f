/** A form field's text; a file or a missing field reads as empty. */
export function textOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** The named text fields of a submitted form, as a plain object for a service to parse. */
export function fieldsOf(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, textOf(form, name)]));
}

/**
 * A price typed in the currency's units ("15.10") as the cents services take; what is not a
 * number is passed on as typed, for the service to explain.
 */
export function centsOf(typed: string): number | string {
  const amount = Number(typed.trim());
  return typed.trim() !== '' && Number.isFinite(amount) ? Math.round(amount * 100) : typed;
}

const quantityPrefix = 'quantity:';

/** The seat forms' `quantity:<seat type id>` selects, as the seats a service takes. */
export const seatsOf = (form: FormData) =>
  [...form.keys()].filter((name) => name.startsWith(quantityPrefix)).map((name) => ({
    seatTypeId: name.slice(quantityPrefix.length),
    quantity: textOf(form, name),
  }));
