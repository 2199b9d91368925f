import 'server-only';

type Versioned = { readonly version: number };

/**
 * Read models follow commands a moment later. An action that redirects to a page reading one
 * waits here until the model shows the version the command produced, so the next page shows the
 * change. After the deadline it gives up and the page shows what there is (never a dead end).
 */
export async function untilVersion<T extends Versioned>(
  read: () => Promise<T | null>,
  version: number,
  { timeoutMs = 5_000, everyMs = 25 } = {},
): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const doc = await read();
    if ((doc && doc.version >= version) || Date.now() >= deadline) return doc;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
