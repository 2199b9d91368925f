import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite, type Database } from '@/infrastructure/db/client';
import { poll } from '@/infrastructure/poll';
import { startEmbeddedApp, type EmbeddedApp } from '@/infrastructure/testing/app-server';
import { startApplicationRunner } from '@/infrastructure/testing/application';
import { checkInvariants } from '@/infrastructure/testing/invariants';
import { eventually } from '@/infrastructure/testing/recording-projection';
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

    const placed: { orderId: string; orderToken: string }[] = [];
    const kills: Promise<void>[] = [];
    const body = { seats: [{ seatTypeId: seatType!.seatTypeId, quantity: 1 }] };
    let tickets = 0;
    const registrant = async () => {
      while (tickets++ < orders) {
        const answer = await send('POST', `/conferences/${slug}/orders`, body);
        expect(answer.status).toBe(201);
        placed.push(answer.body as { orderId: string; orderToken: string });
        if (placed.length === 30 || placed.length === 80) kills.push(app.process.restart());
      }
    };
    await Promise.all(Array.from({ length: concurrency }, registrant));
    await Promise.all(kills);
    expect(placed).toHaveLength(orders);

    const settled = await Promise.all(placed.map(({ orderId, orderToken }) =>
      eventually(() => send('GET', `/orders/${orderId}`, undefined, orderToken), (r) => r.status === 200 && r.body.status !== 'pending', 60_000)));
    const held = settled.filter((r) => (r.body.lines as { quantity: number }[])[0]!.quantity === 1);
    expect(held).toHaveLength(seats);

    // The folder as the app left it, opened here once the app has stopped: the read models reach
    // the head of the event store and every invariant holds.
    await app.stop();
    const db: Database = await openPGlite(dataDir);
    const runner = startApplicationRunner(db);
    try {
      const { value: violations } = await poll(
        () => checkInvariants(db, { acknowledgedOrders: placed.map((p) => p.orderId) }),
        (report) => Object.values(report).every((list) => list.length === 0),
        { timeoutMs: 60_000 },
      );
      expect(Object.entries(violations).filter(([, list]) => list.length > 0)).toEqual([]);
    } finally {
      await runner.stop();
      await db.close();
    }
  });
});
