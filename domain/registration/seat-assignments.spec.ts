import { describe, it } from 'vitest';
import { given } from '../shared/testing';
import { seatAssignments, type SeatAssignmentsCommand, type SeatAssignmentsEvent } from './seat-assignments';

const orderId = 'o-1';
const ada = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
const grace = { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' };
const created: SeatAssignmentsEvent = {
  type: 'SeatAssignmentsCreated',
  data: { orderId, positions: [{ position: 0, seatTypeId: 'general' }, { position: 1, seatTypeId: 'general' }, { position: 2, seatTypeId: 'vip' }] },
};
const assign = (position: number, attendee: typeof ada): SeatAssignmentsCommand =>
  ({ type: 'AssignSeat', data: { orderId, position, attendee } });
const unassign = (position: number): SeatAssignmentsCommand => ({ type: 'UnassignSeat', data: { orderId, position } });
const seat = (position: number) => ({ orderId, position, seatTypeId: position < 2 ? 'general' : 'vip' });
const assigned = (position: number, attendee: typeof ada): SeatAssignmentsEvent =>
  ({ type: 'SeatAssigned', data: { ...seat(position), attendee } });

describe('given no seat assignments', () => {
  it('creates one position per purchased seat, in order', () =>
    given(seatAssignments).when({
      type: 'CreateSeatAssignments',
      data: { orderId, seats: [{ seatTypeId: 'general', quantity: 2 }, { seatTypeId: 'workshop', quantity: 0 }, { seatTypeId: 'vip', quantity: 1 }] },
    }).then([created]));

  it('refuses to assign a seat', () => given(seatAssignments).when(assign(0, ada)).thenThrows('SeatAssignmentsNotFound'));
});

describe('given seat assignments with empty seats', () => {
  it('ignores creating them again', () =>
    given(seatAssignments, [created]).when({ type: 'CreateSeatAssignments', data: { orderId, seats: [{ seatTypeId: 'general', quantity: 5 }] } })
      .then([]));

  it('assigns a seat', () => given(seatAssignments, [created]).when(assign(2, ada)).then([assigned(2, ada)]));

  it.each([3, -1, 0.5])('refuses unknown position %s', (position) =>
    given(seatAssignments, [created]).when(assign(position, ada)).thenThrows('UnknownSeatPosition'));

  it.each([{ firstName: '' }, { lastName: ' ' }, { email: 'ada.example.com' }])('refuses attendee %o', (change) =>
    given(seatAssignments, [created]).when(assign(0, { ...ada, ...change })).thenThrows('InvalidAttendee'));

  it('ignores unassigning an empty seat', () => given(seatAssignments, [created]).when(unassign(1)).then([]));
});

describe('given an assigned seat', () => {
  const history = [created, assigned(0, ada)];

  it('ignores the identical attendee', () => given(seatAssignments, history).when(assign(0, ada)).then([]));

  it('updates the name when the e-mail is the same, whatever its case', () => {
    const renamed = { ...ada, firstName: 'Augusta', email: 'ADA@example.com' };
    given(seatAssignments, history).when(assign(0, renamed))
      .then([{ type: 'SeatAssignmentUpdated', data: { ...seat(0), attendee: renamed } }]);
  });

  it('unassigns the previous attendee when another e-mail takes the seat', () =>
    given(seatAssignments, history).when(assign(0, grace)).then([
      { type: 'SeatUnassigned', data: { ...seat(0), email: ada.email } },
      assigned(0, grace),
    ]));

  it('unassigns it', () =>
    given(seatAssignments, history).when(unassign(0))
      .then([{ type: 'SeatUnassigned', data: { ...seat(0), email: ada.email } }]));

  it('leaves the other seats empty', () => given(seatAssignments, history).when(unassign(1)).then([]));
});

describe('given an unassigned seat', () => {
  const history = [created, assigned(0, ada), { type: 'SeatUnassigned', data: { ...seat(0), email: ada.email } } as const];

  it('assigns it afresh', () => given(seatAssignments, history).when(assign(0, ada)).then([assigned(0, ada)]));
});
