/**
 * Waits until a read model reflects at least `version` (the version a command produced), so a
 * page rendered next shows the change. Returns false at the deadline: the caller then shows
 * what it has, marked as still processing.
 */
export async function waitForVersion(
  readVersion: () => Promise<number | null | undefined>,
  version: number,
  deadlineMs = 5_000,
): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (((await readVersion()) ?? 0) >= version) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
