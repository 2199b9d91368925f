import { describe, it } from 'vitest';
import { given } from '../shared/testing';
import {
  conference, type ConferenceCommand, type ConferenceEvent, type CreateConference, type SeatTypeAdded,
} from './conference';

const conferenceId = 'c-1';
const details = {
  name: 'DDD Europe',
  tagline: 'Domain-driven design',
  location: 'Amsterdam',
  description: 'Three days of modelling.',
  startDate: '2026-06-10',
  endDate: '2026-06-12',
};
const createData: CreateConference['data'] = {
  conferenceId, ...details, slug: 'ddd-europe', ownerName: 'Ada', ownerEmail: 'ada@example.com',
  accessCode: 'K7Q2ZP', currency: 'EUR',
};
const create: ConferenceCommand = { type: 'CreateConference', data: createData };
const created: ConferenceEvent = { type: 'ConferenceCreated', data: createData };
const general = { conferenceId, seatTypeId: 'st-1', name: 'General', description: 'All talks', quantity: 100, price: 15000 };
const addGeneral: ConferenceCommand = { type: 'AddSeatType', data: general };
const generalAdded = (wasEverPublished = false): SeatTypeAdded =>
  ({ type: 'SeatTypeAdded', data: { ...general, wasEverPublished } });
const publish: ConferenceCommand = { type: 'PublishConference', data: { conferenceId } };
const published = (firstPublication: boolean, quantity = 100): ConferenceEvent => ({
  type: 'ConferencePublished',
  data: { conferenceId, firstPublication, seatTypes: [{ seatTypeId: 'st-1', quantity }] },
});
const unpublish: ConferenceCommand = { type: 'UnpublishConference', data: { conferenceId } };
const unpublished: ConferenceEvent = { type: 'ConferenceUnpublished', data: { conferenceId } };
const updateGeneral = (changes: Partial<typeof general>): ConferenceCommand =>
  ({ type: 'UpdateSeatType', data: { ...general, ...changes } });
const removeGeneral: ConferenceCommand = { type: 'RemoveSeatType', data: { conferenceId, seatTypeId: 'st-1' } };

describe('given no conference', () => {
  it('creates it', () => given(conference).when(create).then([created]));

  it.each([
    ['InvalidConferenceName', { name: '' }],
    ['InvalidConferenceName', { name: 'x'.repeat(101) }],
    ['InvalidSlug', { slug: 'DDD Europe' }],
    ['InvalidSlug', { slug: 'dd' }],
    ['InvalidLocation', { location: '  ' }],
    ['InvalidDescription', { description: '' }],
    ['InvalidDescription', { description: 'x'.repeat(2001) }],
    ['InvalidTagline', { tagline: 'x'.repeat(201) }],
    ['InvalidStartDate', { startDate: '2026-02-30' }],
    ['InvalidEndDate', { endDate: '12/06/2026' }],
    ['EndDateBeforeStartDate', { endDate: '2026-06-09' }],
    ['InvalidOwnerName', { ownerName: '' }],
    ['InvalidOwnerEmail', { ownerEmail: 'ada-at-example.com' }],
    ['InvalidCurrency', { currency: 'eur' }],
  ])('refuses %s', (code, change) =>
    given(conference).when({ type: 'CreateConference', data: { ...createData, ...change } }).thenThrows(code));

  it('accepts an empty tagline and a one-day conference', () => {
    const data = { ...createData, tagline: '', endDate: details.startDate };
    given(conference).when({ type: 'CreateConference', data }).then([{ type: 'ConferenceCreated', data }]);
  });

  it.each<ConferenceCommand>([addGeneral, publish, unpublish, removeGeneral, updateGeneral({})])(
    'refuses $type with ConferenceNotFound',
    (command) => given(conference).when(command).thenThrows('ConferenceNotFound'),
  );
});

describe('given a created conference', () => {
  it('refuses to create it again', () => given(conference, [created]).when(create).thenThrows('ConferenceAlreadyExists'));

  it('updates its details', () => {
    const data = { conferenceId, ...details, location: 'Antwerp' };
    given(conference, [created]).when({ type: 'UpdateConferenceDetails', data })
      .then([{ type: 'ConferenceDetailsUpdated', data }]);
  });

  it('ignores identical details', () =>
    given(conference, [created]).when({ type: 'UpdateConferenceDetails', data: { conferenceId, ...details } }).then([]));

  it('refuses details ending before they start', () =>
    given(conference, [created])
      .when({ type: 'UpdateConferenceDetails', data: { conferenceId, ...details, startDate: '2026-07-01' } })
      .thenThrows('EndDateBeforeStartDate'));

  it('adds a seat type, never published', () => given(conference, [created]).when(addGeneral).then([generalAdded()]));

  it.each([
    ['InvalidSeatTypeName', { name: 'A' }],
    ['InvalidSeatTypeName', { name: 'x'.repeat(71) }],
    ['InvalidSeatTypeDescription', { description: 'x'.repeat(251) }],
    ['InvalidSeatTypeQuantity', { quantity: -1 }],
    ['InvalidSeatTypeQuantity', { quantity: 100_001 }],
    ['InvalidSeatTypeQuantity', { quantity: 1.5 }],
    ['InvalidSeatTypePrice', { price: 5_000_001 }],
    ['InvalidSeatTypePrice', { price: 10.5 }],
  ])('refuses a seat type with %s', (code, change) =>
    given(conference, [created]).when({ type: 'AddSeatType', data: { ...general, ...change } }).thenThrows(code));

  it('publishes it for the first time with no seat types', () =>
    given(conference, [created]).when(publish)
      .then([{ type: 'ConferencePublished', data: { conferenceId, firstPublication: true, seatTypes: [] } }]));

  it('ignores unpublishing it', () => given(conference, [created]).when(unpublish).then([]));
});

describe('given an unpublished conference with a seat type', () => {
  const history = [created, generalAdded()];

  it('ignores the same seat type added again', () => given(conference, history).when(addGeneral).then([]));

  it('refuses a different seat type with the same id', () =>
    given(conference, history).when({ type: 'AddSeatType', data: { ...general, price: 1 } })
      .thenThrows('SeatTypeAlreadyExists'));

  it('updates it, reporting the previous quantity', () =>
    given(conference, history).when(updateGeneral({ quantity: 80, price: 12000 })).then([{
      type: 'SeatTypeUpdated',
      data: { ...general, quantity: 80, price: 12000, previousQuantity: 100, wasEverPublished: false },
    }]));

  it('ignores an identical update', () => given(conference, history).when(updateGeneral({})).then([]));

  it('refuses to update an unknown seat type', () =>
    given(conference, history).when(updateGeneral({ seatTypeId: 'st-9' })).thenThrows('SeatTypeNotFound'));

  it('removes it', () =>
    given(conference, history).when(removeGeneral).then([{ type: 'SeatTypeRemoved', data: removeGeneral.data }]));

  it('refuses to remove an unknown seat type', () =>
    given(conference, history).when({ type: 'RemoveSeatType', data: { conferenceId, seatTypeId: 'st-9' } })
      .thenThrows('SeatTypeNotFound'));

  it('publishes every seat type with its quantity', () =>
    given(conference, history).when(publish).then([published(true)]));
});

describe('given a published conference', () => {
  const history = [created, generalAdded(), published(true)];

  it('ignores publishing it again', () => given(conference, history).when(publish).then([]));

  it('unpublishes it', () => given(conference, history).when(unpublish).then([unpublished]));

  it('adds a seat type marked as added after publication', () => {
    const vip = { ...general, seatTypeId: 'st-2', name: 'VIP' };
    given(conference, history).when({ type: 'AddSeatType', data: vip })
      .then([{ type: 'SeatTypeAdded', data: { ...vip, wasEverPublished: true } }]);
  });

  it('updates a seat type marked as edited after publication', () =>
    given(conference, history).when(updateGeneral({ quantity: 120 })).then([{
      type: 'SeatTypeUpdated',
      data: { ...general, quantity: 120, previousQuantity: 100, wasEverPublished: true },
    }]));

  it('refuses to remove a seat type', () =>
    given(conference, history).when(removeGeneral).thenThrows('SeatTypeCannotBeRemoved'));
});

describe('given a conference unpublished after publication', () => {
  const updated = (quantity: number): ConferenceEvent => ({
    type: 'SeatTypeUpdated',
    data: { ...general, quantity, previousQuantity: 100, wasEverPublished: true },
  });
  const history = [created, generalAdded(), published(true), unpublished];

  it('republishes it, not for the first time, with current quantities', () =>
    given(conference, [...history, updated(90)]).when(publish).then([published(false, 90)]));

  it('still refuses to remove a seat type', () =>
    given(conference, history).when(removeGeneral).thenThrows('SeatTypeCannotBeRemoved'));

  it('marks an edited seat type as edited after publication', () =>
    given(conference, history).when(updateGeneral({ quantity: 50 })).then([updated(50)]));
});
