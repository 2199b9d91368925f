import { randomUUID } from 'node:crypto';

export type Acknowledged = { readonly status: number; readonly body: Record<string, unknown> };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A JSON API client as a careful integrator writes one against several web processes behind a
 * load balancer: every command carries an Idempotency-Key, and a request whose answer was lost
 * (the process died, 5xx, 503 while the database is away) is sent again, with the same key, to
 * the next process, until it is answered. What it returns was acknowledged.
 */
export function resilientClient(urls: readonly string[], { deadlineMs = 120_000 } = {}) {
  let next = 0;
  return async function send(method: string, path: string, body?: unknown, token?: string): Promise<Acknowledged> {
    const key = randomUUID();
    const deadline = Date.now() + deadlineMs;
    for (let attempt = 0; ; attempt++) {
      const base = urls[next++ % urls.length]!;
      try {
        const response = await fetch(`${base}/api/v1${path}`, {
          method,
          headers: { 'content-type': 'application/json', 'idempotency-key': key, ...(token ? { authorization: `Bearer ${token}` } : {}) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(30_000),
        });
        if (response.status < 500) return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      } catch {
        // No answer: the process died or the connection was cut. Ask again.
      }
      if (Date.now() > deadline) throw new Error(`${method} ${path} not answered after ${attempt + 1} attempts`);
      await pause(Math.min(50 * 2 ** attempt, 1_000));
    }
  };
}
