/** "May 12 – 13, 2027" style range from two YYYY-MM-DD dates. */
export function formatDateRange(start: string, end: string): string {
  const format = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const from = new Date(`${start}T00:00:00Z`);
  const to = new Date(`${end}T00:00:00Z`);
  return start === end ? format.format(from) : format.formatRange(from, to);
}

/** "Nov 30, 2026, 17:45:02 UTC": a moment, the same on the server's render and the browser's. */
export function formatDateTime(at: string): string {
  const format = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium', hour12: false, timeZone: 'UTC' });
  return `${format.format(new Date(at))} UTC`;
}
