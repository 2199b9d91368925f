import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '@/infrastructure/testing/app-server';
import { formOf, httpVisitor, type ActionAnswer, type HttpVisitor } from '@/infrastructure/testing/http-visitor';
import { action, eventCount, paidOrder, publishedConference, registrantFields, reservedOrder, settled, type Conference } from './flows';

type Actor = 'owner' | 'another registrant' | 'another organizer' | 'anonymous';
const actors: readonly Actor[] = ['another registrant', 'another organizer', 'anonymous', 'owner'];

/** Everything the owners made, and a browser for each actor. */
type World = {
  conference: Conference;
  paid: { orderId: string; paymentId: string; accessCode: string };
  reserved: string;
  openPayment: string;
  /** The owner's waiting-list entry (seats were on sale, so it was offered them at once) and its e-mail. */
  entry: { entryId: string; email: string };
  registrant: Record<Actor, HttpVisitor>;
  organizer: Record<Actor, HttpVisitor>;
};

type Row = {
  readonly name: string;
  /** Whose resource: the registrant's order or the organizer's conference. */
  readonly of: 'order' | 'conference';
  readonly run: (visitor: HttpVisitor, world: World) => Promise<ActionAnswer | { status: number; text?: string; body?: unknown }>;
  /** What only the owner sees, so that nobody else's answer may contain it. */
  readonly secret?: (world: World) => string;
  /** The stream a write would change: it must not move for anyone but the owner. */
  readonly writes?: (world: World) => string;
};

const page = (path: (w: World) => string): Row['run'] => (visitor, world) => visitor.page(path(world));
const json = (path: (w: World) => string): Row['run'] => (visitor, world) => visitor.json(path(world));
const conferenceStream = (w: World) => `conference-${w.conference.conferenceId}`;
const organizerPages = ['', '/edit', '/seat-types', '/promo-codes', '/orders', '/waiting-list', '/allocation', '/history'] as const;

const rows: Row[] = [
  { name: 'order page', of: 'order', run: page((w) => `/orders/${w.paid.orderId}`), secret: (w) => w.paid.accessCode },
  { name: 'assign-seats page', of: 'order', run: page((w) => `/orders/${w.paid.orderId}/seats`) },
  { name: 'payment page', of: 'order', run: page((w) => `/payments/${w.openPayment}`) },
  { name: 'order JSON', of: 'order', run: json((w) => `/api/orders/${w.paid.orderId}`), secret: (w) => w.paid.accessCode },
  { name: 'seats JSON', of: 'order', run: json((w) => `/api/orders/${w.paid.orderId}/seats`) },
  ...organizerPages.map<Row>((suffix) => ({
    name: `organizer page ${suffix || '/'}`, of: 'conference',
    run: page((w) => `/organizer/conferences/${w.conference.slug}${suffix}`),
    secret: suffix === '' ? (w) => w.conference.accessCode : suffix === '/orders' ? (w) => w.paid.accessCode
      : suffix === '/waiting-list' ? (w) => w.entry.email : undefined,
  })),
  { name: 'waiting-list entry page', of: 'order', run: page((w) => `/conferences/${w.conference.slug}/waiting-list/${w.entry.entryId}`) },
  { name: 'waiting-list entry JSON', of: 'order', run: json((w) => `/api/waiting-list/${w.entry.entryId}`) },
  { name: 'waiting list JSON', of: 'conference', run: json((w) => `/api/organizer/conferences/${w.conference.slug}/waiting-list`), secret: (w) => w.entry.email },
  { name: 'allocation JSON', of: 'conference', run: json((w) => `/api/organizer/conferences/${w.conference.slug}/allocation`) },
  { name: 'orders JSON', of: 'conference', run: json((w) => `/api/organizer/conferences/${w.conference.slug}/orders`), secret: (w) => w.paid.accessCode },
  {
    name: 'change seats', of: 'order', writes: (w) => `order-${w.reserved}`,
    run: (v, w) => v.action(action.orderSeats, [null, formOf({
      orderId: w.reserved, conferenceId: w.conference.conferenceId, commandId: randomUUID(), [`quantity:${w.conference.seatTypeId}`]: '2',
    })]),
  },
  {
    name: 'check out', of: 'order', writes: (w) => `order-${w.reserved}`,
    run: (v, w) => v.action(action.checkout, [null, formOf({ orderId: w.reserved, commandId: randomUUID(), ...registrantFields('x@example.com') })]),
  },
  {
    name: 'answer the payment', of: 'order', writes: (w) => `payment-${w.openPayment}`,
    run: (v, w) => v.action(action.decidePayment, [null, formOf({ paymentId: w.openPayment, decision: 'reject', commandId: randomUUID() })]),
  },
  {
    name: 'assign a seat', of: 'order', writes: (w) => `seat-assignments-${w.paid.orderId}`,
    run: (v, w) => v.action(action.saveSeats, [w.paid.orderId, randomUUID(), [{ position: 0, firstName: 'Eve', lastName: 'Intruder', email: 'eve@example.com' }]]),
  },
  {
    name: 'edit details', of: 'conference', writes: conferenceStream,
    run: (v, w) => v.action(action.updateDetails, [w.conference.slug, null, formOf({
      name: 'Taken over', tagline: '', location: 'Nowhere', description: 'Mine now.', startDate: '2031-05-12', endDate: '2031-05-13', commandId: randomUUID(),
    })]),
  },
  {
    name: 'add a seat type', of: 'conference', writes: conferenceStream,
    run: (v, w) => v.action(action.saveSeatType, [w.conference.slug, null, null, formOf({ name: 'Free for me', description: '', quantity: '5', price: '0', commandId: randomUUID() })]),
  },
  {
    name: 'edit a seat type', of: 'conference', writes: conferenceStream,
    run: (v, w) => v.action(action.saveSeatType, [w.conference.slug, w.conference.seatTypeId, null, formOf({ name: 'Cheap', description: '', quantity: '500', price: '0', commandId: randomUUID() })]),
  },
  {
    name: 'unpublish', of: 'conference', writes: conferenceStream,
    run: (v, w) => v.action(action.setPublished, [w.conference.slug, false, null, formOf({ commandId: randomUUID() })]),
  },
];

const notFound = (answer: Awaited<ReturnType<Row['run']>>) =>
  'result' in answer ? ['Order not found', 'Conference not found'].includes((answer.result as { message?: string }).message ?? '') : answer.status === 404;

describe('who may see or change an order or a conference (the built app over HTTP)', () => {
  let app: AppServer;
  let world: World;

  beforeAll(async () => {
    app = await startAppServer();
    const browsers = () => ({ owner: httpVisitor(app.url), 'another registrant': httpVisitor(app.url), 'another organizer': httpVisitor(app.url), anonymous: httpVisitor(app.url) });
    const registrant = browsers();
    const organizer = browsers();
    const conference = await publishedConference(organizer.owner, app.db);
    await publishedConference(organizer['another organizer'], app.db);
    registrant['another organizer'] = organizer['another organizer'];
    organizer['another registrant'] = registrant['another registrant'];
    await reservedOrder(registrant['another registrant'], conference);
    const paid = await paidOrder(registrant.owner, conference);
    const reserved = await reservedOrder(registrant.owner, conference);
    const third = await reservedOrder(registrant.owner, conference);
    const checkout = await registrant.owner.action(action.checkout, [null, formOf({ orderId: third, commandId: randomUUID(), ...registrantFields('o@example.com') })]);
    const openPayment = checkout.redirect!.split('/').at(-1)!;
    const email = `${randomUUID()}@example.com`;
    const joined = await registrant.owner.action(action.joinWaitingList, [conference.slug, null, formOf({
      firstName: 'Wanda', lastName: 'Waiting', email, [`quantity:${conference.seatTypeId}`]: '1', commandId: randomUUID(),
    })]);
    const entry = { entryId: joined.redirect!.split('/').at(-1)!, email };
    world = { conference, paid, reserved, openPayment, entry, registrant, organizer };
    await settled(app.db);
  });
  afterAll(() => app.stop());

  const cases = rows.flatMap((row) => actors.map((actor) => ({ ...row, actor, label: `${row.name} × ${actor}` })));

  it.each(cases)('$label', async ({ actor, of, run, secret, writes }) => {
    const visitor = of === 'order' ? world.registrant[actor] : world.organizer[actor];
    const stream = writes?.(world);
    const before = stream ? await eventCount(app.db, stream) : 0;
    const answer = await run(visitor, world);
    expect(answer.status).not.toBe(500);
    const after = stream ? await eventCount(app.db, stream) : 0;
    if (actor === 'owner') {
      expect(notFound(answer)).toBe(false);
      if (secret) expect(JSON.stringify(answer)).toContain(secret(world));
      if (stream) expect(after).toBeGreaterThan(before);
      // What the write sets off (a reservation, a confirmation) must not move the next row's stream.
      await settled(app.db);
      return;
    }
    expect(notFound(answer)).toBe(true);
    if (secret) expect(JSON.stringify(answer)).not.toContain(secret(world));
    expect(after).toBe(before);
  });
});
