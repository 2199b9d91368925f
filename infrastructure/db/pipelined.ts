/**
 * Statements sent together on one transaction's connection: all of them settle, then the first
 * to have failed, in the order they were sent, is the failure. The ones after it fail only
 * because it aborted the transaction ("current transaction is aborted"), and may say so first.
 */
export async function pipelined(statements: readonly (Promise<unknown> | undefined)[]): Promise<void> {
  const settled = await Promise.allSettled(statements);
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}
