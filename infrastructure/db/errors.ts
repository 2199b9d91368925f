/** Failures of the connection or of a transaction's luck, not of the work: retry them. */
export function isTransientDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  if (code.startsWith('CONNECTION_') || code === 'ECONNRESET' || code === 'ECONNREFUSED') return true;
  // 08: connection exception; 57P0x: shutdown or terminated; 40001/40P01: serialization, deadlock.
  return code.startsWith('08') || code.startsWith('57P0') || code === '40001' || code === '40P01';
}

/** PostgreSQL's unique_violation, with the constraint that was hit. */
export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: unknown; constraint_name?: unknown; constraint?: unknown } | null;
  if (e?.code !== '23505') return null;
  return String(e.constraint_name ?? e.constraint ?? '');
}
