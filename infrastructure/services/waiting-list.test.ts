import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { conferenceHistory } from '../queries/history';
import { allocationView } from '../queries/organizer';
import { conferenceWaitingList, waitingListEntryView } from '../queries/waiting-list';
import { engines } from '../testing/databases';
import { publishedConference, registrant, settledOrder, startApplicationRunner } from '../testing/application';
import { eventually } from '../testing/recording-projection';
import { placeOrder } from './registrations';
import { orThrow } from './result';
import { joinWaitingList } from './waiting-list';

/** The reservation time of an order is up: its expiry timer fires now. */
const expireNow = (db: Database, orderId: string) =>
  db.query(`UPDATE scheduled_commands SET due_at = now() WHERE fired_at IS NULL AND message->'data'->>'orderId' = $1`, [orderId]);

const statusesOf = (db: Database, conferenceId: string) =>
  conferenceWaitingList(db, conferenceId).then((rows) => rows.map((row) => `${row.position} ${row.firstName} ${row.lastName} ${row.status}`));

describe.each(engines)('the waiting list through the application services and running subscriptions (%s)', (_engine, open) => {
  let db: Awaited<ReturnType<typeof open>>;
  let runner: ReturnType<typeof startApplicationRunner>;
  beforeAll(async () => {
    db = await open();
    runner = startApplicationRunner(db);
  });
  afterAll(async () => {
    await runner.stop();
    await db.drop();
  });

  it('offers freed seats to the first in line, in order, before anyone else; a lapsed offer goes to the next', async () => {
    const { conferenceId, seatTypeIds: [general] } = await publishedConference(db, [{ name: 'General admission', quantity: 2, price: 100 }]);
    const seats = [{ seatTypeId: general!, quantity: 1 }];
    const holder = orThrow(await placeOrder(registrant(db), { conferenceId, seats: [{ seatTypeId: general!, quantity: 2 }] }));
    expect((await settledOrder(db, holder.orderId)).reserved).toEqual([{ seatTypeId: general!, quantity: 2 }]);

    const people = ['Ada', 'Grace', 'Edsger'];
    const entries: string[] = [];
    for (const firstName of people) {
      const joined = orThrow(await joinWaitingList(registrant(db), conferenceId, { firstName, lastName: 'Waiting', email: `${firstName.toLowerCase()}@example.com`, seats }));
      entries.push(joined.entryId);
    }
    const places = await Promise.all(entries.map((entryId) => eventually(() => waitingListEntryView(db, entryId), (view) => typeof view?.place === 'number')));
    expect(places.map((view) => view?.place)).toEqual([1, 2, 3]);

    // The 2 seats come free: the first two in line get them, the third still waits, first now.
    await expireNow(db, holder.orderId);
    expect(await eventually(() => statusesOf(db, conferenceId), (rows) => !rows.some((row) => row.includes('Ada Waiting waiting')))).toEqual([
      '1 Ada Waiting offered', '2 Grace Waiting offered', '3 Edsger Waiting waiting',
    ]);
    expect((await waitingListEntryView(db, entries[2]!))?.place).toBe(1);
    for (const [index, entryId] of entries.slice(0, 2).entries()) {
      const offered = await settledOrder(db, entryId);
      expect(offered).toMatchObject({ status: 'reserved', registrant: { firstName: people[index], email: `${people[index]!.toLowerCase()}@example.com` } });
      expect(offered.reserved).toEqual(seats);
    }
    // Another projection than the orders': it may be a batch behind.
    const allocated = await eventually(() => allocationView(db, conferenceId), (view) => view.seatTypes[0]?.reserved === 2);
    expect(allocated.seatTypes[0]).toMatchObject({ quota: 2, reserved: 2, available: 0 });
    // Nobody else gets those seats meanwhile.
    const latecomer = orThrow(await placeOrder(registrant(db), { conferenceId, seats }));
    expect((await settledOrder(db, latecomer.orderId)).reserved).toEqual([]);

    // Written by the mail reactor, a subscription of its own.
    const mails = await eventually(() => db.query<{ recipient: string; subject: string; body: string }>(
      `SELECT recipient, subject, body FROM outbox_mail WHERE order_id = ANY($1::text[]) AND subject LIKE 'Seats are available%' ORDER BY recipient`,
      [entries],
    ), (rows) => rows.length >= 2);
    expect(mails.map((mail) => [mail.recipient, mail.subject])).toEqual([
      ['ada@example.com', 'Seats are available for Test Conference'], ['grace@example.com', 'Seats are available for Test Conference'],
    ]);
    expect(mails[0]?.body).toMatch(new RegExp(`/orders/${entries[0]}/offer/[\\w-]+`));

    // Ada's offer lapses: her seat goes to Edsger, not back on sale.
    await expireNow(db, entries[0]!);
    expect(await eventually(() => statusesOf(db, conferenceId), (rows) => rows.includes('3 Edsger Waiting offered'))).toEqual([
      '1 Ada Waiting lapsed', '2 Grace Waiting offered', '3 Edsger Waiting offered',
    ]);
    expect((await settledOrder(db, entries[2]!)).reserved).toEqual(seats);

    const history = (await conferenceHistory(db, conferenceId)).entries.map((entry) => entry.text);
    expect(history).toContain('Ada Waiting joined the waiting list for 1 × General admission');
    expect(history).toContain('1 × General admission held for Edsger Waiting from the waiting list');
  }, 60_000);

  it('counts a place in line among those waiting for the same seat type', async () => {
    const { conferenceId, seatTypeIds: [general, vip] } = await publishedConference(db, [
      { name: 'General admission', quantity: 1, price: 100 }, { name: 'VIP', quantity: 1, price: 500 },
    ]);
    const both = [{ seatTypeId: general!, quantity: 1 }, { seatTypeId: vip!, quantity: 1 }];
    await settledOrder(db, orThrow(await placeOrder(registrant(db), { conferenceId, seats: both })).orderId);
    const join = async (firstName: string, seats: { seatTypeId: string; quantity: number }[]) =>
      orThrow(await joinWaitingList(registrant(db), conferenceId, { firstName, lastName: 'Waiting', email: `${firstName.toLowerCase()}@example.com`, seats })).entryId;
    const entries = [await join('Ada', [both[0]!]), await join('Grace', [both[0]!]), await join('Vera', [both[1]!]), await join('Both', both)];
    const places = await Promise.all(entries.map((entryId) => eventually(() => waitingListEntryView(db, entryId), (view) => typeof view?.place === 'number')));
    expect(places.map((view) => view?.place)).toEqual([1, 2, 1, 4]);
  });

  it('refuses an entry that asks for no seat, or gives no valid e-mail, and writes nothing', async () => {
    const { conferenceId, seatTypeIds: [general] } = await publishedConference(db, [{ name: 'General admission', quantity: 1, price: 100 }]);
    const person = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
    expect(await joinWaitingList(registrant(db), conferenceId, { ...person, seats: [{ seatTypeId: general!, quantity: 0 }] })).toMatchObject({
      ok: false, fieldErrors: { seats: 'Select at least one seat.' },
    });
    expect(await joinWaitingList(registrant(db), conferenceId, { ...person, email: 'ada', seats: [{ seatTypeId: general!, quantity: 1 }] })).toMatchObject({
      ok: false, fieldErrors: { email: 'Enter a valid email address.' },
    });
    const [{ count }] = (await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM events WHERE type = 'WaitingListJoined' AND data->>'conferenceId' = $1`, [conferenceId])) as [{ count: number }];
    expect(count).toBe(0);
  });
});
