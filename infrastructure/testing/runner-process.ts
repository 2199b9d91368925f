/**
 * A runner in a process of its own, for tests that kill it (SIGKILL) at random points.
 * argv: <schema> <projection name> <owner> <lease ms>
 */
import { openPostgres } from '../db/client';
import { startRunner } from '../subscriptions/runner';
import { testDatabaseUrl } from './databases';
import { recordingProjection } from './recording-projection';

const [schema, name, owner, leaseMs] = process.argv.slice(2);
const db = openPostgres(testDatabaseUrl, { schema, max: 2 });
startRunner({
  db,
  subscriptions: [recordingProjection(name!, { batchSize: 200 })],
  owner,
  leaseMs: Number(leaseMs),
  pollMs: 50,
  retryBaseMs: 20,
});
process.stdout.write('started\n');
