/** "May 12 – 13, 2027" style range from two YYYY-MM-DD dates. */
export function formatDateRange(start: string, end: string): string {
  const format = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const from = new Date(`${start}T00:00:00Z`);
  const to = new Date(`${end}T00:00:00Z`);
  return start === end ? format.format(from) : format.formatRange(from, to);
}
