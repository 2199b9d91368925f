import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '@/infrastructure/testing/app-server';
import { eventually } from '@/infrastructure/testing/recording-projection';
import { createThrowawayCluster, type ThrowawayCluster } from '@/infrastructure/testing/throwaway-cluster';
import { apiClient } from '../api/client';

// The database goes away under a running app and comes back: a clear 503 meanwhile, and
// everything recovers by itself, with no process restart. On a cluster of its own.
describe('the app while its database restarts', () => {
  let cluster: ThrowawayCluster;
  let app: AppServer;
  beforeAll(async () => {
    cluster = await createThrowawayCluster();
    app = await startAppServer({ ORDER_RATE_PER_MINUTE: '0', SEED_DEMO: '0' }, { serverUrl: cluster.url });
  });
  afterAll(async () => {
    await app?.stop();
    cluster?.destroy();
  });

  it('answers 503 pages and API errors while it is down, then serves and sells again by itself', async () => {
    const api = apiClient(app.url);
    const slug = `restart-${Date.now().toString(36)}`;
    const created = await api.post('/conferences', {
      body: { ownerName: 'Rhea', ownerEmail: 'rhea@example.com', name: 'Restart', slug, tagline: '', location: 'Online', description: 'Survives.', startDate: '2031-06-01', endDate: '2031-06-01' },
    });
    const token = created.body.organizerToken as string;
    const { body: seatType } = await api.post(`/organizer/conferences/${slug}/seat-types`, { token, body: { name: 'Seat', description: '', quantity: 5, price: 0 } });
    await api.post(`/organizer/conferences/${slug}/publish`, { token });
    await eventually(() => api.get(`/conferences/${slug}`), (r) => r.status === 200 && r.body.seatTypes[0]?.available === 5);

    cluster.stop();
    const page = await eventually(() => fetch(`${app.url}/conferences/${slug}/register`), (r) => r.status === 503);
    const html = await page.text();
    expect(html).toContain('Seatwise is temporarily unavailable');
    expect(html).not.toMatch(/at .*\.(js|ts):\d+/);
    const refused = await api.get(`/conferences/${slug}`);
    expect(refused).toMatchObject({ status: 503, body: { error: { code: 'unavailable' } } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    cluster.start();
    await eventually(() => fetch(`${app.url}/conferences/${slug}/register`).then((r) => r.status), (status) => status === 200, 30_000);
    const placed = await eventually(() => api.post(`/conferences/${slug}/orders`, { body: { seats: [{ seatTypeId: seatType.seatTypeId, quantity: 2 }] } }), (r) => r.status === 201, 30_000);
    const { orderId, orderToken } = placed.body as { orderId: string; orderToken: string };
    const order = await eventually(() => api.get(`/orders/${orderId}`, { token: orderToken }), (r) => r.status === 200 && r.body.status === 'reserved', 30_000);
    expect(order.body.lines[0]).toMatchObject({ requested: 2, quantity: 2 });
  });
});
