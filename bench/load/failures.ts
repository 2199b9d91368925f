/** Failed requests counted by what failed them: an HTTP status, or the client's error code. */
export type Failures = Readonly<Record<string, number>>;

export function failureTally() {
  const byReason: Record<string, number> = {};
  return {
    byReason: byReason as Failures,
    note(reason: string) {
      byReason[reason] = (byReason[reason] ?? 0) + 1;
    },
    total: () => Object.values(byReason).reduce((sum, n) => sum + n, 0),
  };
}

/** fetch rejects with "fetch failed" and the socket's or undici's code in its cause; autocannon with its own error. */
export function failureReason(error: unknown): string {
  const { message, code, cause } = error as { message?: string; code?: string; cause?: { code?: string; message?: string } };
  return cause?.code ?? cause?.message ?? code ?? message ?? String(error);
}
