import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './ports';

/**
 * A PostgreSQL cluster of its own (initdb into a temporary folder, on a free port, trust auth),
 * for tests and scripts that stop, restart or freeze the database: the shared server is never
 * touched. Run as the `postgres` OS user when started as root, as PostgreSQL requires.
 */
export type ThrowawayCluster = {
  /** A URL to the `postgres` database of this cluster. */
  readonly url: string;
  readonly port: number;
  start(): void;
  /** A fast shutdown: open transactions are rolled back, clients are cut off. */
  stop(): void;
  destroy(): void;
};

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const fromPath = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromPath.status === 0 && existsSync(path.join(fromPath.stdout.trim(), 'initdb'))) return fromPath.stdout.trim();
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(root, v, 'bin')).find((dir) => existsSync(path.join(dir, 'initdb')));
  if (!found) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found: install postgresql');
  return found;
}

export async function createThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = binDir();
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'seatwise-pg-'));
  chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  const asOwner = (command: string, args: string[]) => {
    const [file, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  asOwner(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const pgCtl = (...args: string[]) => asOwner(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), ...args]);
  const cluster: ThrowawayCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () => pgCtl('-o', options, '-w', 'start'),
    stop: () => pgCtl('-m', 'fast', '-w', 'stop'),
    destroy() {
      try {
        cluster.stop();
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}
