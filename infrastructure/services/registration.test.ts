import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../commands/router';
import { allocationView } from '../queries/organizer';
import { seatAssignmentsView } from '../queries/orders';
import { serverDatabase, type TestDatabase } from '../testing/databases';
import { organizer, publishedConference, registrant, settledOrder, startApplicationRunner } from '../testing/application';
import { catchUp, eventually } from '../testing/recording-projection';
import { createConference, setPublished, updateSeatType } from './conferences';
import { settlePayment } from './payments';
import { placeOrder, registerAndCheckout, updateOrderSeats } from './registrations';
import { orThrow } from './result';
import { saveAssignments } from './seat-assignments';
import { applicationSubscriptions } from '../subscriptions/application';
import { resetCheckpoint } from '../subscriptions/checkpoints';

const details = { firstName: 'Rita', lastName: 'Registrant', email: 'rita@example.com', confirmEmail: 'rita@example.com' };

describe('registration through the application services and running subscriptions (server PostgreSQL)', () => {
  let db: TestDatabase;
  let runner: ReturnType<typeof startApplicationRunner>;
  beforeAll(async () => {
    db = await serverDatabase();
    runner = startApplicationRunner(db);
  });
  afterAll(async () => {
    await runner.stop();
    await db.drop();
  });

  const placed = async (conferenceId: string, seats: { seatTypeId: string; quantity: number }[]) =>
    orThrow(await placeOrder(registrant(db), { conferenceId, seats }));
  const contoso = () =>
    publishedConference(db, [
      { name: 'General admission', quantity: 100, price: 199 },
      { name: 'CQRS Workshop', quantity: 100, price: 500 },
      { name: 'Cocktail party', quantity: 100, price: 50 },
    ]);

  async function pay(orderId: string) {
    const started = orThrow(await registerAndCheckout(registrant(db), orderId, details));
    orThrow(await settlePayment(registrant(db), started.paymentId!, true));
    return eventually(() => settledOrder(db, orderId), (order) => order.status === 'confirmed');
  }

  it('reserves an order of 1 + 0 + 1 in full with a total of $249.00', async () => {
    const { conferenceId, seatTypeIds: [general, workshop, party] } = await contoso();
    const { orderId } = await placed(conferenceId, [
      { seatTypeId: general!, quantity: 1 },
      { seatTypeId: workshop!, quantity: 0 },
      { seatTypeId: party!, quantity: 1 },
    ]);
    const order = await settledOrder(db, orderId);
    expect(order.status).toBe('reserved');
    expect(order.total).toBe(24_900);
    expect(order.lines.map((l) => [l.name, l.quantity, l.lineTotal])).toEqual([
      ['General admission', 1, 19_900],
      ['Cocktail party', 1, 5_000],
    ]);
  });

  it('gives 4 concurrent orders of 2 seats against a quota of 4: 2 reserved, 2 partially', async () => {
    const { conferenceId, seatTypeIds: [workshop] } = await publishedConference(db, [{ name: 'CQRS Workshop', quantity: 4, price: 500 }]);
    const orders = await Promise.all(
      Array.from({ length: 4 }, () => placed(conferenceId, [{ seatTypeId: workshop!, quantity: 2 }])),
    );
    const settled = await Promise.all(orders.map((o) => settledOrder(db, o.orderId)));
    expect(settled.filter((o) => o.status === 'reserved')).toHaveLength(2);
    expect(settled.filter((o) => o.status === 'partiallyReserved')).toHaveLength(2);
    expect(settled.flatMap((o) => o.reserved).reduce((sum, s) => sum + s.quantity, 0)).toBe(4);
  });

  it('sells exactly 200 seats to 200 concurrent orders of 2 against a quota of 200', async () => {
    const { conferenceId, seatTypeIds: [general] } = await publishedConference(db, [{ name: 'General admission', quantity: 200, price: 10 }]);
    const orders = await Promise.all(
      Array.from({ length: 200 }, () => placed(conferenceId, [{ seatTypeId: general!, quantity: 2 }])),
    );
    const settled = await Promise.all(orders.map((o) => settledOrder(db, o.orderId, 60_000)));
    const reserved = settled.filter((o) => o.status === 'reserved');
    expect(reserved).toHaveLength(100);
    for (const order of reserved) await pay(order.orderId);
    const allocation = await eventually(() => allocationView(db, conferenceId), (a) => a.seatTypes[0]!.reserved === 0);
    expect(allocation.seatTypes[0]).toMatchObject({ quota: 200, reserved: 0, sold: 200, available: 0 });
  }, 120_000);

  it('expires an order left unpaid past its time and puts its seats back on sale', async () => {
    const { conferenceId, seatTypeIds: [general] } = await publishedConference(db, [{ name: 'General admission', quantity: 5, price: 100 }]);
    process.env.RESERVATION_TTL_SECONDS = '2';
    try {
      const { orderId } = await placed(conferenceId, [{ seatTypeId: general!, quantity: 3 }]);
      await settledOrder(db, orderId);
      // The allocation is another projection than the order's: it may be a batch behind.
      const held = await eventually(() => allocationView(db, conferenceId), (view) => view.seatTypes[0]!.reserved > 0);
      expect(held.seatTypes[0]).toMatchObject({ reserved: 3, available: 2 });
      // Expiry is what this test waits for: the deadline failing is the assertion.
      await eventually(() => settledOrder(db, orderId), (o) => o.status === 'expired', 10_000);
      const allocation = await eventually(() => allocationView(db, conferenceId), (a) => a.seatTypes[0]!.reserved === 0);
      expect(allocation.seatTypes[0]).toMatchObject({ reserved: 0, sold: 0, available: 5 });
    } finally {
      delete process.env.RESERVATION_TTL_SECONDS;
    }
  });

  it('refunds a payment completed after the order expired, and never confirms the order', async () => {
    const { conferenceId, seatTypeIds: [general] } = await publishedConference(db, [{ name: 'General admission', quantity: 5, price: 100 }]);
    process.env.RESERVATION_TTL_SECONDS = '2';
    try {
      const { orderId } = await placed(conferenceId, [{ seatTypeId: general!, quantity: 1 }]);
      await settledOrder(db, orderId);
      const started = orThrow(await registerAndCheckout(registrant(db), orderId, details));
      await eventually(() => settledOrder(db, orderId), (o) => o.status === 'expired', 10_000);
      orThrow(await settlePayment(registrant(db), started.paymentId!, true));
      const order = await eventually(() => settledOrder(db, orderId), (o) => o.payment?.status !== 'initiated' && o.payment?.status !== 'completed');
      expect(order).toMatchObject({ status: 'expired', payment: { status: 'refunded', amount: 10_000 } });
    } finally {
      delete process.env.RESERVATION_TTL_SECONDS;
    }
  });

  it('keeps one open payment per order: a second checkout and a seat change wait until it is rejected', async () => {
    const { conferenceId, seatTypeIds: [general] } = await publishedConference(db, [{ name: 'General admission', quantity: 10, price: 100 }]);
    const { orderId } = await placed(conferenceId, [{ seatTypeId: general!, quantity: 1 }]);
    await settledOrder(db, orderId);
    const first = orThrow(await registerAndCheckout(registrant(db), orderId, details));
    // A second tab, before any read model shows the first payment: the order itself refuses.
    expect(await registerAndCheckout(registrant(db), orderId, details)).toMatchObject({ ok: false, code: 'PaymentInProgress' });
    expect(await updateOrderSeats(registrant(db), orderId, { seats: [{ seatTypeId: general!, quantity: 3 }] })).toMatchObject({
      ok: false,
      code: 'PaymentInProgress',
    });
    orThrow(await settlePayment(registrant(db), first.paymentId!, false));
    await eventually(() => settledOrder(db, orderId), (o) => o.payment?.status === 'rejected' && !o.payment.open);
    const { version } = orThrow(await updateOrderSeats(registrant(db), orderId, { seats: [{ seatTypeId: general!, quantity: 3 }] }));
    await eventually(() => settledOrder(db, orderId), (o) => o.version > version && o.reserved[0]?.quantity === 3);
    const paid = await pay(orderId);
    expect(paid).toMatchObject({ status: 'confirmed', total: 30_000, payment: { status: 'completed', amount: 30_000 } });
  });

  it('refunds a payment the order never took, and the order can still be paid after it', async () => {
    const { conferenceId, seatTypeIds: [general] } = await publishedConference(db, [{ name: 'General admission', quantity: 10, price: 100 }]);
    const { orderId } = await placed(conferenceId, [{ seatTypeId: general!, quantity: 1 }]);
    await settledOrder(db, orderId);
    // A payment that is not the order's open one (a stale tab, a forged request): the order refuses it.
    const stray = randomUUID();
    const context = { db, commandId: randomUUID(), actor: 'registrant', now: new Date() };
    await send({ type: 'InitiatePayment', data: { paymentId: stray, orderId, conferenceId, amount: 10_000, currency: 'USD', description: 'stray' } }, context);
    orThrow(await settlePayment(registrant(db), stray, true));
    await eventually(
      () => db.query<{ type: string }>(`SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_position`, [`payment-${stray}`]),
      (events) => events.at(-1)?.type === 'PaymentRefunded',
    );
    const paid = await pay(orderId);
    expect(paid).toMatchObject({ status: 'confirmed', payment: { status: 'completed', amount: 10_000 } });
  });

  it('confirms a paid order and creates one seat assignment per seat, which project', async () => {
    const { conferenceId, seatTypeIds: [general, workshop] } = await contoso();
    const { orderId } = await placed(conferenceId, [
      { seatTypeId: general!, quantity: 2 },
      { seatTypeId: workshop!, quantity: 1 },
    ]);
    await settledOrder(db, orderId);
    await pay(orderId);
    const seats = await eventually(() => seatAssignmentsView(db, orderId), (view) => view !== null);
    expect(seats!.seats.map((s) => s.label)).toEqual(['General admission 1', 'General admission 2', 'CQRS Workshop 1']);
    const { version } = orThrow(await saveAssignments(registrant(db), orderId, [
      { position: 0, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
      { position: 1, firstName: '', lastName: '', email: '' },
      { position: 2, firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' },
    ]));
    const assigned = await eventually(() => seatAssignmentsView(db, orderId), (view) => (view?.version ?? 0) >= version);
    expect(assigned!.seats.map((s) => s.email)).toEqual(['ada@example.com', '', 'grace@example.com']);
    const mail = await eventually(
      () => db.query<{ recipient: string }>('SELECT recipient FROM outbox_mail WHERE order_id = $1 ORDER BY recipient', [orderId]),
      (rows) => rows.length === 3,
    );
    expect(mail.map((m) => m.recipient)).toEqual(['ada@example.com', 'grace@example.com', 'rita@example.com']);
  });

  it('lets a quota fall below what is sold without cancelling a paid order', async () => {
    const { conferenceId, seatTypeIds: [general] } = await publishedConference(db, [{ name: 'General admission', quantity: 4, price: 100 }]);
    const { orderId } = await placed(conferenceId, [{ seatTypeId: general!, quantity: 3 }]);
    await settledOrder(db, orderId);
    await pay(orderId);
    orThrow(await updateSeatType({ db, actor: 'organizer' }, conferenceId, general!, { name: 'General admission', description: '', quantity: 1, price: 100 }));
    const allocation = await eventually(() => allocationView(db, conferenceId), (a) => a.seatTypes[0]!.quota !== 4);
    expect(allocation.seatTypes[0]).toMatchObject({ quota: 1, sold: 3, available: -2 });
    expect((await settledOrder(db, orderId)).status).toBe('confirmed');
  });

  it('gives a slug to exactly one of several conferences created with it at once', async () => {
    const slug = `race-${Date.now()}`;
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        createConference(organizer(db), {
          ownerName: 'Olga', ownerEmail: `olga${i}@example.com`, name: `Race ${i}`, slug, tagline: '',
          location: 'Online', description: 'A race.', startDate: '2030-01-10', endDate: '2030-01-10',
        }),
      ),
    );
    expect(attempts.filter((a) => a.ok)).toHaveLength(1);
    for (const attempt of attempts.filter((a) => !a.ok)) {
      expect(attempt).toMatchObject({ code: 'SlugTaken', fieldErrors: { slug: 'That slug is already taken.' } });
    }
    const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = 'ConferenceCreated' AND data->>'slug' = $1`, [slug])) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('refuses new orders for an unpublished conference', async () => {
    const { conferenceId, seatTypeIds: [general] } = await contoso();
    orThrow(await setPublished({ db, actor: 'organizer' }, conferenceId, false));
    expect(await placeOrder(registrant(db), { conferenceId, seats: [{ seatTypeId: general!, quantity: 1 }] })).toMatchObject({
      ok: false,
      code: 'ConferenceNotPublished',
    });
  });

  it('rebuilds every read model from the events to the rows it had live', async () => {
    await runner.stop();
    const owner = runner.owner; // its lease is still running: carry on under its name
    const tables = ['rm_conferences', 'rm_seat_allocation', 'rm_orders', 'rm_seat_assignments', 'rm_promo_codes'];
    const snapshot = () =>
      Promise.all(tables.map((table) => db.query(`SELECT * FROM ${table} ORDER BY 1`).then((rows) => rows.map(({ projected_at: _p, ...row }) => row))));
    const projections = applicationSubscriptions.filter((s) => s.reset !== undefined);
    for (const projection of projections) await catchUp(db, projection, owner);
    const live = await snapshot();
    for (const projection of projections) {
      await db.transaction(async (tx) => {
        await projection.reset!(tx);
        await resetCheckpoint(tx, projection.name);
      });
      await catchUp(db, projection, owner);
    }
    expect(await snapshot()).toEqual(live);
    runner = startApplicationRunner(db);
  });
});
