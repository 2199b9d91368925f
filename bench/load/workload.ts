import autocannon from 'autocannon';
import type { Cluster } from './cluster';
import { failureReason, failureTally, type Failures } from './failures';

export type Conference = { readonly slug: string; readonly conferenceId: string; readonly seatTypeId: string };

async function api<T>(url: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A published conference with one seat type of `seats` seats, created through the API, on sale once its read model says so. */
export async function conferenceWith(cluster: Cluster, seats: number): Promise<Conference> {
  const base = `${cluster.urls[0]}/api/v1`;
  const slug = `rush-${Date.now().toString(36)}`;
  const created = await api<{ conferenceId: string; organizerToken: string }>(`${base}/conferences`, {
    method: 'POST',
    body: { ownerName: 'Bench Organizer', ownerEmail: 'bench@example.com', name: 'Rush Conference', slug, tagline: 'The sale rush',
      location: 'Online', description: 'Measured by npm run bench:load.', startDate: '2030-06-01', endDate: '2030-06-02' },
  });
  const token = created.organizerToken;
  const { seatTypeId } = await api<{ seatTypeId: string }>(`${base}/organizer/conferences/${slug}/seat-types`, {
    method: 'POST', token, body: { name: 'General admission', description: '', quantity: seats, price: 10_000 },
  });
  await api(`${base}/organizer/conferences/${slug}/publish`, { method: 'POST', token });
  for (;;) {
    const offer = await fetch(`${base}/conferences/${slug}`).then((r) => (r.ok ? r.json() : null)) as { seatTypes: { available: number }[] } | null;
    if (offer?.seatTypes[0]?.available === seats) return { slug, conferenceId: created.conferenceId, seatTypeId };
    await pause(50);
  }
}

const orderBody = (conference: Conference) => JSON.stringify({ seats: [{ seatTypeId: conference.seatTypeId, quantity: 1 }] });

export type Settled = { readonly orders: number; readonly settled: number; readonly withSeat: number; readonly seatsReserved: number };

/** The conference's orders as the read models say: settled (no longer pending), holding a seat, and the allocation's reserved count. */
export async function settledOrders(cluster: Cluster, conferenceId: string): Promise<Settled> {
  const [row] = await cluster.sql<Settled[]>`
    SELECT count(*)::int AS orders,
      count(*) FILTER (WHERE status <> 'pending')::int AS settled,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(doc->'reserved') r WHERE (r->>'quantity')::int > 0))::int AS "withSeat",
      coalesce((SELECT sum((t->>'reserved')::int) FROM rm_seat_allocation a, jsonb_array_elements(a.doc->'seatTypes') t
        WHERE a.conference_id = ${conferenceId}), 0)::int AS "seatsReserved"
    FROM rm_orders WHERE conference_id = ${conferenceId}`;
  return row!;
}

async function settledCount(cluster: Cluster, conferenceId: string): Promise<number> {
  const [row] = await cluster.sql<{ settled: number }[]>`
    SELECT count(*)::int AS settled FROM rm_orders WHERE conference_id = ${conferenceId} AND status <> 'pending'`;
  return row!.settled;
}

export type Rush = { readonly acknowledged: number; readonly failed: number; readonly failures: Failures; readonly ms: number; readonly settled: Settled };

/**
 * `clients` connections at once placing `orders` one-seat orders, split over the web processes
 * as a load balancer would; timed from the first request until every acknowledged order is
 * settled in the read model.
 */
export async function rush(cluster: Cluster, conference: Conference, clients: number, orders: number): Promise<Rush> {
  const started = performance.now();
  const failures = failureTally();
  const results = await Promise.all(cluster.urls.map((base) => new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon({
      url: `${base}/api/v1/conferences/${conference.slug}/orders`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: orderBody(conference),
      connections: Math.ceil(clients / cluster.urls.length),
      amount: Math.ceil(orders / cluster.urls.length),
      timeout: 120,
    }, (error, result) => (error ? reject(error) : resolve(result)));
    run.on('response', (_client, status) => status >= 300 && failures.note(`HTTP ${status}`));
    // A timed-out request is one error here (autocannon's own counters count it as an error and a timeout).
    run.on('reqError', (error) => failures.note(failureReason(error)));
  })));
  const acknowledged = results.reduce((sum, r) => sum + r['2xx'], 0);
  // Watched with a count the index answers, 50 times a second: the full tally reads every
  // order's document, and asked in a loop it would take a core from the system it measures.
  while ((await settledCount(cluster, conference.conferenceId)) < acknowledged) await pause(20);
  const ms = performance.now() - started;
  return { acknowledged, failed: failures.total(), failures: failures.byReason, ms, settled: await settledOrders(cluster, conference.conferenceId) };
}

/** Requests a second for a warm GET at `connections` connections, split over the web processes. */
export async function requestsPerSecond(cluster: Cluster, path: string, connections: number, seconds: number): Promise<number> {
  const results = await Promise.all(cluster.urls.map((base) => autocannon({
    url: `${base}${path}`, connections: Math.ceil(connections / cluster.urls.length), duration: seconds,
  })));
  // autocannon counts a timeout among the errors too.
  const failed = results.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
  if (failed > 0) throw new Error(`${path}: ${failed} failed requests`);
  return results.reduce((sum, r) => sum + r.requests.average, 0);
}
