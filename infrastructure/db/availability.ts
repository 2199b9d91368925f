import { processWide } from '../process-wide';
import { isConnectionError } from './errors';

/**
 * Whether this process can reach its database. The HTTP server in front of Next (scripts/server.mjs)
 * reads it from the same process-wide slot: while it is down, pages answer a 503 page and the API
 * a 503 `unavailable` at once, instead of each request waiting for a connection that fails.
 */
type Availability = { down: boolean; probing: boolean };
const state = processWide<Availability>('database-availability', () => ({ down: false, probing: false }));

const probeEveryMs = 1_000;

/**
 * Called with every failed query. A lost connection alone (one cut off by a timeout, say) is not
 * an outage: the database is asked at once, marked down only if it does not answer, and then
 * asked every second until it does, so everything recovers by itself, with no restart.
 */
export function noteQueryFailure(error: unknown, probe: () => Promise<unknown>): void {
  if (!isConnectionError(error) || state.probing) return;
  state.probing = true;
  const ask = () => {
    probe().then(
      () => Object.assign(state, { down: false, probing: false }),
      () => {
        state.down = true;
        setTimeout(ask, probeEveryMs).unref();
      },
    );
  };
  ask();
}

/** Any query answered: the database is back (whatever the probe's next turn would say). */
export function noteQuerySuccess(): void {
  if (state.down) state.down = false;
}
