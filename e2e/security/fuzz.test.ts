import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '@/infrastructure/testing/app-server';
import { formOf, httpVisitor, type ActionAnswer, type HttpVisitor } from '@/infrastructure/testing/http-visitor';
import { action, conferenceFields, eventCount, paidOrder, publishedConference, registrantFields, reservedOrder, settled, uniqueSlug, type Conference } from './flows';

/**
 * Malformed input at every server action and route of the built app, over HTTP: no answer is a
 * 500, every refusal is a field or form error, and the event store holds exactly what it held.
 * FUZZ_RUNS inputs in all, from FUZZ_SEED (printed on failure): 3,000 in `npm test`, which must
 * stay quick; `npm run test:fuzz` (CI runs it too) sends 10,000.
 */
const totalRuns = Number(process.env.FUZZ_RUNS ?? 3_000);
const seed = Number(process.env.FUZZ_SEED ?? 20261130);

// Text no field of any form accepts: a NUL, another control character, or far too long.
const brokenText = fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(1, 7, 8, 11, 12, 27, 31, 127)).map(([s, c]) => `${s}${String.fromCharCode(c)}`),
  fc.string({ minLength: 2_500, maxLength: 4_000 }),
);
// Anything at all a client might send in a field, odd unicode and wrong kinds included.
const anyText = fc.oneof(
  brokenText,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '0', '-1', '1.5', '1e309', 'NaN', "' OR 1=1 --", '<script>alert(1)</script>', '\u202eevil', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'ＡＢＣ１２３'),
  fc.uuid(),
);
const anyField = fc.oneof(anyText, fc.constant(new Blob(['x'])));
/** What can be put in a URL at all (a lone surrogate cannot be percent-encoded). */
const encodable = (text: string) => {
  try {
    return encodeURIComponent(text) !== '';
  } catch {
    return false;
  }
};
const foreignId = (ids: readonly string[]) =>
  fc.oneof(...ids.map((id) => fc.constant(id)), fc.uuid(), fc.constant('f'.repeat(36)), fc.constant(randomUUID().replaceAll('-', '').padEnd(36, '0')), brokenText);
// Field names as a browser can encode them: Next's multipart parser answers a control character
// in a part header with a 500 before any code of ours runs (see SECURITY.md).
const extraFields = fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 12 }).filter((name) => !/[\u0000-\u001f\u007f]/.test(name)), anyField, { maxKeys: 3 });

/** A valid form with at least one of its required fields broken, the others anything. */
function brokenForm(valid: Record<string, string>, required: readonly string[]): fc.Arbitrary<Record<string, string | Blob>> {
  return fc
    .record({
      broken: fc.subarray([...required], { minLength: 1 }),
      values: fc.dictionary(fc.constantFrom(...Object.keys(valid)), anyField, { maxKeys: 3 }),
      extra: extraFields,
      brokenValue: brokenText,
    })
    .map(({ broken, values, extra, brokenValue }) => {
      const fields: Record<string, string | Blob> = { ...extra, ...valid, ...values };
      for (const name of broken) fields[name] = brokenValue;
      return fields;
    });
}

/** One generated request: the action's arguments, the form it ends with, and where it comes from. */
type Input = { readonly args: readonly unknown[]; readonly form?: Record<string, string | Blob>; readonly from?: string };
type Answer = ActionAnswer | { status: number };
type Target = {
  readonly name: string;
  readonly input: fc.Arbitrary<Input>;
  send(input: Input): Promise<Answer>;
  /** The statuses a route may answer (actions answer refusals): 400 or 404 unless said. */
  readonly statuses?: readonly number[];
};

describe('fuzzing every action and route of the built app (server PostgreSQL)', () => {
  let app: AppServer;
  let targets: Target[];

  beforeAll(async () => {
    app = await startAppServer({ TRUSTED_PROXY_HOPS: '1', ORDER_RATE_PER_MINUTE: '0' });
    const organizer = httpVisitor(app.url);
    const registrant = httpVisitor(app.url);
    const conference = await publishedConference(organizer, app.db);
    const other = await publishedConference(httpVisitor(app.url), app.db);
    const paid = await paidOrder(registrant, conference);
    const reserved = await reservedOrder(registrant, conference);
    const strangers = await reservedOrder(httpVisitor(app.url), other);
    const tokens = await apiTokensOf(app.url, other);
    await settled(app.db);
    targets = buildTargets({ organizer, registrant, conference, other, paid, reserved, strangers, tokens, base: app.url });
  });
  afterAll(() => app.stop());

  it('answers every malformed input with a form or field error, never a 500, and writes nothing', async () => {
    const runsEach = Math.max(1, Math.ceil(totalRuns / targets.length));
    const before = await eventCount(app.db);
    // Every input is refused, so the store must not move while lanes of targets run side by side.
    await inLanes(targets, 4, async (target) => {
      await fc.assert(
        fc.asyncProperty(target.input, async (input) => {
          const answer = await target.send(input);
          expect(answer.status, target.name).not.toBe(500);
          if ('result' in answer || 'redirect' in answer) expectRefusal(target.name, answer as ActionAnswer);
          else expect(target.statuses ?? [400, 404], target.name).toContain(answer.status);
          expect(await eventCount(app.db), target.name).toBe(before);
        }),
        { numRuns: runsEach, seed, endOnFailure: true },
      );
    });
    expect(await eventCount(app.db)).toBe(before);
  }, 1_800_000);
});

async function inLanes<T>(items: readonly T[], lanes: number, work: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(Array.from({ length: lanes }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

/** Generated objects may lack a prototype; a browser only ever sends plain ones. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object' && !(value instanceof Blob) && !(value instanceof FormData)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

function expectRefusal(target: string, answer: ActionAnswer) {
  expect(answer.redirect, target).toBeUndefined();
  expect(answer.result, target).toMatchObject({ ok: false, message: expect.any(String), fieldErrors: expect.any(Object) });
}

type Setup = {
  organizer: HttpVisitor; registrant: HttpVisitor; conference: Conference; other: Conference;
  paid: { orderId: string; paymentId: string }; reserved: string; strangers: string; base: string;
  /** API tokens that open something, but never what the generated requests aim at. */
  tokens: readonly string[];
};

/** An organizer token of another conference and an order token of an order on it. */
async function apiTokensOf(base: string, other: Conference): Promise<string[]> {
  const post = (path: string, body: unknown) =>
    fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
  const organizer = await post('/organizer/tokens', { email: other.email, accessCode: other.accessCode });
  const order = await post(`/conferences/${other.slug}/orders`, { seats: [{ seatTypeId: other.seatTypeId, quantity: 1 }] });
  return [organizer.organizerToken, order.orderToken];
}

/** Every write route of the API (API-CONTRACT.md), its path parameters to be filled in. */
const apiWrites = [
  'POST /conferences', 'POST /conferences/{slug}/orders', 'POST /orders/lookup', 'PUT /orders/{id}/seats', 'PUT /orders/{id}/registrant',
  'POST /orders/{id}/checkout', 'POST /payments/{id}/accept', 'POST /payments/{id}/reject', 'PUT /orders/{id}/attendees/{position}',
  'DELETE /orders/{id}/attendees/{position}', 'POST /organizer/tokens', 'PATCH /organizer/conferences/{slug}',
  'POST /organizer/conferences/{slug}/publish', 'POST /organizer/conferences/{slug}/unpublish', 'POST /organizer/conferences/{slug}/seat-types',
  'PUT /organizer/conferences/{slug}/seat-types/{id}', 'DELETE /organizer/conferences/{slug}/seat-types/{id}',
];
const apiReads = ['GET /conferences/{slug}', 'GET /orders/{id}', 'GET /orders/{id}/attendees', 'GET /organizer/conferences/{slug}',
  'GET /organizer/conferences/{slug}/orders', 'GET /organizer/conferences/{slug}/allocation'];

/** What every target builds on: the setup's ids and forms, and how a generated input is sent. */
function toolsFor(s: Setup) {
  const key = fc.oneof(fc.uuid(), anyText);
  // A stranger's browser comes from an address of its own: the per-address throttle must not hide what lies behind it.
  const address = fc.ipV4();
  const slug = s.conference.slug;
  const orderIds = [s.paid.orderId, s.reserved, s.strangers];
  const seat = `quantity:${s.conference.seatTypeId}`;
  const conferenceForm = { ...conferenceFields(uniqueSlug('fuzz')), commandId: randomUUID() };
  const { ownerName: _n, ownerEmail: _e, slug: _s, ...details } = conferenceForm;
  const seatType = { name: 'Fuzzed', description: '', quantity: '10', price: '10' };
  const registrantForm = { orderId: s.reserved, ...registrantFields('r@example.com') };
  const viaAction = (name: string, visitor?: HttpVisitor) => (input: Input) => {
    const browser = visitor ?? httpVisitor(s.base, { 'x-forwarded-for': input.from ?? '192.0.2.1' });
    return browser.action(name, plain(input.form ? [...input.args, formOf(input.form)] : input.args) as unknown[]);
  };
  const formFrom = (form: fc.Arbitrary<Record<string, string | Blob>>, args: readonly unknown[] = [null]) =>
    fc.record({ form, from: address }).map(({ form: f, from }): Input => ({ args, form: f, from }));
  return { key, address, slug, orderIds, seat, conferenceForm, details, seatType, registrantForm, viaAction, formFrom };
}

function buildTargets(s: Setup): Target[] {
  const tools = toolsFor(s);
  return [...registrantTargets(s, tools), ...organizerTargets(s, tools), ...anyTargets(s, tools)];
}

type Tools = ReturnType<typeof toolsFor>;

function registrantTargets(s: Setup, { key, seat, conferenceForm, registrantForm, viaAction, formFrom }: Tools): Target[] {
  return [
    { name: 'create conference', send: viaAction(action.createConference),
      input: formFrom(brokenForm(conferenceForm, ['ownerName', 'ownerEmail', 'name', 'slug', 'location', 'description', 'startDate', 'endDate'])) },
    { name: 'sign in', send: viaAction(action.signIn), input: formFrom(brokenForm({ email: s.conference.email, accessCode: 'ABCDEF' }, ['email', 'accessCode'])) },
    { name: 'find order', send: viaAction(action.findOrder), input: formFrom(brokenForm({ email: 'r@example.com', accessCode: 'ABCDEF' }, ['email', 'accessCode'])) },
    { name: 'order seats', send: viaAction(action.orderSeats, s.registrant), input: formFrom(fc.oneof(
      brokenForm({ conferenceId: s.conference.conferenceId, [seat]: '1' }, [seat, 'conferenceId']),
      fc.record({ orderId: foreignId([s.strangers]), key }).map(({ orderId, key: k }) => ({ orderId, conferenceId: s.other.conferenceId, commandId: k, [`quantity:${s.other.seatTypeId}`]: '1' })),
    )) },
    { name: 'check out', send: viaAction(action.checkout, s.registrant), input: formFrom(fc.oneof(
      brokenForm(registrantForm, ['firstName', 'lastName', 'email', 'confirmEmail']),
      foreignId([s.strangers]).map((orderId) => ({ ...registrantForm, orderId })),
    )) },
    { name: 'decide payment', send: viaAction(action.decidePayment, s.registrant),
      input: formFrom(fc.record({ paymentId: foreignId([]), decision: anyText, commandId: key })) },
    { name: 'assign seats', send: viaAction(action.saveSeats, s.registrant), input: fc.oneof(
      fc.record({ orderId: fc.constant(s.paid.orderId), key, rows: fc.array(fc.record({ position: fc.oneof(fc.integer(), anyText), firstName: anyText, lastName: anyText, email: brokenText }), { minLength: 1, maxLength: 3 }) }),
      fc.record({ orderId: foreignId([s.strangers]), key, rows: fc.constant([{ position: 0, firstName: 'A', lastName: 'B', email: 'a@b.co' }]) }),
      fc.record({ orderId: fc.constant(s.paid.orderId), key, rows: fc.anything().filter((v) => !Array.isArray(v)) }),
    ).map(({ orderId, key: k, rows }) => ({ args: [orderId, k, rows] })) },
  ];
}

function organizerTargets(s: Setup, { slug, details, seatType, viaAction, formFrom }: Tools): Target[] {
  return [
    { name: 'edit details', send: viaAction(action.updateDetails, s.organizer),
      input: formFrom(brokenForm(details, ['name', 'location', 'description', 'startDate', 'endDate']), [slug, null]) },
    { name: 'save seat type', send: viaAction(action.saveSeatType, s.organizer),
      input: fc.record({ form: brokenForm(seatType, ['name', 'quantity', 'price']), id: fc.constantFrom(null, s.conference.seatTypeId) })
        .map(({ form, id }) => ({ args: [slug, id, null], form })) },
    { name: 'remove seat type', send: viaAction(action.removeSeatType, s.organizer), input: brokenText.map((id) => ({ args: [slug, id, null], form: {} })) },
    { name: 'publish', send: viaAction(action.setPublished, s.organizer),
      input: fc.anything().filter((v) => typeof v !== 'boolean').map((published) => ({ args: [slug, published, null], form: {} })) },
    ...[action.updateDetails, action.setPublished, action.saveSeatType, action.removeSeatType].map((name) => ({
      name: `${name.split('#')[1]} on another's conference`, send: viaAction(name, s.organizer),
      input: fc.array(fc.anything(), { maxLength: 4 }).map((rest) => ({ args: [s.other.slug, ...rest] })),
    })),
  ];
}

/** Any action with any arguments from a stranger, and every page and JSON route with odd ids. */
function anyTargets(s: Setup, { address, orderIds, viaAction }: Tools): Target[] {
  return [
    apiTarget(s, orderIds),
    ...Object.values(action).filter((name) => name !== action.signOut).map((name) => ({
      name: `${name.split('#')[1]} with any arguments`, send: viaAction(name),
      input: fc.record({ args: fc.array(fc.oneof(fc.anything(), anyText), { maxLength: 5 }), from: address }),
    })),
    { name: 'pages and JSON routes', input: fc.record({
      path: fc.constantFrom('/orders/', '/payments/', '/conferences/', '/organizer/conferences/', '/api/orders/', '/api/organizer/conferences/'),
      id: fc.oneof(foreignId(orderIds), anyText).filter(encodable),
      suffix: fc.constantFrom('', '/seats', '/register', '/allocation', '/orders', '/history', '/edit'),
    }).map((route) => ({ args: [route] })),
    async send({ args: [route] }) {
      const { path, id, suffix } = route as { path: string; id: string; suffix: string };
      const response = await fetch(`${s.base}${path}${encodeURIComponent(id)}${suffix}`, { redirect: 'manual' });
      await response.arrayBuffer();
      return { status: response.status };
    } },
  ];
}

/**
 * The JSON API: any route with odd path parameters, no token or one that opens something else,
 * and a body of any JSON (or none at all). Writes must be refused; reads find nothing.
 */
function apiTarget(s: Setup, ids: readonly string[]): Target {
  const slugs = [s.conference.slug, s.other.slug];
  return {
    name: 'JSON API',
    input: fc.record({
      route: fc.constantFrom(...apiWrites, ...apiReads),
      id: fc.oneof(foreignId(ids), anyText).filter(encodable),
      slug: fc.oneof(fc.constantFrom(...slugs), anyText).filter(encodable),
      token: fc.constantFrom(undefined, 'sw_o_forged', ...s.tokens),
      body: fc.oneof(fc.jsonValue().map((value) => JSON.stringify(value)), fc.string(), fc.constant('')),
      key: fc.option(fc.string({ minLength: 1, maxLength: 40 }).filter((key) => /^[\x20-\x7e]+$/.test(key)), { nil: undefined }),
      from: fc.ipV4(),
    }).map((request) => ({ args: [request] })),
    async send({ args: [request] }) {
      const { route, id, slug, token, body, key, from } = request as { route: string; id: string; slug: string; token?: string; body: string; key?: string; from: string };
      const [method, template] = route.split(' ') as [string, string];
      // The strangers' conference is where the tokens reach: aim at this setup's conference instead.
      const target = slug === s.other.slug ? s.conference.slug : slug;
      const path = template.replace('{slug}', encodeURIComponent(target)).replace('{id}', encodeURIComponent(id)).replace('{position}', encodeURIComponent([...id].slice(0, 3).join('')));
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': from };
      if (token) headers.authorization = `Bearer ${token}`;
      if (key) headers['idempotency-key'] = key;
      const response = await fetch(`${s.base}/api/v1${path}`, { method, headers, ...(method === 'GET' ? {} : { body }) });
      const answer = await response.json().catch(() => null);
      // Reads may find something (a published conference); writes never go through.
      expect(method === 'GET' ? [200, 401, 404] : [400, 401, 404, 409, 422, 429], `${route}: ${JSON.stringify(answer)}`).toContain(response.status);
      if (response.status >= 400) expect(answer, route).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      return { status: response.status };
    },
    statuses: [200, 400, 401, 404, 409, 422, 429],
  };
}
