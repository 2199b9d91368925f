import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '@/infrastructure/testing/app-server';
import { poll } from '@/infrastructure/poll';
import { checkInvariants } from '@/infrastructure/testing/invariants';
import { eventually } from '@/infrastructure/testing/recording-projection';
import { resilientClient } from '@/infrastructure/testing/resilient-client';

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
    const slug = `kill-${Date.now().toString(36)}`;
    const created = await send('POST', '/conferences', {
      ownerName: 'Kim Kill', ownerEmail: 'kim@example.com', name: 'Kill', slug, tagline: '', location: 'Online', description: 'Faults.', startDate: '2031-07-01', endDate: '2031-07-01',
    });
    const token = created.body.organizerToken as string;
    const seatType = await send('POST', `/organizer/conferences/${slug}/seat-types`, { name: 'Seat', description: '', quantity: seats, price: 1_000 }, token);
    await send('POST', `/organizer/conferences/${slug}/publish`, undefined, token);
    await eventually(() => send('GET', `/conferences/${slug}`), (r) => r.status === 200 && (r.body.seatTypes as { available: number }[])[0]?.available === seats, 30_000);

    const placed: { orderId: string; orderToken: string }[] = [];
    const faults: Promise<void>[] = [];
    const body = { seats: [{ seatTypeId: seatType.body.seatTypeId, quantity: 1 }] };
    let tickets = 0;
    const registrant = async () => {
      while (tickets++ < orders) {
        const answer = await send('POST', `/conferences/${slug}/orders`, body);
        expect(answer.status).toBe(201);
        placed.push(answer.body as { orderId: string; orderToken: string });
        if (placed.length === 50) faults.push(app.workers[0]!.restart());
        if (placed.length === 120) faults.push(app.web[1]!.restart());
      }
    };
    await Promise.all(Array.from({ length: concurrency }, registrant));
    await Promise.all(faults);
    expect(placed).toHaveLength(orders);

    const settled = await Promise.all(placed.map(({ orderId, orderToken }) =>
      eventually(() => send('GET', `/orders/${orderId}`, undefined, orderToken), (r) => r.status === 200 && r.body.status !== 'pending', 60_000)));
    const held = settled.filter((r) => (r.body.lines as { quantity: number }[])[0]!.quantity === 1);
    expect(held).toHaveLength(seats);

    // Settled orders first, then the subscriptions reach the head: the invariants hold at last.
    const { value: violations } = await poll(
      () => checkInvariants(app.db, { acknowledgedOrders: placed.map((p) => p.orderId) }),
      (report) => Object.values(report).every((list) => list.length === 0),
      { timeoutMs: 60_000 },
    );
    expect(Object.entries(violations).filter(([, list]) => list.length > 0)).toEqual([]);
  });
});
