import { unreachable, type Decider, type Message } from '../shared/decider';
import { eventTypes } from '../shared/event-types';
import { accessCodePattern } from '../shared/access-code';
import { conflict, notFound } from '../shared/errors';
import type { SeatQuantity } from '../shared/seats';
import {
  assertNoFieldErrors, fieldErrors, hasText, isCalendarDate, isEmail, isIntegerBetween, type FieldError,
} from '../shared/validation';
import { conferenceRules as rules, seatTypeRules } from './rules';

export type ConferenceDetails = Readonly<{
  name: string;
  tagline: string;
  location: string;
  description: string;
  startDate: string;
  endDate: string;
}>;
type Owned = Readonly<{ slug: string; ownerName: string; ownerEmail: string; accessCode: string; currency: string }>;
export type SeatTypeInput = Readonly<{ name: string; description: string; quantity: number; price: number }>;
type ConferenceRef = Readonly<{ conferenceId: string }>;
type SeatTypeRef = ConferenceRef & Readonly<{ seatTypeId: string }>;

export type CreateConference = Message<'CreateConference', ConferenceRef & ConferenceDetails & Owned>;
export type UpdateConferenceDetails = Message<'UpdateConferenceDetails', ConferenceRef & ConferenceDetails>;
export type AddSeatType = Message<'AddSeatType', SeatTypeRef & SeatTypeInput>;
export type UpdateSeatType = Message<'UpdateSeatType', SeatTypeRef & SeatTypeInput>;
export type RemoveSeatType = Message<'RemoveSeatType', SeatTypeRef>;
export type PublishConference = Message<'PublishConference', ConferenceRef>;
export type UnpublishConference = Message<'UnpublishConference', ConferenceRef>;
export type ConferenceCommand =
  | CreateConference | UpdateConferenceDetails | AddSeatType | UpdateSeatType | RemoveSeatType
  | PublishConference | UnpublishConference;

type Publication = Readonly<{ wasEverPublished: boolean }>;
export type ConferenceCreated = Message<'ConferenceCreated', CreateConference['data']>;
export type ConferenceDetailsUpdated = Message<'ConferenceDetailsUpdated', UpdateConferenceDetails['data']>;
export type SeatTypeAdded = Message<'SeatTypeAdded', SeatTypeRef & SeatTypeInput & Publication>;
export type SeatTypeUpdated = Message<
  'SeatTypeUpdated',
  SeatTypeRef & SeatTypeInput & Publication & Readonly<{ previousQuantity: number }>
>;
export type SeatTypeRemoved = Message<'SeatTypeRemoved', SeatTypeRef>;
export type ConferencePublished = Message<
  'ConferencePublished',
  ConferenceRef & Readonly<{ firstPublication: boolean; seatTypes: readonly SeatQuantity[] }>
>;
export type ConferenceUnpublished = Message<'ConferenceUnpublished', ConferenceRef>;
export type ConferenceEvent =
  | ConferenceCreated | ConferenceDetailsUpdated | SeatTypeAdded | SeatTypeUpdated | SeatTypeRemoved
  | ConferencePublished | ConferenceUnpublished;

/** The Conference events by name, all of them: readers of the feed use these. */
export const conferenceEvents = eventTypes<ConferenceEvent>()(
  'ConferenceCreated', 'ConferenceDetailsUpdated', 'SeatTypeAdded', 'SeatTypeUpdated', 'SeatTypeRemoved', 'ConferencePublished', 'ConferenceUnpublished',
);

export type SeatType = Readonly<{ seatTypeId: string }> & SeatTypeInput;
/** Details and seat types are kept so that repeating an edit can be recognised as a no-op. */
export type ConferenceState =
  | { readonly status: 'none' }
  | Readonly<{
      status: 'unpublished' | 'published';
      wasEverPublished: boolean;
      details: ConferenceDetails;
      seatTypes: readonly SeatType[];
    }>;
type Existing = Exclude<ConferenceState, { status: 'none' }>;

export function validateConferenceDetails(details: ConferenceDetails): FieldError[] {
  const { startDate, endDate } = details;
  const bothValid = isCalendarDate(startDate) && isCalendarDate(endDate);
  return fieldErrors({
    name: [hasText(details.name, rules.name), 'InvalidConferenceName'],
    tagline: [hasText(details.tagline, rules.tagline), 'InvalidTagline'],
    location: [hasText(details.location, rules.location), 'InvalidLocation'],
    description: [hasText(details.description, rules.description), 'InvalidDescription'],
    startDate: [isCalendarDate(startDate), 'InvalidStartDate'],
    endDate: bothValid
      ? [startDate <= endDate, 'EndDateBeforeStartDate']
      : [isCalendarDate(endDate), 'InvalidEndDate'],
  });
}

export function validateNewConference(input: ConferenceDetails & Owned): FieldError[] {
  return [
    ...fieldErrors({ slug: [rules.slug.pattern.test(input.slug), 'InvalidSlug'] }),
    ...validateConferenceDetails(input),
    ...fieldErrors({
      ownerName: [hasText(input.ownerName, rules.ownerName), 'InvalidOwnerName'],
      ownerEmail: [isEmail(input.ownerEmail), 'InvalidOwnerEmail'],
      accessCode: [accessCodePattern.test(input.accessCode), 'InvalidAccessCode'],
      currency: [/^[A-Z]{3}$/.test(input.currency), 'InvalidCurrency'],
    }),
  ];
}

export function validateSeatType(input: SeatTypeInput): FieldError[] {
  return fieldErrors({
    name: [hasText(input.name, seatTypeRules.name), 'InvalidSeatTypeName'],
    description: [hasText(input.description, seatTypeRules.description), 'InvalidSeatTypeDescription'],
    quantity: [isIntegerBetween(input.quantity, seatTypeRules.quantity), 'InvalidSeatTypeQuantity'],
    price: [isIntegerBetween(input.price, seatTypeRules.price), 'InvalidSeatTypePrice'],
  });
}

function existing(state: ConferenceState): Existing {
  if (state.status === 'none') throw notFound('ConferenceNotFound');
  return state;
}

function seatTypeIn(state: Existing, seatTypeId: string): SeatType {
  const seatType = state.seatTypes.find((candidate) => candidate.seatTypeId === seatTypeId);
  if (!seatType) throw notFound('SeatTypeNotFound');
  return seatType;
}

const sameSeatType = (a: SeatTypeInput, b: SeatTypeInput) =>
  a.name === b.name && a.description === b.description && a.quantity === b.quantity && a.price === b.price;

const sameDetails = (a: ConferenceDetails, b: ConferenceDetails) =>
  (Object.keys(a) as (keyof ConferenceDetails)[]).every((key) => a[key] === b[key]);

function create(command: CreateConference, state: ConferenceState): ConferenceEvent[] {
  if (state.status !== 'none') throw conflict('ConferenceAlreadyExists');
  assertNoFieldErrors(validateNewConference(command.data));
  return [{ type: 'ConferenceCreated', data: command.data }];
}

function updateDetails(command: UpdateConferenceDetails, state: ConferenceState): ConferenceEvent[] {
  const conference = existing(state);
  assertNoFieldErrors(validateConferenceDetails(command.data));
  if (sameDetails(conference.details, command.data)) return [];
  return [{ type: 'ConferenceDetailsUpdated', data: command.data }];
}

function addSeatType(command: AddSeatType, state: ConferenceState): ConferenceEvent[] {
  const conference = existing(state);
  assertNoFieldErrors(validateSeatType(command.data));
  const current = conference.seatTypes.find((seatType) => seatType.seatTypeId === command.data.seatTypeId);
  if (current && sameSeatType(current, command.data)) return [];
  if (current) throw conflict('SeatTypeAlreadyExists');
  const { wasEverPublished } = conference;
  return [{ type: 'SeatTypeAdded', data: { ...command.data, wasEverPublished } }];
}

function updateSeatType(command: UpdateSeatType, state: ConferenceState): ConferenceEvent[] {
  const conference = existing(state);
  const current = seatTypeIn(conference, command.data.seatTypeId);
  assertNoFieldErrors(validateSeatType(command.data));
  if (sameSeatType(current, command.data)) return [];
  const { wasEverPublished } = conference;
  const data = { ...command.data, previousQuantity: current.quantity, wasEverPublished };
  return [{ type: 'SeatTypeUpdated', data }];
}

function removeSeatType(command: RemoveSeatType, state: ConferenceState): ConferenceEvent[] {
  const conference = existing(state);
  seatTypeIn(conference, command.data.seatTypeId);
  // Seats of a published type may be reserved or sold: removing it would orphan them.
  if (conference.wasEverPublished) throw conflict('SeatTypeCannotBeRemoved');
  return [{ type: 'SeatTypeRemoved', data: command.data }];
}

function publish(command: PublishConference, state: ConferenceState): ConferenceEvent[] {
  const conference = existing(state);
  if (conference.status === 'published') return [];
  const seatTypes = conference.seatTypes.map(({ seatTypeId, quantity }) => ({ seatTypeId, quantity }));
  const firstPublication = !conference.wasEverPublished;
  return [{ type: 'ConferencePublished', data: { conferenceId: command.data.conferenceId, firstPublication, seatTypes } }];
}

function unpublish(command: UnpublishConference, state: ConferenceState): ConferenceEvent[] {
  if (existing(state).status === 'unpublished') return [];
  return [{ type: 'ConferenceUnpublished', data: command.data }];
}

function decide(command: ConferenceCommand, state: ConferenceState): readonly ConferenceEvent[] {
  switch (command.type) {
    case 'CreateConference': return create(command, state);
    case 'UpdateConferenceDetails': return updateDetails(command, state);
    case 'AddSeatType': return addSeatType(command, state);
    case 'UpdateSeatType': return updateSeatType(command, state);
    case 'RemoveSeatType': return removeSeatType(command, state);
    case 'PublishConference': return publish(command, state);
    case 'UnpublishConference': return unpublish(command, state);
    default: return unreachable(command);
  }
}

const detailsOf = ({ name, tagline, location, description, startDate, endDate }: ConferenceDetails) =>
  ({ name, tagline, location, description, startDate, endDate });

const seatTypeOf = ({ seatTypeId, name, description, quantity, price }: SeatType): SeatType =>
  ({ seatTypeId, name, description, quantity, price });

function evolveExisting(state: Existing, event: ConferenceEvent): ConferenceState {
  switch (event.type) {
    case 'ConferenceDetailsUpdated': return { ...state, details: detailsOf(event.data) };
    case 'SeatTypeAdded': return { ...state, seatTypes: [...state.seatTypes, seatTypeOf(event.data)] };
    case 'SeatTypeUpdated': return {
      ...state,
      seatTypes: state.seatTypes.map((seatType) =>
        seatType.seatTypeId === event.data.seatTypeId ? seatTypeOf(event.data) : seatType),
    };
    case 'SeatTypeRemoved': return {
      ...state,
      seatTypes: state.seatTypes.filter((seatType) => seatType.seatTypeId !== event.data.seatTypeId),
    };
    case 'ConferencePublished': return { ...state, status: 'published', wasEverPublished: true };
    case 'ConferenceUnpublished': return { ...state, status: 'unpublished' };
    default: return state;
  }
}

function evolve(state: ConferenceState, event: ConferenceEvent): ConferenceState {
  if (event.type === 'ConferenceCreated') {
    return { status: 'unpublished', wasEverPublished: false, details: detailsOf(event.data), seatTypes: [] };
  }
  return state.status === 'none' ? state : evolveExisting(state, event);
}

export const conference: Decider<ConferenceCommand, ConferenceEvent, ConferenceState> = {
  streamType: 'conference',
  initialState: { status: 'none' },
  evolve,
  decide,
};
