import { conferenceEvents, type ConferenceEvent, type SeatType } from '@/domain/conference/conference';
import type { StoredEvent } from '../event-store/types';
import { documentSubscription, type DocumentProjection } from './document-projection';

export type ConferenceDoc = {
  readonly version: number;
  readonly conferenceId: string;
  readonly slug: string;
  readonly name: string;
  readonly tagline: string;
  readonly location: string;
  readonly description: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly currency: string;
  readonly ownerName: string;
  readonly ownerEmail: string;
  readonly accessCode: string;
  readonly published: boolean;
  readonly wasEverPublished: boolean;
  readonly seatTypes: readonly SeatType[];
};

function upsertSeatType(seatTypes: readonly SeatType[], seatType: SeatType): SeatType[] {
  const others = seatTypes.filter((s) => s.seatTypeId !== seatType.seatTypeId);
  const index = seatTypes.findIndex((s) => s.seatTypeId === seatType.seatTypeId);
  if (index < 0) return [...others, seatType];
  return [...others.slice(0, index), seatType, ...others.slice(index)];
}

export function evolveConference(doc: ConferenceDoc | null, event: StoredEvent<ConferenceEvent>): ConferenceDoc | null {
  const version = event.streamPosition;
  if (event.type === 'ConferenceCreated') {
    const { conferenceId, slug, ownerName, ownerEmail, accessCode, currency, ...details } = event.data;
    return {
      version, conferenceId, slug, ownerName, ownerEmail, accessCode, currency, ...details,
      published: false, wasEverPublished: false, seatTypes: [],
    };
  }
  if (!doc) return null;
  switch (event.type) {
    case 'ConferenceDetailsUpdated': {
      const { conferenceId: _id, ...details } = event.data;
      return { ...doc, ...details, version };
    }
    case 'SeatTypeAdded':
    case 'SeatTypeUpdated': {
      const { seatTypeId, name, description, quantity, price } = event.data;
      return { ...doc, version, seatTypes: upsertSeatType(doc.seatTypes, { seatTypeId, name, description, quantity, price }) };
    }
    case 'SeatTypeRemoved':
      return { ...doc, version, seatTypes: doc.seatTypes.filter((s) => s.seatTypeId !== event.data.seatTypeId) };
    case 'ConferencePublished':
      return { ...doc, version, published: true, wasEverPublished: true };
    case 'ConferenceUnpublished':
      return { ...doc, version, published: false };
  }
}

export const conferencesProjection: DocumentProjection<ConferenceDoc> = {
  name: 'conferences',
  table: 'rm_conferences',
  keyColumn: 'conference_id',
  columns: { slug: 'text', published: 'boolean', owner_email: 'text' },
  columnsOf: (doc) => ({ slug: doc.slug, published: doc.published, owner_email: doc.ownerEmail.toLowerCase() }),
  eventTypes: conferenceEvents.names,
  keyOf: (event) => (conferenceEvents.is(event) ? event.data.conferenceId : null),
  evolve: (doc, event) => (conferenceEvents.is(event) ? evolveConference(doc, event) : doc),
};

export const conferencesSubscription = documentSubscription(conferencesProjection);
