import type { Database } from '../../db/client';
import { poll } from '../../poll';
import { seatAssignmentsProjection } from '../../projections/seat-assignments';
import type { AppServer } from '../app-server';
import { feedHead } from '../invariants';
import type { ThrowawayCluster } from '../throwaway-cluster';
import type { Random } from './random';

export type FaultKind = 'kill -9 worker' | 'kill -9 web' | 'freeze worker past its lease' | 'restart PostgreSQL' | 'poison event';

/** A fault at a moment of the run, and how long the system took to be whole again after it. */
export type Fault = { readonly kind: FaultKind; readonly atMs: number; target?: string; recoveredMs?: number };

/** The faults of one run at random moments of it (from the seed): at least five workers killed. */
export function scheduleFaults(random: Random, runMs: number): Fault[] {
  const at = () => random.between(Math.round(runMs * 0.1), Math.round(runMs * 0.8));
  const kinds: FaultKind[] = ['kill -9 worker', 'kill -9 worker', 'kill -9 worker', 'kill -9 worker', 'kill -9 worker', 'kill -9 web', 'freeze worker past its lease', 'restart PostgreSQL', 'poison event'];
  return kinds.map((kind) => ({ kind, atMs: at() })).sort((a, b) => a.atMs - b.atMs);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The harness's own statements ride out the database restart it causes: asked again until answered. */
async function persistently<T>(query: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await query();
    } catch {
      await pause(200);
    }
  }
}
const poisonConstraint = 'chaos_poison';

/**
 * Injects one fault and resolves when its cause is gone (the process is back, the database is up,
 * the poison's cause removed and its subscription retried); recovery is then measured by the caller.
 */
export async function inject(fault: Fault, context: { app: AppServer; cluster: ThrowawayCluster; random: Random; leaseMs: number; admin: Database }) {
  const { app, cluster, random } = context;
  switch (fault.kind) {
    case 'kill -9 worker': {
      const index = random.between(0, app.workers.length - 1);
      fault.target = `worker ${index}`;
      await app.workers[index]!.restart();
      return;
    }
    case 'kill -9 web': {
      const index = random.between(0, app.web.length - 1);
      fault.target = `web ${index}`;
      await app.web[index]!.restart();
      return;
    }
    case 'freeze worker past its lease': {
      const index = random.between(0, app.workers.length - 1);
      fault.target = `worker ${index}`;
      app.workers[index]!.signal('SIGSTOP');
      await pause(context.leaseMs + 5_000);
      app.workers[index]!.signal('SIGCONT');
      return;
    }
    case 'restart PostgreSQL':
      cluster.stop();
      await pause(random.between(1_000, 5_000));
      cluster.start();
      return;
    case 'poison event':
      fault.target = seatAssignmentsProjection.name;
      await poison(context.admin, fault);
      return;
  }
}

/**
 * A projection that cannot apply the next event it meets: every write to its table is refused
 * (a constraint added NOT VALID, so only new rows are checked). The event is dead-lettered and the
 * subscription stops, visibly; once the cause is removed, a retry applies it and catches up.
 */
async function poison(admin: Database, fault: Fault) {
  const { table, name } = seatAssignmentsProjection;
  await persistently(() => admin.query(`ALTER TABLE ${table} ADD CONSTRAINT ${poisonConstraint} CHECK (false) NOT VALID`));
  // Orders keep being paid for, so the projection meets an event soon.
  const stopped = await poll(
    () => persistently(() => admin.query<{ status: string }>('SELECT status FROM subscriptions WHERE name = $1', [name])),
    ([row]) => row?.status === 'stopped',
    { timeoutMs: 90_000, everyMs: 200 },
  );
  if (!stopped.done) fault.target = `${name} (met no event: not dead-lettered)`;
  await persistently(() => admin.query(`ALTER TABLE ${table} DROP CONSTRAINT ${poisonConstraint}`));
  const retried = Date.now();
  const head = await persistently(() => feedHead(admin));
  await persistently(() => admin.query(`UPDATE subscriptions SET status = 'running', last_error = NULL WHERE name = $1`, [name]));
  // Whole again when it has caught up with the feed as it stood when it was retried.
  await poll(
    () => persistently(() => admin.query<{ caught_up: boolean }>(
      'SELECT (checkpoint_transaction_id, checkpoint_position) >= ($2::xid8, $3::bigint) AS caught_up FROM subscriptions WHERE name = $1',
      [name, head.tx, head.position],
    )),
    ([row]) => row?.caught_up === true,
    { timeoutMs: 120_000, everyMs: 100 },
  );
  fault.recoveredMs = Date.now() - retried;
}
