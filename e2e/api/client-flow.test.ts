import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '@/infrastructure/testing/app-server';
import { eventually } from '@/infrastructure/testing/recording-projection';
import { openSale } from '@/infrastructure/testing/sale';
import { apiClient, validateAgainst } from './client';

// An integrator with nothing but the API (API-CONTRACT.md): the whole flow, with a small rush.
describe('a client of the JSON API from conference to attendee', () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer({ ORDER_RATE_PER_MINUTE: '0' });
  });
  afterAll(() => app.stop());

  it('sells exactly 10 seats to 20 concurrent orders, then pays one and seats its attendee', async () => {
    const api = apiClient(app.url);
    const { slug, token, seatTypes: [seatType] } = await openSale(api.send, 'Flow', [10], [2_500]);

    const placed = await Promise.all(
      Array.from({ length: 20 }, () => api.post(`/conferences/${slug}/orders`, { body: { seats: [{ seatTypeId: seatType!.seatTypeId, quantity: 1 }] } })),
    );
    expect(placed.map((r) => r.status)).toEqual(Array(20).fill(201));
    const orders = await Promise.all(placed.map(({ body: { orderId, orderToken } }) =>
      eventually(() => api.get(`/orders/${orderId}`, { token: orderToken }), (r) => r.status === 200 && r.body.status === 'reserved')
        .then((r) => ({ orderId: orderId as string, orderToken: orderToken as string, order: r.body }))));
    const held = orders.filter(({ order }) => order.lines[0].quantity === 1);
    expect(held).toHaveLength(10);
    expect(orders.reduce((sum, { order }) => sum + order.lines[0].quantity, 0)).toBe(10);
    const allocation = await eventually(() => api.get(`/organizer/conferences/${slug}/allocation`, { token }), (r) => r.body.seatTypes[0]?.reserved === 10);
    expect(allocation.body.seatTypes[0]).toMatchObject({ quota: 10, reserved: 10, sold: 0, available: 0 });

    const [{ orderId, orderToken }] = held as [(typeof held)[number]];
    await api.put(`/orders/${orderId}/registrant`, { token: orderToken, body: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' } });
    const { body: checkout } = await api.post(`/orders/${orderId}/checkout`, { token: orderToken });
    expect((await api.post(`/payments/${checkout.paymentId}/accept`, { token: orderToken })).status).toBe(202);
    await eventually(() => api.get(`/orders/${orderId}`, { token: orderToken }), (r) => r.body.status === 'confirmed');
    await eventually(() => api.get(`/orders/${orderId}/attendees`, { token: orderToken }), (r) => r.status === 200);
    const seated = await api.put(`/orders/${orderId}/attendees/0`, { token: orderToken, body: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' } });
    const attendees = await eventually(() => api.get(`/orders/${orderId}/attendees`, { token: orderToken }), (r) => r.body.version >= seated.body.version);
    expect(attendees.body.attendees).toEqual([{ position: 0, seatTypeId: seatType!.seatTypeId, seatTypeName: seatType!.name, firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' }]);

    const document = await (await fetch(`${app.url}/api/v1/openapi.json`)).json();
    expect(validateAgainst(document, api.recorded)).toEqual([]);
  });

  it('joins the waiting list of a sold-out seat type, is offered the seat a raised quota frees, and pays for it', async () => {
    const api = apiClient(app.url);
    const { slug, token, seatTypes: [seatType] } = await openSale(api.send, 'Waiting', [1], [9_900]);
    const seat = { seatTypeId: seatType!.seatTypeId, name: seatType!.name, description: '', price: 9_900 };
    const holder = await api.post(`/conferences/${slug}/orders`, { body: { seats: [{ seatTypeId: seat.seatTypeId, quantity: 1 }] } });
    await eventually(() => api.get(`/orders/${holder.body.orderId}`, { token: holder.body.orderToken }), (r) => r.body?.lines?.[0]?.quantity === 1);

    const person = { firstName: 'Wanda', lastName: 'Waiting', email: 'wanda@example.com' };
    const refused = await api.post(`/conferences/${slug}/waiting-list`, { body: { ...person, seats: [{ seatTypeId: seat.seatTypeId, quantity: 0 }] } });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', fields: { seats: 'Select at least one seat.' } } } });
    const joined = await api.post(`/conferences/${slug}/waiting-list`, { body: { ...person, seats: [{ seatTypeId: seat.seatTypeId, quantity: 1 }] } });
    expect(joined.status).toBe(201);
    const { entryId, orderToken } = joined.body as { entryId: string; orderToken: string };
    const waiting = await eventually(() => api.get(`/waiting-list/${entryId}`, { token: orderToken }), (r) => r.body?.position === 1);
    expect(waiting.body).toMatchObject({ entryId, status: 'waiting', orderId: null, seats: [{ seatTypeId: seat.seatTypeId, quantity: 1 }] });
    expect((await api.get(`/waiting-list/${entryId}`, { token: holder.body.orderToken })).status).toBe(404);

    expect((await api.put(`/organizer/conferences/${slug}/seat-types/${seat.seatTypeId}`, { token, body: { ...seat, quantity: 2 } })).status).toBe(202);
    const offered = await eventually(() => api.get(`/waiting-list/${entryId}`, { token: orderToken }), (r) => r.body?.status === 'offered');
    expect(offered.body).toMatchObject({ position: null, orderId: entryId });
    const order = await eventually(() => api.get(`/orders/${entryId}`, { token: orderToken }), (r) => r.body?.status === 'reserved');
    expect(order.body).toMatchObject({ registrant: person, total: 9_900, lines: [{ seatTypeId: seat.seatTypeId, quantity: 1 }] });
    const { body: checkout } = await api.post(`/orders/${entryId}/checkout`, { token: orderToken });
    await api.post(`/payments/${checkout.paymentId}/accept`, { token: orderToken });
    const list = await eventually(() => api.get(`/organizer/conferences/${slug}/waiting-list`, { token }), (r) => r.body.entries[0]?.status === 'booked');
    expect(list.body.entries).toEqual([{ entryId, position: 1, ...person, seats: [{ seatTypeId: seat.seatTypeId, seatTypeName: seat.name, quantity: 1 }], status: 'booked' }]);

    const document = await (await fetch(`${app.url}/api/v1/openapi.json`)).json();
    expect(validateAgainst(document, api.recorded)).toEqual([]);
  });
});
