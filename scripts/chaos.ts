/**
 * `npm run chaos`: a sale through the JSON API on 2 web processes and 2 workers, on a PostgreSQL
 * cluster of its own, while faults strike at random moments (from a seed it prints; CHAOS_SEED
 * replays the schedule): workers and a web process killed with SIGKILL, a worker frozen past its
 * lease, PostgreSQL restarted, a poison event. Then the invariants, and last one JSON line.
 */
import { checkInvariants } from '../infrastructure/testing/invariants';
import { poll } from '../infrastructure/poll';
import { startAppServer } from '../infrastructure/testing/app-server';
import { inject, scheduleFaults } from '../infrastructure/testing/chaos/faults';
import { seededRandom } from '../infrastructure/testing/chaos/random';
import { changeQuota, emptyLog, lostAcks, registrant, sampleAllocation } from '../infrastructure/testing/chaos/workload';
import { openSale } from '../infrastructure/testing/sale';
import { resilientClient } from '../infrastructure/testing/resilient-client';
import { createThrowawayCluster } from '../infrastructure/testing/throwaway-cluster';

const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const runMs = Number(process.env.CHAOS_SECONDS ?? 120) * 1000;
const registrants = 12;
const leaseMs = 10_000; // the runner's default
const quotas = [150, 60];
const say = (line: string) => process.stderr.write(`${line}\n`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  say(`chaos seed ${seed} (rerun with CHAOS_SEED=${seed}), ${runMs / 1000} s`);
  const random = seededRandom(seed);
  const cluster = await createThrowawayCluster();
  const app = await startAppServer(
    { ORDER_RATE_PER_MINUTE: '0', SEED_DEMO: '0', RESERVATION_TTL_SECONDS: '20', SESSION_SECRET: 'chaos-secret-of-at-least-thirty-two-characters' },
    { processes: 2, workers: 2, serverUrl: cluster.url },
  );
  try {
    const send = resilientClient(app.urls, { deadlineMs: 300_000 });
    const sale = await openSale(send, 'Chaos', quotas);
    const canary = await openSale(send, 'Canary', [100_000]);
    const log = emptyLog();
    const started = Date.now();
    const running = () => Date.now() - started < runMs;
    const currentQuotas = [...quotas];
    const lowered = new Set<string>();

    const buyers = Array.from({ length: registrants }, async () => {
      while (running()) await registrant(send, sale, random, log);
    });
    const organizer = (async () => {
      while (running()) {
        await pause(random.between(2_000, 6_000));
        const before = [...currentQuotas];
        await changeQuota(send, sale, random, log, currentQuotas);
        sale.seatTypes.forEach((s, i) => currentQuotas[i]! < before[i]! && lowered.add(s.seatTypeId));
      }
    })();
    const sampler = (async () => {
      while (running()) {
        await sampleAllocation(send, sale, log, (id) => lowered.has(id));
        await pause(500);
      }
    })();
    const faults = scheduleFaults(random, runMs);
    const struck = Promise.all(faults.map(async (fault) => {
      await pause(fault.atMs);
      const at = Date.now();
      say(`${((at - started) / 1000).toFixed(1)} s: ${fault.kind}`);
      await inject(fault, { app, cluster, random, leaseMs, admin: app.db });
      if (fault.recoveredMs !== undefined) return; // measured by the fault itself
      // Whole again when a new order goes through to its read model.
      const placed = await send('POST', `/conferences/${canary.slug}/orders`, { seats: [{ seatTypeId: canary.seatTypes[0]!.seatTypeId, quantity: 1 }] });
      const { orderId, orderToken } = placed.body as { orderId: string; orderToken: string };
      await poll(() => send('GET', `/orders/${orderId}`, undefined, orderToken), (r) => r.status === 200 && r.body.status !== 'pending', { timeoutMs: 300_000, everyMs: 100 });
      fault.recoveredMs = Date.now() - at;
      log.orders.push(orderId);
    }));
    await Promise.all([...buyers, organizer, sampler, struck]);
    say(`workload done after ${((Date.now() - started) / 1000).toFixed(0)} s; waiting for the system to settle`);

    const poisoned = faults.filter((f) => f.kind === 'poison event' && !f.target?.includes('not dead-lettered')).length;
    const settled = await poll(
      () => checkInvariants(app.db, { acknowledgedOrders: log.orders, deadLetters: poisoned }),
      (report) => Object.values(report).every((list) => list.length === 0),
      { timeoutMs: 180_000, everyMs: 1_000 },
    );
    const lost = await lostAcks((text, params) => app.db.query(text, params), log.acks);
    const violations = { ...settled.value, 'acknowledged commands in the store': lost, 'allocation samples within quota': log.oversoldSamples };
    report(log, faults, violations);
    if (Object.values(violations).some((list) => list.length > 0)) process.exitCode = 1;
  } finally {
    await app.stop();
    cluster.destroy();
  }
}

function report(log: ReturnType<typeof emptyLog>, faults: ReturnType<typeof scheduleFaults>, violations: Record<string, readonly string[]>) {
  for (const fault of faults) say(`  ${fault.kind.padEnd(30)} at ${(fault.atMs / 1000).toFixed(1).padStart(6)} s  ${(fault.target ?? '').padEnd(40)} whole again after ${fault.recoveredMs} ms`);
  for (const [invariant, list] of Object.entries(violations)) say(`  ${list.length === 0 ? 'ok  ' : 'FAIL'} ${invariant}${list.length ? `: ${list.slice(0, 5).join('; ')}` : ''}`);
  say(`  refused (as the rules say): ${JSON.stringify(log.refusals)}`);
  console.log(JSON.stringify({
    seed,
    seconds: runMs / 1000,
    ordersAcknowledged: log.orders.length,
    commandsAcknowledged: log.acks.length,
    commandsByType: log.acks.reduce<Record<string, number>>((counts, { command }) => ({ ...counts, [command]: (counts[command] ?? 0) + 1 }), {}),
    lost: violations['acknowledged commands in the store']!.length + violations['acknowledged orders stored exactly once']!.length,
    duplicated: violations['no command applied twice']!.length,
    oversold: violations['never oversold']!.length + log.oversoldSamples.length,
    allocationSamples: log.samples,
    violations: Object.values(violations).reduce((sum, list) => sum + list.length, 0),
    maxRecoveryMs: Math.max(...faults.map((f) => f.recoveredMs ?? Infinity)),
    faults: faults.map(({ kind, atMs, target, recoveredMs }) => ({ kind, atMs, target, recoveredMs })),
  }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
