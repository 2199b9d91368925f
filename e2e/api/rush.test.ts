import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '@/infrastructure/testing/app-server';
import { eventually } from '@/infrastructure/testing/recording-projection';
import { apiClient, type ApiAnswer } from './client';

// The sale rush in small (bench:load measures the large one): many registrants at once, through
// two web processes on one database that share the subscriptions by their leases.
const clients = 200;
const seats = 50;

describe('a sale rush through two web processes', () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer({ ORDER_RATE_PER_MINUTE: '0', SEED_DEMO: '0' }, { processes: 2 });
  });
  afterAll(() => app.stop());

  it(`sells exactly ${seats} seats to ${clients} registrants at once and tells the rest it is sold out`, async () => {
    const [first, second] = app.urls.map(apiClient) as [ReturnType<typeof apiClient>, ReturnType<typeof apiClient>];
    const slug = `rush-${Date.now().toString(36)}`;
    const created = await first.post('/conferences', {
      body: { ownerName: 'Rita Rush', ownerEmail: 'rita@example.com', name: 'Rush', slug, tagline: '', location: 'Online', description: 'A sale rush.', startDate: '2031-05-01', endDate: '2031-05-01' },
    });
    const token = created.body.organizerToken as string;
    const { body: seatType } = await first.post(`/organizer/conferences/${slug}/seat-types`, { token, body: { name: 'Seat', description: '', quantity: seats, price: 1_000 } });
    await first.post(`/organizer/conferences/${slug}/publish`, { token });
    await eventually(() => second.get(`/conferences/${slug}`), (r) => r.status === 200 && r.body.seatTypes[0]?.available === seats);

    const body = { seats: [{ seatTypeId: seatType.seatTypeId, quantity: 1 }] };
    const placed = await Promise.all(Array.from({ length: clients }, (_, i) => (i % 2 ? second : first).post(`/conferences/${slug}/orders`, { body })));
    expect(placed.filter((answer) => answer.status !== 201)).toEqual([]);

    const settled = await Promise.all(placed.map(({ body: { orderId, orderToken } }: ApiAnswer) =>
      eventually(() => first.get(`/orders/${orderId}`, { token: orderToken }), (r) => r.status === 200 && r.body.status !== 'pending', 60_000)));
    const held = settled.map((answer) => answer.body.lines[0].quantity as number);
    expect(settled.map((answer) => answer.body.status)).toEqual(Array(clients).fill('reserved'));
    expect(held.filter((quantity) => quantity === 1)).toHaveLength(seats);
    expect(held.filter((quantity) => quantity === 0)).toHaveLength(clients - seats);

    const allocation = await eventually(() => first.get(`/organizer/conferences/${slug}/allocation`, { token }), (r) => r.body.seatTypes[0]?.reserved === seats);
    expect(allocation.body.seatTypes[0]).toMatchObject({ quota: seats, reserved: seats, available: 0 });
    expect((await second.get(`/conferences/${slug}`)).body.seatTypes[0].available).toBe(0);
  });
});
