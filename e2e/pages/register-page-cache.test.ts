import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll } from '@/infrastructure/poll';
import { startAppServer, type AppServer } from '@/infrastructure/testing/app-server';
import { openSale, type Sale } from '@/infrastructure/testing/sale';
import { apiClient } from '../api/client';

// The register page is kept in front of Next (scripts/page-cache.mjs) while the read models it
// shows stay the same: these read it as a browser does, over HTTP, from the built app.
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const formKeyOf = (html: string) => /name="commandId" value="([0-9a-f-]{36})"/.exec(html)?.[1];
const availableOf = (html: string) => Number(/<td class="number">(\d+)<\/td>/.exec(html)?.[1]);

describe('the register page kept in front of the app', () => {
  let app: AppServer;
  let api: ReturnType<typeof apiClient>;
  let sale: Sale;
  beforeAll(async () => {
    app = await startAppServer({ ORDER_RATE_PER_MINUTE: '0', SEED_DEMO: '0' });
    api = apiClient(app.urls[0]!);
    sale = await openSale(api.send, 'Kept', [10]);
  });
  afterAll(() => app.stop());

  const load = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
    const response = await fetch(`${app.urls[0]}${path}`, { headers, method });
    const answer = response.headers;
    return { status: response.status, html: await response.text(), kept: answer.get('x-seatwise-page-cache'), cookie: answer.get('set-cookie'), framing: answer.get('x-frame-options') };
  };
  // A request the cache leaves alone (Next reads a nonce from this header), rendered as any other.
  const rendered = (path: string) => load(path, { 'content-security-policy': "default-src 'self'" });
  // A render is kept once its response has gone and the digest is read again, so a load sent at
  // once may still be rendered: this loads until one is served from what was kept.
  const loadKept = async (path: string) => {
    const kept = await poll(() => load(path), (page) => page.kept === 'hit', { timeoutMs: 10_000 });
    expect(kept.done).toBe(true);
    return kept.value;
  };

  it('serves the same page to every visitor, each load with its own form key and a new visitor its visitor id', async () => {
    const path = `/conferences/${sale.slug}/register`;
    const pages = [await load(path), await loadKept(path), await load(path)];
    expect(pages.map((page) => page.status)).toEqual([200, 200, 200]);
    expect(pages.at(-1)!.kept).toBe('hit');
    const keys = pages.map((page) => formKeyOf(page.html));
    expect(new Set(keys).size).toBe(3);
    const fresh = await rendered(path);
    expect(fresh.kept).toBeNull();
    expect(new Set([...pages, fresh].map((page) => page.html.replace(uuid, '')))).toHaveLength(1);
    expect(pages.map((page) => page.cookie)).toEqual(Array(3).fill(expect.stringMatching(/^seatwise_visitor=[\w-]{24}; Path=\/; HttpOnly; SameSite=Lax$/)));

    const visitor = /^seatwise_visitor=[\w-]{24}/.exec(pages[0]!.cookie!)![0];
    const returning = await load(path, { cookie: visitor });
    expect(returning).toMatchObject({ status: 200, kept: 'hit', cookie: null, framing: 'DENY' });
  });

  it('is never older than the read model: once the seat count moved, the next load shows it', async () => {
    const path = `/conferences/${sale.slug}/register`;
    expect(availableOf((await loadKept(path)).html)).toBe(10);
    const placed = await api.post(`/conferences/${sale.slug}/orders`, { body: { seats: [{ seatTypeId: sale.seatTypes[0]!.seatTypeId, quantity: 3 }] } });
    expect(placed.status).toBe(201);
    const moved = await poll(() => api.get(`/conferences/${sale.slug}`), (r) => r.body.seatTypes[0].available === 7, { timeoutMs: 30_000 });
    expect(moved.done).toBe(true);

    const after = await load(path);
    expect(after).toMatchObject({ status: 200, kept: 'miss' });
    expect(availableOf(after.html)).toBe(7);
    expect(availableOf((await load(path)).html)).toBe(7);

    const [seatType] = sale.seatTypes;
    const renamed = { name: 'Early bird', description: 'Renamed while kept', quantity: 10, price: 4_000 };
    expect((await api.put(`/organizer/conferences/${sale.slug}/seat-types/${seatType!.seatTypeId}`, { token: sale.token, body: renamed })).status).toBe(202);
    const shown = await poll(() => api.get(`/conferences/${sale.slug}`), (r) => r.body.seatTypes[0].name === 'Early bird', { timeoutMs: 30_000 });
    expect(shown.done).toBe(true);
    const page = await load(path);
    expect(page.kept).toBe('miss');
    expect(page.html).toContain('Early bird');
    expect(page.html).toContain('Renamed while kept');
  });

  it('renders, never keeps, what may differ per request or is no page: an order to change, client navigation, crawlers, HEAD, unpublished conferences', async () => {
    const path = `/conferences/${sale.slug}/register`;
    await loadKept(path);
    expect((await load(`${path}?order=${crypto.randomUUID()}`)).kept).toBeNull();
    expect((await load(path, { rsc: '1' })).kept).toBeNull();
    expect((await load(path, { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' })).kept).toBeNull();
    expect((await load(path, {}, 'HEAD')).kept).toBeNull();
    expect((await load(`/conferences/${sale.slug.replace(/^k/, '%6B')}/register`)).kept).toBeNull();

    await api.post(`/organizer/conferences/${sale.slug}/unpublish`, { token: sale.token });
    const gone = await poll(() => load(path), (page) => page.status === 404, { timeoutMs: 30_000 });
    expect(gone.done).toBe(true);
    expect(gone.value.html).toContain('Conference not found');
  });
});
