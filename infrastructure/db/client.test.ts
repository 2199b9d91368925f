import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPGlite } from './client';

describe('the embedded database folder', () => {
  it('is created if missing and refuses a second opener with a clear message until the first closes', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seatwise-')), 'nested', 'data');
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
