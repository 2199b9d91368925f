import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '@/infrastructure/testing/app-server';
import { expectInvariantsHold, placeOneSeatOrders, seatsHeld } from '@/infrastructure/testing/faulted-sale';
import { resilientClient } from '@/infrastructure/testing/resilient-client';
import { openSale } from '@/infrastructure/testing/sale';

// `npm run chaos` in small: a worker and a web process killed with SIGKILL in the middle of 200
// orders, and afterwards nothing lost, nothing doubled, nothing oversold.
const orders = 200;
const seats = 120;
const concurrency = 10;

describe('processes killed during a sale', () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer({ ORDER_RATE_PER_MINUTE: '0', SEED_DEMO: '0' }, { processes: 2, workers: 2 });
  });
  afterAll(() => app.stop());

  it(`loses, doubles and oversells nothing of ${orders} orders when a worker and a web process are killed`, async () => {
    const send = resilientClient(app.urls);
    const { slug, seatTypes: [seatType] } = await openSale(send, 'Kill', [seats], [1_000]);

    const placed = await placeOneSeatOrders(send, slug, seatType!.seatTypeId, {
      orders,
      concurrency,
      strike: (count) => (count === 50 ? app.workers[0]!.restart() : count === 120 ? app.web[1]!.restart() : undefined),
    });
    expect(placed).toHaveLength(orders);
    expect(await seatsHeld(send, placed)).toBe(seats);
    await expectInvariantsHold(app.db, placed);
  });
});
