import type { Cluster } from './cluster';
import { failureReason, failureTally, type Failures } from './failures';
import type { Conference } from './workload';

export type Percentiles = { readonly p50: number; readonly p95: number; readonly p99: number };
export type Visibility = {
  readonly offeredPerSec: number;
  readonly commands: number;
  readonly failed: number;
  readonly failures: Failures;
  /** Answered but not visible a minute after the last answer: should always be 0. */
  readonly neverVisible: number;
  /** From a command's response to its version visible in the orders read model. */
  readonly visibleMs: Percentiles;
  /** The command's own response time. */
  readonly responseMs: Percentiles;
};

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(1));
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

const pollEveryMs = 2;

/**
 * Open loop: one order command every 1/rate seconds whatever the answers (a closed loop would
 * slow down with the system and hide its queueing). Each answered command's version is then
 * watched for in the orders read model by one reader polling every 2 ms, which bounds the error.
 */
export async function visibleLatency(cluster: Cluster, conference: Conference, ratePerSec: number, seconds: number): Promise<Visibility> {
  const count = Math.round(ratePerSec * seconds);
  const waiting = new Map<string, { version: number; answeredAt: number }>();
  const visible: number[] = [];
  const responses: number[] = [];
  const failures = failureTally();
  let sent = 0;
  let doneAt: number | null = null;
  const watcher = (async () => {
    while (doneAt === null || (waiting.size > 0 && performance.now() - doneAt < 60_000)) {
      if (waiting.size > 0) {
        const rows = await cluster.sql<{ order_id: string; version: number }[]>`
          SELECT order_id, version FROM rm_orders WHERE order_id = ANY(${[...waiting.keys()]})`;
        const now = performance.now();
        for (const row of rows) {
          const entry = waiting.get(row.order_id);
          if (entry && row.version >= entry.version) {
            visible.push(now - entry.answeredAt);
            waiting.delete(row.order_id);
          }
        }
      }
      await new Promise((resolve) => setTimeout(resolve, pollEveryMs));
    }
  })();
  const body = JSON.stringify({ seats: [{ seatTypeId: conference.seatTypeId, quantity: 1 }] });
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / ratePerSec;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const base = cluster.urls[i % cluster.urls.length];
    const sentAt = performance.now();
    sent++;
    inFlight.push(fetch(`${base}/api/v1/conferences/${conference.slug}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      .then(async (response) => {
        if (response.status !== 201) throw new Error(`HTTP ${response.status}`);
        const { orderId, version } = (await response.json()) as { orderId: string; version: number };
        const answeredAt = performance.now();
        responses.push(answeredAt - sentAt);
        waiting.set(orderId, { version, answeredAt });
      })
      .catch((error: unknown) => failures.note(failureReason(error))));
  }
  await Promise.all(inFlight);
  doneAt = performance.now();
  await watcher;
  return { offeredPerSec: ratePerSec, commands: sent, failed: failures.total(), failures: failures.byReason, neverVisible: waiting.size, visibleMs: percentiles(visible), responseMs: percentiles(responses) };
}
