import { describe, expect, it } from 'vitest';
import type { Message } from '@/domain/shared/decider';
import type { StoredEvent } from '../event-store/types';
import { conferencesProjection } from './conferences';
import { foldDocuments, type VersionedDoc } from './document-projection';
import { ordersProjection } from './orders';
import { promoCodesProjection } from './promo-codes';
import { evolveAllocation, seatAllocationProjection, type AllocationDoc } from './seat-allocation';
import { seatAssignmentsProjection } from './seat-assignments';

let position = 0;
function stored(streamId: string, streamPosition: number, message: Message): StoredEvent {
  position++;
  return {
    ...message,
    eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    streamId,
    streamPosition,
    globalPosition: String(position),
    transactionId: String(position),
    schemaVersion: 1,
    metadata: { commandId: null, correlationId: 'c', causationId: null, actor: 'test', recordedAt: '2030-01-01T00:00:00.000Z' },
    recordedAt: new Date('2030-01-01T00:00:00.000Z'),
  };
}

const conferenceId = 'conf-1';
const seat = (seatTypeId: string, quantity: number) => ({ seatTypeId, quantity });
const conferenceEvents = [
  stored('conference-conf-1', 1, {
    type: 'ConferenceCreated',
    data: { conferenceId, name: 'Summit', slug: 'summit', tagline: '', location: 'Here', description: 'Talks', startDate: '2030-01-10', endDate: '2030-01-11', ownerName: 'Olga', ownerEmail: 'Olga@Example.com', accessCode: 'ABC123', currency: 'USD' },
  }),
  stored('conference-conf-1', 2, { type: 'SeatTypeAdded', data: { conferenceId, seatTypeId: 'ga', name: 'General', description: '', quantity: 10, price: 19_900, wasEverPublished: false } }),
  stored('conference-conf-1', 3, { type: 'ConferencePublished', data: { conferenceId, firstPublication: true, seatTypes: [seat('ga', 10)] } }),
];
const availabilityEvents = [
  stored('seats-availability-conf-1', 1, { type: 'AvailableSeatsChanged', data: { conferenceId, seats: [seat('ga', 10)] } }),
  stored('seats-availability-conf-1', 2, { type: 'SeatsReserved', data: { conferenceId, reservationId: 'o1', requestId: 'r1', details: [seat('ga', 4)], availableSeatsChanged: [seat('ga', -4)] } }),
  stored('seats-availability-conf-1', 3, { type: 'SeatsReserved', data: { conferenceId, reservationId: 'o2', requestId: 'r2', details: [seat('ga', 3)], availableSeatsChanged: [seat('ga', -3)] } }),
  stored('seats-availability-conf-1', 4, { type: 'SeatsReservationCommitted', data: { conferenceId, reservationId: 'o1', seats: [seat('ga', 4)] } }),
  stored('seats-availability-conf-1', 5, { type: 'SeatsReservationCancelled', data: { conferenceId, reservationId: 'o2', availableSeatsChanged: [seat('ga', 3)] } }),
];

function fold<Doc extends VersionedDoc>(projection: Parameters<typeof foldDocuments<Doc>>[0], events: StoredEvent[]) {
  const docs = new Map<string, Doc | null>();
  foldDocuments(projection, docs, events);
  return docs;
}

describe('the conferences read model', () => {
  it('holds the public details, seat types and published flag at the stream version', () => {
    const doc = fold(conferencesProjection, conferenceEvents).get(conferenceId)!;
    expect(doc).toMatchObject({ version: 3, slug: 'summit', published: true, seatTypes: [{ seatTypeId: 'ga', quantity: 10, price: 19_900 }] });
    expect(conferencesProjection.columnsOf(doc)).toEqual({ slug: 'summit', published: true, owner_email: 'olga@example.com' });
  });
});

describe('the seat allocation read model', () => {
  const allocation = (events: StoredEvent[]) => events.reduce<AllocationDoc | null>(evolveAllocation, null);

  it('counts quota, reserved, sold and available per seat type', () => {
    expect(allocation([...conferenceEvents, ...availabilityEvents.slice(0, 3)])!.seatTypes).toEqual([
      { seatTypeId: 'ga', name: 'General', quota: 10, reserved: 7, sold: 0, available: 3 },
    ]);
  });

  it('moves committed seats to sold and cancelled ones back to available', () => {
    const doc = allocation([...conferenceEvents, ...availabilityEvents])!;
    expect(doc.version).toBe(5);
    expect(doc.seatTypes).toEqual([{ seatTypeId: 'ga', name: 'General', quota: 10, reserved: 0, sold: 4, available: 6 }]);
  });

  it('gives the same rows when the same events are delivered twice', () => {
    const docs = new Map<string, AllocationDoc | null>();
    const events = [...conferenceEvents, ...availabilityEvents];
    foldDocuments(seatAllocationProjection, docs, events);
    const once = structuredClone(docs.get(conferenceId));
    expect(foldDocuments(seatAllocationProjection, docs, events)).toEqual(new Set());
    expect(docs.get(conferenceId)).toEqual(once);
    expect(once?.seatTypes).toEqual([{ seatTypeId: 'ga', name: 'General', quota: 10, reserved: 0, sold: 4, available: 6 }]);
  });
});

describe('the orders read model', () => {
  const orderEvents = [
    stored('order-o1', 1, { type: 'OrderPlaced', data: { orderId: 'o1', conferenceId, seats: [seat('ga', 4)], reservationExpiresAt: '2030-01-01T00:15:00.000Z', accessCode: 'K7M3QP', currency: 'USD' } }),
    stored('order-o1', 2, { type: 'OrderTotalsCalculated', data: { orderId: 'o1', lines: [{ seatTypeId: 'ga', name: 'General', quantity: 4, unitPrice: 19_900, lineTotal: 79_600 }], total: 79_600, isFreeOfCharge: false } }),
    stored('order-o1', 3, { type: 'OrderPartiallyReserved', data: { orderId: 'o1', conferenceId, seats: [seat('ga', 2)], reservationExpiresAt: '2030-01-01T00:15:00.000Z' } }),
    stored('payment-p1', 1, { type: 'PaymentInitiated', data: { paymentId: 'p1', orderId: 'o1', conferenceId, amount: 39_800, currency: 'USD', description: '' } }),
    stored('order-o1', 4, { type: 'OrderPaymentStarted', data: { orderId: 'o1', paymentId: 'p1', amount: 39_800 } }),
  ];
  const stray = [
    stored('payment-p2', 1, { type: 'PaymentInitiated', data: { paymentId: 'p2', orderId: 'o1', conferenceId, amount: 39_800, currency: 'USD', description: '' } }),
    stored('payment-p2', 2, { type: 'PaymentCompleted', data: { paymentId: 'p2', orderId: 'o1', conferenceId, amount: 39_800 } }),
  ];

  it('is pending until the reservation settles, then partially reserved with its open payment', () => {
    expect(fold(ordersProjection, orderEvents.slice(0, 2)).get('o1')).toMatchObject({ status: 'pending', version: 2, total: 79_600 });
    expect(fold(ordersProjection, orderEvents).get('o1')).toMatchObject({
      status: 'partiallyReserved',
      version: 4,
      reserved: [seat('ga', 2)],
      payment: { paymentId: 'p1', status: 'initiated', amount: 39_800, version: 1, open: true },
    });
  });

  it('shows only the payment the order took, never another one for it', () => {
    expect(fold(ordersProjection, [...orderEvents, ...stray]).get('o1')).toEqual(fold(ordersProjection, orderEvents).get('o1'));
  });

  it('shows a rejected payment that the order released', () => {
    const rejected = [
      stored('payment-p1', 2, { type: 'PaymentRejected', data: { paymentId: 'p1', orderId: 'o1', conferenceId } }),
      stored('order-o1', 5, { type: 'OrderPaymentReleased', data: { orderId: 'o1', paymentId: 'p1' } }),
    ];
    expect(fold(ordersProjection, [...orderEvents, ...rejected]).get('o1')).toMatchObject({
      version: 5,
      payment: { paymentId: 'p1', status: 'rejected', version: 2, open: false },
    });
  });
});

describe('the seat assignments read model', () => {
  const created = stored('seat-assignments-o1', 1, {
    type: 'SeatAssignmentsCreated', data: { orderId: 'o1', positions: [{ position: 0, seatTypeId: 'ga' }, { position: 1, seatTypeId: 'ga' }] },
  });
  const ada = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
  const assigned = stored('seat-assignments-o1', 2, { type: 'SeatAssigned', data: { orderId: 'o1', position: 1, seatTypeId: 'ga', attendee: ada } });
  const renamed = stored('seat-assignments-o1', 3, {
    type: 'SeatAssignmentUpdated', data: { orderId: 'o1', position: 1, seatTypeId: 'ga', attendee: { ...ada, lastName: 'King' } },
  });
  const unassigned = stored('seat-assignments-o1', 4, { type: 'SeatUnassigned', data: { orderId: 'o1', position: 1, seatTypeId: 'ga', email: ada.email } });

  it('has one row per seat, unassigned until an attendee is assigned, then updated', () => {
    expect(fold(seatAssignmentsProjection, [created, assigned, renamed]).get('o1')).toMatchObject({
      version: 3,
      orderId: 'o1',
      seats: [
        { position: 0, seatTypeId: 'ga', attendee: null },
        { position: 1, seatTypeId: 'ga', attendee: { ...ada, lastName: 'King' } },
      ],
    });
  });

  it('empties a seat that is unassigned', () => {
    expect(fold(seatAssignmentsProjection, [created, assigned, unassigned]).get('o1')?.seats[1]).toEqual({ position: 1, seatTypeId: 'ga', attendee: null });
  });

  it('ignores events of an order it never saw created', () => {
    expect(fold(seatAssignmentsProjection, [assigned]).get('o1') ?? null).toBeNull();
  });
});

describe('the promo codes read model', () => {
  const added = (code: string, uses: number | null, streamPosition: number) => stored('promo-codes-conf-1', streamPosition, {
    type: 'PromoCodeAdded', data: { conferenceId, code, discountType: 'percent', discount: 10, seatTypeId: null, uses },
  });
  const use = (type: 'PromoCodeUseReserved' | 'PromoCodeUseReleased', orderId: string, streamPosition: number) =>
    stored('promo-codes-conf-1', streamPosition, { type, data: { conferenceId, code: 'ONCE', orderId } });

  it('lists the codes in the order they were added, counting the orders that hold a use', () => {
    const events = [added('ONCE', 1, 1), added('ALWAYS', null, 2), use('PromoCodeUseReserved', 'o1', 3), use('PromoCodeUseReleased', 'o1', 4),
      use('PromoCodeUseReserved', 'o2', 5)];
    expect(fold(promoCodesProjection, events).get(conferenceId)).toMatchObject({
      version: 5,
      codes: [
        { code: 'ONCE', uses: 1, used: 1 },
        { code: 'ALWAYS', uses: null, used: 0 },
      ],
    });
  });
});
