import postgres from 'postgres';
import { subscriptionStates } from '../../infrastructure/queries/operations';
import { startAppServer } from '../../infrastructure/testing/app-server';
import { benchDatabaseUrl } from '../support';

/** The process layouts measured: everything in one process, or web processes beside a worker. */
export type Layout = { readonly name: string; readonly web: number; readonly workers: number };
export const oneProcess: Layout = { name: '1 process', web: 1, workers: 0 };
export const twoWebOneWorker: Layout = { name: '2 web + 1 worker', web: 2, workers: 1 };

export type Cluster = {
  readonly urls: readonly string[];
  readonly sql: postgres.Sql;
  /** Resolves once every subscription has applied every event it takes: nothing left over from the last phase. */
  untilQuiet(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The layout on a fresh database of its own, as `npm start` and `npm run worker` run it: the
 * order rate limit per client address is off (every simulated registrant comes from this one
 * machine) and no demo.
 */
export async function startCluster(layout: Layout): Promise<Cluster> {
  const app = await startAppServer(
    { SEED_DEMO: '0', ORDER_RATE_PER_MINUTE: '0', SESSION_SECRET: 'bench-secret-of-at-least-thirty-two-characters' },
    { processes: layout.web, workers: layout.workers, serverUrl: benchDatabaseUrl },
  );
  const sql = postgres(app.databaseUrl, { max: 2, onnotice: () => undefined });
  return {
    urls: app.urls,
    sql,
    async untilQuiet() {
      while ((await subscriptionStates(app.db)).some((subscription) => subscription.lagEvents > 0)) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async stop() {
      await sql.end({ timeout: 5 });
      await app.stop();
    },
  };
}
