const codeOf = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
};

/** The database cannot be reached (down, restarting, or the connection was cut), as opposed to refusing the work. */
export function isConnectionError(error: unknown): boolean {
  const code = codeOf(error);
  if (code === null) return false;
  if (code.startsWith('CONNECTION_') || code === 'CONNECT_TIMEOUT' || code === 'ECONNRESET' || code === 'ECONNREFUSED') return true;
  // 08: connection exception; 57P0x: shutdown, crash shutdown, cannot connect now.
  return code.startsWith('08') || code.startsWith('57P0');
}

/** Failures of the connection or of a transaction's luck, not of the work: retry them. */
export function isTransientDatabaseError(error: unknown): boolean {
  const code = codeOf(error);
  // 40001/40P01: serialization failure, deadlock; 57014: a statement or idle transaction cut short by a timeout.
  return isConnectionError(error) || code === '40001' || code === '40P01' || code === '57014' || code === '25P03';
}

/** PostgreSQL's unique_violation, with the constraint that was hit. */
export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: unknown; constraint_name?: unknown; constraint?: unknown } | null;
  if (e?.code !== '23505') return null;
  return String(e.constraint_name ?? e.constraint ?? '');
}
