import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '@/infrastructure/testing/app-server';
import { formOf, httpVisitor } from '@/infrastructure/testing/http-visitor';
import { eventually } from '@/infrastructure/testing/recording-projection';
import { action } from '../security/flows';
import { apiClient, validateAgainst, type ApiClient } from './client';

// Every route of API-CONTRACT.md over HTTP against the built app, and every answer checked
// against the OpenAPI document the app serves.

const conference = (slug: string) => ({
  ownerName: 'Iris Integrator', ownerEmail: `${slug}@example.com`, name: `Conference ${slug}`, slug, tagline: 'Through the API',
  location: 'Online', description: 'Made by an API client.', startDate: '2031-03-01', endDate: '2031-03-02',
});
const seats = (seatTypeId: string, quantity = 1) => ({ seats: [{ seatTypeId, quantity }] });
const uniqueSlug = () => `api-${randomUUID().slice(0, 8)}`;

describe('the JSON API v1 (the built app over HTTP)', () => {
  let app: AppServer;
  let api: ApiClient;
  beforeAll(async () => {
    app = await startAppServer({ TRUSTED_PROXY_HOPS: '1', ORDER_RATE_PER_MINUTE: '0' });
    api = apiClient(app.url);
  });
  afterAll(async () => {
    const document = await (await fetch(`${app.url}/api/v1/openapi.json`)).json();
    expect(validateAgainst(document, api.recorded)).toEqual([]);
    await app.stop();
  });

  /** A published conference with one seat type, through the API; its organizer token. */
  async function published(quantity = 10, price = 1_500) {
    const slug = uniqueSlug();
    const created = await api.post('/conferences', { body: conference(slug) });
    const token = created.body.organizerToken as string;
    const seatType = await api.post(`/organizer/conferences/${slug}/seat-types`, { token, body: { name: 'General', description: '', quantity, price } });
    await api.post(`/organizer/conferences/${slug}/publish`, { token });
    await eventually(() => api.get(`/conferences/${slug}`), (r) => r.status === 200 && r.body.seatTypes[0]?.available === quantity);
    return { slug, token, conferenceId: created.body.conferenceId as string, accessCode: created.body.accessCode as string, seatTypeId: seatType.body.seatTypeId as string };
  }

  /** An order placed and settled in its read model. */
  async function reserved(slug: string, seatTypeId: string, quantity = 1) {
    const placed = await api.post(`/conferences/${slug}/orders`, { body: seats(seatTypeId, quantity) });
    expect(placed.status).toBe(201);
    const { orderId, orderToken } = placed.body as { orderId: string; orderToken: string };
    const settled = await eventually(() => api.get(`/orders/${orderId}`, { token: orderToken }), (r) => r.status === 200 && r.body.status !== 'pending');
    return { orderId, orderToken, order: settled.body };
  }

  it('creates a conference, refuses bad input, a taken slug and a body that is not a JSON object', async () => {
    const slug = uniqueSlug();
    const created = await api.post('/conferences', { body: conference(slug) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug, accessCode: expect.stringMatching(/^[A-HJKMNP-Z1-9]{6}$/), version: 1 });
    expect(await api.post('/conferences', { body: conference(slug) })).toMatchObject({ status: 409, body: { error: { code: 'slug_taken' } } });
    const invalid = await api.post('/conferences', { body: { ...conference(uniqueSlug()), ownerEmail: 'nope', endDate: '2031-01-01' } });
    expect(invalid).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_failed', fields: { ownerEmail: 'Enter a valid email address.', endDate: 'The end date cannot be before the start date.' } } },
    });
    expect(await api.post('/conferences', { raw: '{"name": ' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    expect(await api.post('/conferences', { raw: '[1, 2]' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
  });

  it('gives organizer tokens for the right code only, throttles wrong ones, and guards the organizer routes with them', async () => {
    const mine = await published();
    const theirs = await published();
    const email = `${mine.slug}@example.com`;
    const token = await api.post('/organizer/tokens', { body: { email, accessCode: mine.accessCode } });
    expect(token).toMatchObject({ status: 200, body: { slug: mine.slug, organizerToken: expect.any(String) } });
    const wrong = mine.accessCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    for (let i = 0; i < 5; i++) expect((await api.post('/organizer/tokens', { body: { email, accessCode: wrong }, from: `203.0.113.${i}` })).status).toBe(404);
    const throttled = await api.post('/organizer/tokens', { body: { email, accessCode: mine.accessCode }, from: '203.0.113.9' });
    expect(throttled).toMatchObject({ status: 429, body: { error: { code: 'too_many_requests' } } });
    expect(throttled.headers.get('retry-after')).toBe('60');
    const path = `/organizer/conferences/${mine.slug}`;
    expect((await api.get(path)).status).toBe(401);
    expect((await api.get(path, { token: theirs.token })).status).toBe(404);
    expect((await api.get(path, { token: 'sw_c_not-a-token' })).status).toBe(404);
    expect(await api.get(path, { token: token.body.organizerToken })).toMatchObject({ status: 200, body: { slug: mine.slug, accessCode: mine.accessCode, published: true } });
  });

  it('changes some details and seat types, and refuses to remove one once published', async () => {
    const slug = uniqueSlug();
    // Asked before the slug is taken, then once it is: not found is not remembered.
    expect((await api.post(`/conferences/${slug}/orders`, { body: seats(randomUUID()) })).status).toBe(404);
    const { body: created } = await api.post('/conferences', { body: conference(slug) });
    const { organizerToken: token } = created as { organizerToken: string };
    const path = `/organizer/conferences/${slug}`;
    const changed = await api.patch(path, { token, body: { name: 'Renamed by the API' } });
    expect(changed).toMatchObject({ status: 202, body: { version: 2 } });
    const read = await eventually(() => api.get(path, { token }), (r) => r.body.version >= 2);
    expect(read.body).toMatchObject({ name: 'Renamed by the API', tagline: 'Through the API' });
    const added = await api.post(`${path}/seat-types`, { token, body: { name: 'Workshop', description: 'Hands on', quantity: 5, price: 9_900 } });
    expect(added).toMatchObject({ status: 201, body: { seatTypeId: expect.any(String), version: 3 } });
    const seatTypeId = added.body.seatTypeId as string;
    expect(await api.put(`${path}/seat-types/${seatTypeId}`, { token, body: { name: 'Workshop', description: '', quantity: 6, price: 9_900 } })).toMatchObject({ status: 202 });
    expect((await api.put(`${path}/seat-types/${randomUUID()}`, { token, body: { name: 'Ghost', description: '', quantity: 1, price: 1 } })).status).toBe(404);
    expect((await api.put(`${path}/seat-types/not-an-id`, { token, body: { name: 'Ghost', description: '', quantity: 1, price: 1 } })).status).toBe(404);
    const second = await api.post(`${path}/seat-types`, { token, body: { name: 'Party', description: '', quantity: 5, price: 0 } });
    expect(await api.delete(`${path}/seat-types/${second.body.seatTypeId}`, { token })).toMatchObject({ status: 202 });
    const person = { firstName: 'Wanda', lastName: 'Waiting', email: 'wanda@example.com' };
    // Not on sale is not found, whatever is sent: nothing about the conference shows through.
    const registrations = async () => [
      (await api.post(`/conferences/${slug}/orders`, { body: seats(seatTypeId) })).status,
      (await api.post(`/conferences/${slug}/orders`, { body: { seats: [], promoCode: 'GUESS' } })).status,
      (await api.post(`/conferences/${slug}/waiting-list`, { body: { ...person, ...seats(seatTypeId) } })).status,
      (await api.post(`/conferences/${slug}/waiting-list`, { body: { email: 'not an e-mail' } })).status,
    ];
    expect(await registrations()).toEqual([404, 404, 404, 404]);
    expect(await api.post(`${path}/publish`, { token })).toMatchObject({ status: 202 });
    // On sale at once: an order decides on the conference's own events, not on its read model.
    expect((await api.post(`/conferences/${slug}/orders`, { body: seats(seatTypeId) })).status).toBe(201);
    expect(await api.delete(`${path}/seat-types/${seatTypeId}`, { token })).toMatchObject({ status: 409, body: { error: { code: 'seat_type_cannot_be_removed' } } });
    const unpublished = await api.post(`${path}/unpublish`, { token });
    expect(unpublished).toMatchObject({ status: 202 });
    // A 404 alone could still be the read model from before publishing: wait for the unpublishing itself.
    await eventually(() => api.get(path, { token }), (r) => r.body.version >= unpublished.body.version);
    expect((await api.get(`/conferences/${slug}`)).status).toBe(404);
    expect(await registrations()).toEqual([404, 404, 404, 404]);
  });

  it('lists published conferences and places, reads and changes an order only with its token', async () => {
    const { slug, seatTypeId } = await published();
    expect((await api.get('/conferences')).body.conferences).toContainEqual(expect.objectContaining({ slug }));
    expect(await api.post(`/conferences/${slug}/orders`, { body: { seats: [{ seatTypeId, quantity: 0 }] } })).toMatchObject({
      status: 400, body: { error: { code: 'validation_failed', fields: { seats: 'Select at least one seat.' } } },
    });
    expect((await api.post(`/conferences/${uniqueSlug()}/orders`, { body: seats(seatTypeId) })).status).toBe(404);
    const { orderId, orderToken, order } = await reserved(slug, seatTypeId, 2);
    expect(order).toMatchObject({ conferenceSlug: slug, status: 'reserved', total: 3_000, currency: 'USD', accessCode: null });
    expect(order.lines).toEqual([{ seatTypeId, seatTypeName: 'General', requested: 2, quantity: 2, price: 1_500, total: 3_000 }]);
    const other = await reserved(slug, seatTypeId);
    expect((await api.get(`/orders/${orderId}`)).status).toBe(401);
    expect((await api.get(`/orders/${orderId}`, { token: other.orderToken })).status).toBe(404);
    // Another order's token with this order's id written into it opens nothing.
    const forged = other.orderToken.replace(other.orderId, orderId);
    expect(forged).not.toBe(other.orderToken);
    expect((await api.get(`/orders/${orderId}`, { token: forged })).status).toBe(404);
    expect((await api.get('/orders/not-an-id', { token: orderToken })).status).toBe(404);
    expect((await api.put(`/orders/${orderId}/seats`, { token: other.orderToken, body: seats(seatTypeId) })).status).toBe(404);
    const changed = await api.put(`/orders/${orderId}/seats`, { token: orderToken, body: seats(seatTypeId, 3) });
    expect(changed).toMatchObject({ status: 202 });
    const settled = await eventually(() => api.get(`/orders/${orderId}`, { token: orderToken }), (r) => r.body.version > changed.body.version && r.body.status === 'reserved');
    expect(settled.body.total).toBe(4_500);
    expect(await api.put(`/orders/${orderId}/registrant`, { token: orderToken, body: { firstName: 'Ada', lastName: 'Lovelace', email: 'nope' } })).toMatchObject({
      status: 400, body: { error: { fields: { email: 'Enter a valid email address.' } } },
    });
  });

  it('pays an order after a rejected payment, then assigns and unassigns its attendees', async () => {
    const { slug, seatTypeId } = await published();
    const { orderId, orderToken } = await reserved(slug, seatTypeId, 2);
    const email = `${orderId}@example.com`;
    expect(await api.put(`/orders/${orderId}/registrant`, { token: orderToken, body: { firstName: 'Ada', lastName: 'Lovelace', email } })).toMatchObject({ status: 202 });
    const first = await api.post(`/orders/${orderId}/checkout`, { token: orderToken });
    expect(first).toMatchObject({ status: 202, body: { paymentId: expect.any(String) } });
    expect(await api.post(`/orders/${orderId}/checkout`, { token: orderToken })).toMatchObject({ status: 409, body: { error: { code: 'payment_in_progress' } } });
    expect(await api.post(`/payments/${first.body.paymentId}/reject`, { token: orderToken })).toMatchObject({ status: 202 });
    const second = await eventually(() => api.post(`/orders/${orderId}/checkout`, { token: orderToken }), (r) => r.status === 202);
    // Unpaid, the order has no seats to assign yet.
    expect((await api.get(`/orders/${orderId}/attendees`, { token: orderToken })).status).toBe(404);
    expect((await api.post(`/payments/${second.body.paymentId}/accept`)).status).toBe(401);
    expect(await api.post(`/payments/${second.body.paymentId}/accept`, { token: orderToken })).toMatchObject({ status: 202 });
    const confirmed = await eventually(() => api.get(`/orders/${orderId}`, { token: orderToken }), (r) => r.body.status === 'confirmed');
    expect(confirmed.body).toMatchObject({ accessCode: expect.stringMatching(/^[A-HJKMNP-Z1-9]{6}$/), payment: { paymentId: second.body.paymentId, status: 'completed' } });
    const seatsOf = await eventually(() => api.get(`/orders/${orderId}/attendees`, { token: orderToken }), (r) => r.status === 200);
    expect(seatsOf.body.attendees).toEqual([0, 1].map((position) => ({ position, seatTypeId, seatTypeName: 'General', firstName: null, lastName: null, email: null })));
    const grace = { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' };
    expect(await api.put(`/orders/${orderId}/attendees/1`, { token: orderToken, body: grace })).toMatchObject({ status: 202 });
    expect(await api.put(`/orders/${orderId}/attendees/1`, { token: orderToken, body: { ...grace, email: '' } })).toMatchObject({ status: 400 });
    expect((await api.put(`/orders/${orderId}/attendees/first`, { token: orderToken, body: grace })).status).toBe(404);
    const assigned = await eventually(() => api.get(`/orders/${orderId}/attendees`, { token: orderToken }), (r) => r.body.attendees[1].email === grace.email);
    expect(assigned.body.attendees[1]).toMatchObject(grace);
    const unassigned = await api.delete(`/orders/${orderId}/attendees/1`, { token: orderToken });
    expect(unassigned).toMatchObject({ status: 202 });
    await eventually(() => api.get(`/orders/${orderId}/attendees`, { token: orderToken }), (r) => r.body.version >= unassigned.body.version && r.body.attendees[1].email === null);
    const code = confirmed.body.accessCode as string;
    expect(await api.post('/orders/lookup', { body: { email, accessCode: code } })).toMatchObject({ status: 200, body: { orderId, orderToken: expect.any(String) } });
    expect((await api.post('/orders/lookup', { body: { email, accessCode: code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA' } })).status).toBe(404);
  });

  it("shows an organizer the conference's orders and allocation", async () => {
    const { slug, token, seatTypeId } = await published(10, 2_000);
    const { orderId } = await reserved(slug, seatTypeId, 3);
    const orders = await eventually(() => api.get(`/organizer/conferences/${slug}/orders`, { token }), (r) => r.body.orders.length === 1);
    expect(orders.body.orders[0]).toMatchObject({ orderId, status: 'reserved', total: 6_000, currency: 'USD', registrant: null, attendees: 0 });
    const allocation = await eventually(() => api.get(`/organizer/conferences/${slug}/allocation`, { token }), (r) => r.body.seatTypes[0]?.reserved === 3);
    expect(allocation.body.seatTypes[0]).toMatchObject({ seatTypeId, name: 'General', quota: 10, reserved: 3, sold: 0, available: 7 });
  });

  it('adds promo codes for the organizer, prices an order with one and refuses one that is used up', async () => {
    const { slug, token, seatTypeId } = await published(10, 2_000);
    const codes = `/organizer/conferences/${slug}/promo-codes`;
    expect((await api.post(codes, { body: { code: 'NOTOKEN', discountType: 'percent', discount: 10 } })).status).toBe(401);
    const added = await api.post(codes, { token, body: { code: 'ws10', discountType: 'amount', discount: 500, seatTypeId, uses: 1 } });
    expect(added).toMatchObject({ status: 201, body: { code: 'WS10' } });
    expect(await api.post(codes, { token, body: { code: 'WS10', discountType: 'percent', discount: 10 } })).toMatchObject({
      status: 409, body: { error: { code: 'promo_code_taken', message: 'That code already exists.' } },
    });
    expect(await api.post(codes, { token, body: { code: 'HALF', discountType: 'percent', discount: 150 } })).toMatchObject({
      status: 400, body: { error: { code: 'validation_failed', fields: { discount: 'A percent can be at most 100.' } } },
    });

    const placed = await api.post(`/conferences/${slug}/orders`, { body: { ...seats(seatTypeId, 2), promoCode: 'ws10' } });
    expect(placed.status).toBe(201);
    const { orderId, orderToken } = placed.body as { orderId: string; orderToken: string };
    const order = await eventually(() => api.get(`/orders/${orderId}`, { token: orderToken }), (r) => r.status === 200 && r.body.status !== 'pending');
    expect(order.body).toMatchObject({ status: 'reserved', total: 3_000, discount: { code: 'WS10', amount: 1_000 } });
    expect(await api.post(`/conferences/${slug}/orders`, { body: { ...seats(seatTypeId), promoCode: 'WS10' } })).toMatchObject({
      status: 409, body: { error: { code: 'promo_code_not_valid', message: 'That promo code is not valid.' } },
    });
    const listed = await eventually(() => api.get(codes, { token }), (r) => r.status === 200 && r.body.promoCodes[0]?.used === 1);
    expect(listed.body.promoCodes).toEqual([{ code: 'WS10', discountType: 'amount', discount: 500, seatTypeId, uses: 1, used: 1 }]);
  });

  it('answers a repeated Idempotency-Key with the first answer, refuses it with another body, and keeps callers apart', async () => {
    const { slug, seatTypeId, token } = await published();
    const key = `order-${randomUUID()}`;
    const first = await api.post(`/conferences/${slug}/orders`, { key, body: seats(seatTypeId) });
    const again = await api.post(`/conferences/${slug}/orders`, { key, body: seats(seatTypeId) });
    expect(first.status).toBe(201);
    expect(again).toEqual(expect.objectContaining({ status: 201, body: first.body }));
    // Anonymous calls are scoped to key and body: the same key with another body is another call.
    const otherBody = await api.post(`/conferences/${slug}/orders`, { key, body: seats(seatTypeId, 2) });
    expect(otherBody.status).toBe(201);
    expect(otherBody.body.orderId).not.toBe(first.body.orderId);
    // A caller with a token: another body under its key is refused; another caller's same key is theirs.
    const mine = await api.put(`/orders/${first.body.orderId}/registrant`, { token: first.body.orderToken, key, body: { firstName: 'A', lastName: 'B', email: 'a@example.com' } });
    expect(mine.status).toBe(202);
    expect(await api.put(`/orders/${first.body.orderId}/registrant`, { token: first.body.orderToken, key, body: { firstName: 'C', lastName: 'D', email: 'c@example.com' } }))
      .toMatchObject({ status: 422, body: { error: { code: 'idempotency_key_reused' } } });
    const byToken = (bearer: string) => api.post(`/conferences/${slug}/orders`, { token: bearer, key: 'shared-key', body: seats(seatTypeId) });
    const [a, b] = [await byToken(token), await byToken(first.body.orderToken)];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.orderId).not.toBe(b.body.orderId);
    expect((await api.post(`/conferences/${slug}/orders`, { key: 'x'.repeat(201), body: seats(seatTypeId) })).status).toBe(400);
  });

  it('refuses organizer tokens revoked from the dashboard', async () => {
    const { slug, token, accessCode } = await published();
    const path = `/organizer/conferences/${slug}`;
    expect((await api.get(path, { token })).status).toBe(200);
    const organizer = httpVisitor(app.url, { 'x-forwarded-for': '198.51.100.77' });
    expect((await organizer.action(action.signIn, [null, formOf({ email: `${slug}@example.com`, accessCode })])).redirect).toBe(path);
    expect(await organizer.action('app/organizer/conferences/[slug]/actions.ts#revokeApiTokensAction', [slug, null, formOf({})])).toMatchObject({ result: { ok: true } });
    expect((await api.get(path, { token })).status).toBe(404);
  });
});
