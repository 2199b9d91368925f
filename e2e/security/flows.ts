import { randomUUID } from 'node:crypto';
import type { Db } from '@/infrastructure/db/client';
import { formOf, type ActionAnswer, type HttpVisitor } from '@/infrastructure/testing/http-visitor';
import { eventually } from '@/infrastructure/testing/recording-projection';

/** The steps a person takes in the browser, as the server actions they call. */
export const action = {
  createConference: 'app/organizer/new/actions.ts#createConferenceAction',
  signIn: 'app/organizer/sign-in/actions.ts#signInAction',
  signOut: 'app/organizer/actions.ts#signOutAction',
  updateDetails: 'app/organizer/conferences/[slug]/actions.ts#updateDetailsAction',
  setPublished: 'app/organizer/conferences/[slug]/actions.ts#setPublishedAction',
  saveSeatType: 'app/organizer/conferences/[slug]/seat-types/actions.ts#saveSeatTypeAction',
  removeSeatType: 'app/organizer/conferences/[slug]/seat-types/actions.ts#removeSeatTypeAction',
  orderSeats: 'app/conferences/[slug]/register/actions.ts#orderSeats',
  checkout: 'app/orders/[orderId]/actions.ts#submitRegistrant',
  decidePayment: 'app/payments/[paymentId]/actions.ts#decidePayment',
  saveSeats: 'app/orders/[orderId]/seats/actions.ts#saveSeatAssignments',
  findOrder: 'app/orders/find/actions.ts#findOrder',
  joinWaitingList: 'app/conferences/[slug]/waiting-list/actions.ts#joinWaitingListAction',
} as const;

export const conferenceFields = (slug: string, email = `${slug}@example.com`) => ({
  ownerName: 'Olga Organizer', ownerEmail: email, name: `Conference ${slug}`, slug, tagline: 'Tested over HTTP',
  location: 'Lisbon', description: 'A conference made by a security test.', startDate: '2031-05-12', endDate: '2031-05-13',
});

export const uniqueSlug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A published conference with one seat type, owned by `organizer` (signed in to it afterwards). */
export async function publishedConference(organizer: HttpVisitor, db: Db, quantity = 50) {
  const slug = uniqueSlug('sec');
  const created = await organizer.action(action.createConference, [null, formOf({ ...conferenceFields(slug), commandId: randomUUID() })]);
  if (!created.redirect) throw new Error(`conference not created: ${JSON.stringify(created)}`);
  const seatType = { name: 'General admission', description: '', quantity: String(quantity), price: '100', commandId: randomUUID() };
  await organizer.action(action.saveSeatType, [slug, null, null, formOf(seatType)]);
  await organizer.action(action.setPublished, [slug, true, null, formOf({ commandId: randomUUID() })]);
  const [row] = await db.query<{ id: string; seat: string; code: string }>(
    `SELECT conference_id AS id, doc->'seatTypes'->0->>'seatTypeId' AS seat, doc->>'accessCode' AS code FROM rm_conferences WHERE slug = $1`,
    [slug],
  );
  return { slug, conferenceId: row!.id, seatTypeId: row!.seat, accessCode: row!.code, email: `${slug}@example.com` };
}

export type Conference = Awaited<ReturnType<typeof publishedConference>>;

export const orderIdOf = (answer: ActionAnswer) => /^\/orders\/([0-9a-f-]{36})$/.exec(answer.redirect ?? '')?.[1] ?? null;

/** Places an order of `quantity` seats and waits for its reservation to settle. */
export async function reservedOrder(registrant: HttpVisitor, conference: Conference, quantity = 1) {
  const answer = await registrant.action(action.orderSeats, [
    null,
    formOf({ conferenceId: conference.conferenceId, commandId: randomUUID(), [`quantity:${conference.seatTypeId}`]: String(quantity) }),
  ]);
  const orderId = orderIdOf(answer);
  if (!orderId) throw new Error(`order not placed: ${JSON.stringify(answer)}`);
  await eventually(() => registrant.json(`/api/orders/${orderId}`), (r) => (r.body as { status?: string } | null)?.status === 'reserved');
  return orderId;
}

export const registrantFields = (email: string) => ({ firstName: 'Rita', lastName: 'Registrant', email, confirmEmail: email });

/** Checks out and accepts the payment; resolves once the order is confirmed, with its access code. */
export async function paidOrder(registrant: HttpVisitor, conference: Conference, email = `${randomUUID()}@example.com`) {
  const orderId = await reservedOrder(registrant, conference);
  const checkout = await registrant.action(action.checkout, [null, formOf({ orderId, commandId: randomUUID(), ...registrantFields(email) })]);
  const paymentId = /^\/payments\/([0-9a-f-]{36})$/.exec(checkout.redirect ?? '')?.[1];
  if (!paymentId) throw new Error(`no payment: ${JSON.stringify(checkout)}`);
  await registrant.action(action.decidePayment, [null, formOf({ paymentId, decision: 'accept', commandId: randomUUID() })]);
  const confirmed = await eventually(
    () => registrant.json(`/api/orders/${orderId}`),
    (r) => (r.body as { status?: string } | null)?.status === 'confirmed',
  );
  return { orderId, paymentId, email, accessCode: (confirmed.body as { accessCode: string }).accessCode };
}

export const eventCount = async (db: Db, streamId?: string) => {
  const [row] = await db.query<{ n: number }>(
    streamId ? 'SELECT count(*)::int AS n FROM events WHERE stream_id = $1' : 'SELECT count(*)::int AS n FROM events',
    streamId ? [streamId] : [],
  );
  return row!.n;
};

/** Nothing left for the subscriptions to do: every checkpoint is at the last event. */
export async function settled(db: Db) {
  await eventually(
    () => db.query<{ behind: number }>(
      `SELECT count(*)::int AS behind FROM subscriptions s
       WHERE (s.checkpoint_transaction_id, s.checkpoint_position) <
             (SELECT transaction_id, global_position FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1)`,
    ),
    ([row]) => row!.behind === 0,
  );
}
