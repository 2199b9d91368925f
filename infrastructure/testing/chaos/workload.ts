import { conferenceStream, orderStream, paymentStream, seatAssignmentsStream, waitingListEntryStream } from '../../commands/router';
import { poll } from '../../poll';
import type { Acknowledged } from '../resilient-client';
import type { Sale, Send } from '../sale';
import type { Random } from './random';


/** A command the API acknowledged, and the stream version it said it wrote. */
export type Ack = { readonly command: string; readonly stream: string; readonly version: number };

/** What the drivers saw: commands acknowledged, orders placed, allocation samples taken. */
export type Log = {
  readonly acks: Ack[];
  readonly orders: string[];
  samples: number;
  /** Samples where reserved + sold passed the quota of a seat type whose quota was never lowered. */
  readonly oversoldSamples: string[];
  readonly refusals: Record<string, number>;
};

export const emptyLog = (): Log => ({ acks: [], orders: [], samples: 0, oversoldSamples: [], refusals: {} });

const acknowledge = (log: Log, command: string, stream: string, answer: Acknowledged) => {
  if (answer.status >= 200 && answer.status < 300) log.acks.push({ command, stream, version: answer.body.version as number });
  else log.refusals[`${command} ${answer.status}`] = (log.refusals[`${command} ${answer.status}`] ?? 0) + 1;
  return answer.status >= 200 && answer.status < 300;
};

type Order = { orderId: string; orderToken: string };
const settledOrder = (send: Send, { orderId, orderToken }: Order) =>
  poll(() => send('GET', `/orders/${orderId}`, undefined, orderToken), (r) => r.status === 200 && r.body.status !== 'pending', { timeoutMs: 120_000, everyMs: 100 });

/**
 * One registrant: places an order, waits for it to settle, then pays (now and then the payment is
 * rejected), changes seats, or walks away and lets the reservation expire; a paid order seats
 * its attendee. One who got no seat may join the waiting list (its offers lapse unpaid, passing
 * the seats on down the line).
 */
export async function registrant(send: Send, sale: Sale, random: Random, log: Log): Promise<void> {
  const seats = [{ seatTypeId: random.pick(sale.seatTypes).seatTypeId, quantity: random.between(1, 3) }];
  const placed = await send('POST', `/conferences/${sale.slug}/orders`, { seats });
  if (placed.status !== 201) return void acknowledge(log, 'PlaceOrder', '', placed);
  const order = placed.body as Order;
  log.orders.push(order.orderId);
  acknowledge(log, 'PlaceOrder', orderStream(order.orderId), placed);
  const settled = await settledOrder(send, order);
  const held = (settled.value.body.lines as { quantity: number }[] | undefined)?.some((line) => line.quantity > 0);
  if (!settled.done) return;
  if (!held) {
    if (random.next() < 0.5) await joinWaitingList(send, sale, seats, log, order.orderId);
    return;
  }
  const path = `/orders/${order.orderId}`;
  const choice = random.next();
  if (choice < 0.15) {
    const change = [{ seatTypeId: random.pick(sale.seatTypes).seatTypeId, quantity: random.between(1, 2) }];
    acknowledge(log, 'UpdateOrderSeats', orderStream(order.orderId), await send('PUT', `${path}/seats`, { seats: change }, order.orderToken));
    return;
  }
  if (choice < 0.45) return; // walks away: the reservation expires
  const registrantDetails = { firstName: 'Chaos', lastName: `Registrant ${order.orderId.slice(-6)}`, email: `r-${order.orderId.slice(-12)}@example.com` };
  if (!acknowledge(log, 'AssignRegistrant', orderStream(order.orderId), await send('PUT', `${path}/registrant`, registrantDetails, order.orderToken))) return;
  const checkout = await send('POST', `${path}/checkout`, undefined, order.orderToken);
  if (!acknowledge(log, 'Checkout', orderStream(order.orderId), checkout)) return;
  const paymentId = checkout.body.paymentId as string | null;
  if (paymentId) {
    const outcome = choice < 0.55 ? 'reject' : 'accept';
    acknowledge(log, `${outcome} payment`, paymentStream(paymentId), await send('POST', `/payments/${paymentId}/${outcome}`, undefined, order.orderToken));
    if (outcome === 'reject') return;
  }
  const confirmed = await poll(() => send('GET', `${path}/attendees`, undefined, order.orderToken), (r) => r.status === 200, { timeoutMs: 120_000, everyMs: 200 });
  if (!confirmed.done) return;
  const attendee = { firstName: 'Chaos', lastName: 'Attendee', email: `a-${order.orderId.slice(-12)}@example.com` };
  acknowledge(log, 'AssignSeat', seatAssignmentsStream(order.orderId), await send('PUT', `${path}/attendees/0`, attendee, order.orderToken));
}

async function joinWaitingList(send: Send, sale: Sale, seats: readonly { seatTypeId: string; quantity: number }[], log: Log, who: string) {
  const person = { firstName: 'Chaos', lastName: `Waiting ${who.slice(-6)}`, email: `w-${who.slice(-12)}@example.com` };
  const joined = await send('POST', `/conferences/${sale.slug}/waiting-list`, { ...person, seats });
  acknowledge(log, 'JoinWaitingList', joined.status === 201 ? waitingListEntryStream(joined.body.entryId as string) : '', joined);
}

/**
 * The organizer changes a quota mid-rush: the first seat type's only grows, so every sample of
 * it must be within its quota; the others' may also shrink, below what is taken even.
 */
export async function changeQuota(send: Send, sale: Sale, random: Random, log: Log, quotas: number[]): Promise<void> {
  const index = random.between(0, sale.seatTypes.length - 1);
  const seatType = sale.seatTypes[index]!;
  const quantity = Math.max(1, quotas[index]! + random.between(index === 0 ? 1 : -10, 20));
  const answer = await send('PUT', `/organizer/conferences/${sale.slug}/seat-types/${seatType.seatTypeId}`, { name: seatType.name, description: '', quantity, price: seatType.price }, sale.token);
  if (acknowledge(log, 'UpdateSeatType', conferenceStream(sale.conferenceId), answer)) quotas[index] = quantity;
}

type Allocation = { seatTypes: { seatTypeId: string; quota: number; reserved: number; sold: number }[] };

/** A look at the allocation as the organizer sees it: reserved + sold within the quota, unless the quota was ever lowered. */
export async function sampleAllocation(send: Send, sale: Sale, log: Log, everLowered: (seatTypeId: string) => boolean): Promise<void> {
  const answer = await send('GET', `/organizer/conferences/${sale.slug}/allocation`, undefined, sale.token);
  if (answer.status !== 200) return;
  log.samples++;
  for (const row of (answer.body as Allocation).seatTypes) {
    if (row.reserved + row.sold > row.quota && !everLowered(row.seatTypeId)) {
      log.oversoldSamples.push(`${row.seatTypeId}: ${row.reserved} + ${row.sold} > ${row.quota}`);
    }
  }
}

/** Every acknowledged command's version is in its stream: nothing acknowledged was lost. */
export async function lostAcks(query: (text: string, params: unknown[]) => Promise<{ stream: string; version: number; found: boolean }[]>, acks: readonly Ack[]) {
  const rows = await query(
    `SELECT a.stream, a.version, EXISTS (SELECT 1 FROM events e WHERE e.stream_id = a.stream AND e.stream_position = a.version) AS found
     FROM unnest($1::text[], $2::int[]) AS a(stream, version)`,
    [acks.map((a) => a.stream), acks.map((a) => a.version)],
  );
  return rows.filter((row) => !row.found).map((row) => `${row.stream} v${row.version}`);
}
