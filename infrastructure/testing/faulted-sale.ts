import { expect } from 'vitest';
import type { Db } from '../db/client';
import { poll } from '../poll';
import { checkInvariants } from './invariants';
import { eventually } from './recording-projection';
import type { Send } from './sale';

// What the fault tests share: a sale of one-seat orders through the API, struck mid-way, then checked.

export type Placed = { readonly orderId: string; readonly orderToken: string };

/**
 * `orders` one-seat orders of one seat type from `concurrency` registrants at once, every one
 * acknowledged. `strike` hears the running count and may start a fault mid-sale; the orders are
 * returned once every fault it started has run its course.
 */
export async function placeOneSeatOrders(
  send: Send,
  slug: string,
  seatTypeId: string,
  run: { orders: number; concurrency: number; strike: (count: number) => Promise<void> | undefined },
) {
  const placed: Placed[] = [];
  const faults: Promise<void>[] = [];
  const body = { seats: [{ seatTypeId, quantity: 1 }] };
  let tickets = 0;
  const registrant = async () => {
    while (tickets++ < run.orders) {
      const answer = await send('POST', `/conferences/${slug}/orders`, body);
      expect(answer.status).toBe(201);
      placed.push(answer.body as Placed);
      const fault = run.strike(placed.length);
      if (fault) faults.push(fault);
    }
  };
  await Promise.all(Array.from({ length: run.concurrency }, registrant));
  await Promise.all(faults);
  return placed;
}

/** How many of the orders hold their one seat, once every one has settled in its read model. */
export async function seatsHeld(send: Send, placed: readonly Placed[]): Promise<number> {
  const settled = await Promise.all(placed.map(({ orderId, orderToken }) =>
    eventually(() => send('GET', `/orders/${orderId}`, undefined, orderToken), (r) => r.status === 200 && r.body.status !== 'pending', 60_000)));
  return settled.filter((r) => (r.body.lines as { quantity: number }[])[0]!.quantity === 1).length;
}

/** Settled orders first, then the subscriptions reach the head: the invariants hold at last. */
export async function expectInvariantsHold(db: Db, placed: readonly Placed[]) {
  const { value: violations } = await poll(
    () => checkInvariants(db, { acknowledgedOrders: placed.map((p) => p.orderId) }),
    (report) => Object.values(report).every((list) => list.length === 0),
    { timeoutMs: 60_000 },
  );
  expect(Object.entries(violations).filter(([, list]) => list.length > 0)).toEqual([]);
}
