/**
 * Reads until `done` holds or the deadline passes, and says which: the one way this code waits
 * for something another process or subscription does (read models, tests), never a fixed sleep.
 */
export async function poll<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 5_000, everyMs = 25 } = {},
): Promise<{ value: T; done: boolean }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return { value, done: true };
    if (Date.now() >= deadline) return { value, done: false };
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
