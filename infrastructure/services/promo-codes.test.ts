import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conferenceHistory } from '../queries/history';
import { promoCodesView } from '../queries/promo-codes';
import { serverDatabase, type TestDatabase } from '../testing/databases';
import { organizer, publishedConference, registrant, settledOrder, startApplicationRunner } from '../testing/application';
import { eventually } from '../testing/recording-projection';
import { addPromoCode } from './promo-codes';
import { placeOrder } from './registrations';
import { orThrow } from './result';

describe('promo codes through the application services and running subscriptions (server PostgreSQL)', () => {
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

  const usedOf = (conferenceId: string, used: number) =>
    eventually(() => promoCodesView(db, conferenceId), (doc) => doc.codes[0]?.used === used);

  it('lets exactly 5 of 50 concurrent orders from 10 processes hold a code with 5 uses; an expired one gives its use back', async () => {
    const { conferenceId, seatTypeIds: [general] } = await publishedConference(db, [{ name: 'General admission', quantity: 100, price: 100 }]);
    orThrow(await addPromoCode(organizer(db), conferenceId, { code: 'rush5', discountType: 'percent', discount: 50, uses: 5 }));
    const processes = Array.from({ length: 10 }, () => db.connect({ max: 2 }));
    const order = { conferenceId, seats: [{ seatTypeId: general!, quantity: 1 }], promoCode: 'RUSH5' };
    const outcomes = await Promise.all(processes.flatMap((process) => Array.from({ length: 5 }, () => placeOrder(registrant(process), order))));

    const holders = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.orderId] : []));
    expect(holders).toHaveLength(5);
    expect(new Set(outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.code])))).toEqual(new Set(['PromoCodeNotValid']));
    const placed = await Promise.all(holders.map((orderId) => settledOrder(db, orderId)));
    expect(placed.map((o) => o.total)).toEqual([5_000, 5_000, 5_000, 5_000, 5_000]);
    expect((await usedOf(conferenceId, 5)).codes[0]).toMatchObject({ code: 'RUSH5', uses: 5, used: 5 });

    // Its reservation time is up: the expiry timer fires now.
    await db.query(`UPDATE scheduled_commands SET due_at = now() WHERE fired_at IS NULL AND message->'data'->>'orderId' = $1`, [holders[0]]);
    await eventually(() => settledOrder(db, holders[0]!), (o) => o.status === 'expired', 10_000);
    await usedOf(conferenceId, 4);
    const next = orThrow(await placeOrder(registrant(db), order));
    expect((await settledOrder(db, next.orderId)).total).toBe(5_000);
    expect((await placeOrder(registrant(db), order)).ok).toBe(false);

    const history = (await conferenceHistory(db, conferenceId)).entries.map((entry) => entry.text);
    expect(history).toContain('Promo code RUSH5 added: 50% off all seat types, 5 uses');
    expect(history.filter((text) => text.startsWith('Promo code RUSH5 taken by order '))).toHaveLength(6);
    expect(history.filter((text) => text.startsWith('Promo code RUSH5 given back by order '))).toHaveLength(1);
  }, 60_000);

  it('refuses an unknown code, or one of another conference, and places no order', async () => {
    const { conferenceId, seatTypeIds: [general] } = await publishedConference(db, [{ name: 'General admission', quantity: 10, price: 100 }]);
    const other = await publishedConference(db, [{ name: 'General admission', quantity: 10, price: 100 }]);
    orThrow(await addPromoCode(organizer(db), other.conferenceId, { code: 'ELSEWHERE', discountType: 'amount', discount: 2000 }));
    for (const promoCode of ['NOPE', 'ELSEWHERE']) {
      expect(await placeOrder(registrant(db), { conferenceId, seats: [{ seatTypeId: general!, quantity: 1 }], promoCode })).toMatchObject({
        ok: false, code: 'PromoCodeNotValid', fieldErrors: { promoCode: 'That promo code is not valid.' },
      });
    }
  });

  it('refuses a code already added to the conference', async () => {
    const { conferenceId } = await publishedConference(db, [{ name: 'General admission', quantity: 10, price: 100 }]);
    const code = { code: 'ONCE', discountType: 'percent', discount: 10 };
    orThrow(await addPromoCode(organizer(db), conferenceId, code));
    expect(await addPromoCode(organizer(db), conferenceId, { ...code, code: 'once' })).toMatchObject({
      ok: false, code: 'PromoCodeTaken', fieldErrors: { code: 'That code already exists.' },
    });
  });
});
