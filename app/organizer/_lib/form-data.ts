/** The named text fields of a submitted form, as a plain object for a schema to parse. */
export function fieldsOf(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? '')]));
}
