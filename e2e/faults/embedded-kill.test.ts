import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite, type Database } from '@/infrastructure/db/client';
import { startEmbeddedApp, type EmbeddedApp } from '@/infrastructure/testing/app-server';
import { startApplicationRunner } from '@/infrastructure/testing/application';
import { expectInvariantsHold, placeOneSeatOrders, seatsHeld } from '@/infrastructure/testing/faulted-sale';
import { resilientClient } from '@/infrastructure/testing/resilient-client';
import { openSale } from '@/infrastructure/testing/sale';

// The default install (`npm start`, embedded PGlite in one folder) killed with SIGKILL twice in
// the middle of a sale: each restart recovers the folder by itself, takes over the dead process's
// lock, and nothing acknowledged is lost, doubled or oversold.
const orders = 120;
const seats = 80;
const concurrency = 6;

describe('the embedded database killed during a sale', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'seatwise-embedded-kill-'));
  let app: EmbeddedApp;
  beforeAll(async () => {
    app = await startEmbeddedApp(dataDir, { ORDER_RATE_PER_MINUTE: '0', SEED_DEMO: '0' });
  });
  afterAll(async () => {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`loses, doubles and oversells nothing of ${orders} orders when the one process is killed twice`, async () => {
    const send = resilientClient([app.url]);
    const { slug, seatTypes: [seatType] } = await openSale(send, 'Embedded', [seats], [1_000]);

    const placed = await placeOneSeatOrders(send, slug, seatType!.seatTypeId, {
      orders,
      concurrency,
      strike: (count) => (count === 30 || count === 80 ? app.process.restart() : undefined),
    });
    expect(placed).toHaveLength(orders);
    expect(await seatsHeld(send, placed)).toBe(seats);

    // The folder as the app left it, opened here once the app has stopped: the read models reach
    // the head of the event store and every invariant holds.
    await app.stop();
    const db: Database = await openPGlite(dataDir);
    const runner = startApplicationRunner(db);
    try {
      await expectInvariantsHold(db, placed);
    } finally {
      await runner.stop();
      await db.close();
    }
  });
});
