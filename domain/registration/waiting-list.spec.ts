import { describe, it } from 'vitest';
import { given } from '../shared/testing';
import { waitingListEntry, type JoinWaitingList, type WaitingListJoined } from './waiting-list';

const person = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
const entry = { entryId: 'w-1', conferenceId: 'c-1' };
const join = (changes: Partial<JoinWaitingList['data']> = {}): JoinWaitingList => ({
  type: 'JoinWaitingList',
  data: { ...entry, ...person, seats: [{ seatTypeId: 'general', quantity: 2 }], conferencePublished: true, seatTypeIds: ['general', 'vip'], ...changes },
});
const joined: WaitingListJoined = { type: 'WaitingListJoined', data: { ...entry, ...person, seats: [{ seatTypeId: 'general', quantity: 2 }] } };

describe('joining the waiting list', () => {
  it('records who waits for which seats', () => given(waitingListEntry).when(join()).then([joined]));

  it('keeps one line per seat type, zero quantities left out', () =>
    given(waitingListEntry)
      .when(join({ seats: [{ seatTypeId: 'general', quantity: 1 }, { seatTypeId: 'vip', quantity: 0 }, { seatTypeId: 'general', quantity: 1 }] }))
      .then([joined]));

  it.each<[string, Partial<JoinWaitingList['data']>]>([
    ['NoSeatsSelected', { seats: [{ seatTypeId: 'general', quantity: 0 }] }],
    ['InvalidQuantity', { seats: [{ seatTypeId: 'general', quantity: -1 }] }],
    ['TooManySeats', { seats: [{ seatTypeId: 'general', quantity: 21 }] }],
    ['UnknownSeatType', { seats: [{ seatTypeId: 'ghost', quantity: 1 }] }],
    ['InvalidRegistrant', { email: 'not an address' }],
    ['InvalidRegistrant', { firstName: ' ' }],
    ['ConferenceNotPublished', { conferencePublished: false }],
  ])('refuses with %s', (code, changes) => given(waitingListEntry).when(join(changes)).thenThrows(code));

  it('refuses to join twice under one entry', () => given(waitingListEntry, [joined]).when(join()).thenThrows('WaitingListEntryExists'));
});
