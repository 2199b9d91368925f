/**
 * `npm run bench:load`: the sale rush through HTTP, against the built app (`npm start`'s server)
 * on a fresh server PostgreSQL database, in two layouts: one process, and two web processes
 * (RUN_WORKERS=0, each on its own port, as behind a load balancer) beside one worker. Prints a
 * table, writes bench/visible-latency.svg, and last, one JSON object of figures.
 */
import { writeFileSync } from 'node:fs';
import { report } from './support';
import { oneProcess, startCluster, twoWebOneWorker, type Layout } from './load/cluster';
import { latencyChart, type Series } from './load/chart';
import { visibleLatency, type Visibility } from './load/visibility';
import { conferenceWith, requestsPerSecond, rush } from './load/workload';

const settings = {
  connections: 50,
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  rushClients: 500,
  rushOrders: Number(process.env.BENCH_RUSH_ORDERS ?? 5_000),
  soldOutClients: 10_000,
  soldOutConcurrent: 1_000,
  soldOutSeats: 2_000,
  offeredLoads: [50, 100, 200, 300, 400],
};
const progress = (step: string) => process.stderr.write(`${step}\n`);

async function measure(layout: Layout) {
  const cluster = await startCluster(layout);
  try {
    const big = await conferenceWith(cluster, 100_000);
    progress(`${layout.name}: up`);
    // Warm both routes (compiled, connections open) before timing them.
    await requestsPerSecond(cluster, '/api/ping', settings.connections, 2);
    await requestsPerSecond(cluster, `/conferences/${big.slug}/register`, settings.connections, 2);
    const trivial = await requestsPerSecond(cluster, '/api/ping', settings.connections, settings.seconds);
    const register = await requestsPerSecond(cluster, `/conferences/${big.slug}/register`, settings.connections, settings.seconds);
    progress(`${layout.name}: pages measured`);
    const rushed = await rush(cluster, big, settings.rushClients, settings.rushOrders);
    progress(`${layout.name}: rush measured`);
    const scarce = await conferenceWith(cluster, settings.soldOutSeats);
    const soldOut = await rush(cluster, scarce, settings.soldOutConcurrent, settings.soldOutClients);
    progress(`${layout.name}: sold out measured`);
    const sweep: Visibility[] = [];
    for (const load of settings.offeredLoads) {
      // Each offered load on a system at rest: the catch-up of the phase before is not part of it.
      await cluster.untilQuiet();
      sweep.push(await visibleLatency(cluster, big, load, settings.seconds));
      progress(`${layout.name}: visibility at ${load}/s measured`);
    }
    return { layout, trivial, register, rushed, soldOut, sweep };
  } finally {
    await cluster.stop();
  }
}

type Measured = Awaited<ReturnType<typeof measure>>;

function figuresOf({ trivial, register, rushed, soldOut, sweep }: Measured) {
  const at200 = sweep.find((point) => point.offeredPerSec === 200)!;
  const rushOrdersPerSec = Math.round(rushed.acknowledged / (rushed.ms / 1000));
  return {
    rushOrdersPerSec,
    rushFailed: rushed.failed,
    rushFailures: rushed.failures,
    soldOut: {
      clients: settings.soldOutClients, seats: settings.soldOutSeats, acknowledged: soldOut.acknowledged, failed: soldOut.failed, failures: soldOut.failures,
      ordersWithASeat: soldOut.settled.withSeat, seatsReserved: soldOut.settled.seatsReserved, toldSoldOut: soldOut.settled.settled - soldOut.settled.withSeat,
    },
    visibleP50Ms: at200.visibleMs.p50,
    visibleP95Ms: at200.visibleMs.p95,
    visibleP99Ms: at200.visibleMs.p99,
    commandP99MsAt200: at200.responseMs.p99,
    neverVisible: sweep.reduce((sum, point) => sum + point.neverVisible, 0),
    registerPageReqPerSec: Math.round(register),
    trivialRouteReqPerSec: Math.round(trivial),
    rushToTrivial: Number((rushOrdersPerSec / trivial).toFixed(2)),
    registerToTrivial: Number((register / trivial).toFixed(2)),
    sweep: sweep.map(({ offeredPerSec, visibleMs, responseMs, failed, failures }) => ({ offeredPerSec, visibleMs, responseMs, failed, failures })),
  };
}

async function main() {
  const runs: Measured[] = [];
  for (const layout of [oneProcess, twoWebOneWorker]) runs.push(await measure(layout));
  const [single, split] = runs.map(figuresOf) as [ReturnType<typeof figuresOf>, ReturnType<typeof figuresOf>];
  const series: Series[] = runs.map((run) => ({ layout: run.layout.name, points: run.sweep }));
  writeFileSync('bench/visible-latency.svg', latencyChart(series));
  const rows: [string, string][] = runs.flatMap((run, index) => {
    const f = index === 0 ? single : split;
    const name = run.layout.name;
    return [
      [`${name}: rush, ${settings.rushClients} clients (orders settled /s)`, `${f.rushOrdersPerSec} /s (${f.rushToTrivial} × trivial), ${f.rushFailed} failed`],
      [`${name}: ${settings.soldOutClients} clients for ${settings.soldOutSeats} seats`, `${f.soldOut.seatsReserved} seats reserved, ${f.soldOut.toldSoldOut} told sold out, ${f.soldOut.failed} failed`],
      [`${name}: visible after answer at 200 cmd/s (p50/p95/p99)`, `${f.visibleP50Ms} / ${f.visibleP95Ms} / ${f.visibleP99Ms} ms`],
      [`${name}: register page (warm GET)`, `${f.registerPageReqPerSec} /s (${f.registerToTrivial} × trivial)`],
      [`${name}: trivial route`, `${f.trivialRouteReqPerSec} /s`],
    ];
  });
  const exact = runs.every((run) => run.soldOut.settled.seatsReserved === settings.soldOutSeats && run.soldOut.settled.withSeat === settings.soldOutSeats
    && run.soldOut.failed === 0 && run.soldOut.acknowledged === settings.soldOutClients);
  report(rows, { ...single, twoWebOneWorker: split, exact });
  if (!exact || single.neverVisible + split.neverVisible > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
