import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { processWide } from '../process-wide';

/**
 * PGlite keeps its data in one folder that only one process may open: a second opener would
 * silently lose writes. A lock file names its holder by pid, the process's start time and a
 * token, so a lock left by a killed process is recognised even when a new process (this one,
 * in a restarted container) has been given the same pid.
 */
export async function lockDataDir(dataDir: string): Promise<() => void> {
  const lockFile = path.join(dataDir, 'seatwise.lock');
  const me = { pid: process.pid, startedAt: processStartTime(process.pid), token: randomUUID() };
  const holder = () => parseLock(fs.readFileSync(lockFile, 'utf8'));
  const refuse = (owner: LockHolder | null) =>
    new Error(
      `The embedded database in ${dataDir} is already open in process ${owner?.pid ?? 'unknown'}. ` +
        'Stop that process, use another DATA_DIR, or set DATABASE_URL to a PostgreSQL server.',
    );
  try {
    fs.writeFileSync(lockFile, JSON.stringify(me), { flag: 'wx' });
  } catch {
    const owner = holder();
    if (owner && holdsLock(owner)) throw refuse(owner);
    // A dead holder's lock. Two processes starting together may both replace it: whoever finds
    // the other's token in it a moment later gives way.
    fs.writeFileSync(lockFile, JSON.stringify(me));
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (holder()?.token !== me.token) throw refuse(holder());
  }
  heldLocks.add(me.token);
  return () => {
    heldLocks.delete(me.token);
    if (fs.existsSync(lockFile) && holder()?.token === me.token) fs.rmSync(lockFile, { force: true });
  };
}

type LockHolder = { readonly pid: number; readonly startedAt: string | null; readonly token: string };

/** Whether a live process holds the embedded database in this folder (one that exited or was killed does not). */
export function dataDirInUse(dataDir: string): boolean {
  try {
    const owner = parseLock(fs.readFileSync(path.join(dataDir, 'seatwise.lock'), 'utf8'));
    return owner !== null && holdsLock(owner);
  } catch {
    return false;
  }
}

/** Tokens of the locks this process holds. */
const heldLocks = processWide('pgliteLocks', () => new Set<string>());

function parseLock(text: string): LockHolder | null {
  try {
    const { pid, startedAt, token } = JSON.parse(text) as Partial<LockHolder>;
    return typeof pid === 'number' && typeof token === 'string' ? { pid, startedAt: startedAt ?? null, token } : null;
  } catch {
    return null;
  }
}

/** Whether the lock's holder still runs: this process by its token, another by pid and start time. */
function holdsLock(owner: LockHolder): boolean {
  if (owner.pid === process.pid) return heldLocks.has(owner.token);
  if (!isAlive(owner.pid)) return false;
  const startedAt = processStartTime(owner.pid);
  return owner.startedAt === null || startedAt === null || startedAt === owner.startedAt;
}

/** Linux's start time of a process (clock ticks since boot), or null where /proc is not there. */
function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
