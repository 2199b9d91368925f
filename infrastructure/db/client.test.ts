import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPGlite } from './client';
import { dataDirInUse } from './pglite-lock';

// Every folder made here is a database of its own (tens of MB): none is left in the temp folder.
const folders: string[] = [];
const newFolder = () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'seatwise-'));
  folders.push(folder);
  return folder;
};
afterAll(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

describe('the embedded database folder', () => {
  it('is created if missing and refuses a second opener with a clear message until the first closes', async () => {
    const dataDir = path.join(newFolder(), 'nested', 'data');
    const first = await openPGlite(dataDir);
    try {
      await first.migrate();
      await first.query(`INSERT INTO settings (key, value) VALUES ('probe', 'kept')`);
      await expect(openPGlite(dataDir)).rejects.toThrow(/already open in process \d+/);
    } finally {
      await first.close();
    }
    const second = await openPGlite(dataDir);
    try {
      expect(await second.query(`SELECT value FROM settings WHERE key = 'probe'`)).toEqual([{ value: 'kept' }]);
    } finally {
      await second.close();
    }
  });
});

describe('a lock left behind by a killed process', () => {
  const lockedFolder = (holder: object) => {
    const dataDir = newFolder();
    fs.writeFileSync(path.join(dataDir, 'seatwise.lock'), JSON.stringify(holder));
    return dataDir;
  };

  it('is taken over when it names this very process (a restarted container reuses the pid)', async () => {
    const db = await openPGlite(lockedFolder({ pid: process.pid, startedAt: null, token: 'the-killed-one' }));
    await db.close();
  });

  it('is taken over when its pid now belongs to a process started later', async () => {
    const db = await openPGlite(lockedFolder({ pid: process.ppid, startedAt: '1', token: 'the-killed-one' }));
    await db.close();
  });

  it('is respected while the process it names is the one that took it', async () => {
    const stat = fs.readFileSync(`/proc/${process.ppid}/stat`, 'utf8');
    const startedAt = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    const held = lockedFolder({ pid: process.ppid, startedAt, token: 'alive' });
    expect(dataDirInUse(held)).toBe(true);
    await expect(openPGlite(held)).rejects.toThrow(new RegExp(`already open in process ${process.ppid}`));
  });

  it('leaves a folder free to delete: no lock, a dead holder\'s, or one its pid no longer runs', () => {
    expect(dataDirInUse(newFolder())).toBe(false);
    expect(dataDirInUse(lockedFolder({ pid: 2 ** 22 + 1, startedAt: null, token: 'dead' }))).toBe(false);
    expect(dataDirInUse(lockedFolder({ pid: process.ppid, startedAt: '1', token: 'the-killed-one' }))).toBe(false);
  });
});
