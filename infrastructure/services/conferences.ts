import { conference, type ConferenceDetails } from '@/domain/conference/conference';
import { loadAggregate, type HandleResult } from '../commands/handle';
import type { Db } from '../db/client';
import { conferenceStream, send } from '../commands/router';
import { commandContext, newAccessCode, newIdFor, type ServiceContext } from './context';
import { attempt, parse, refusal, type Outcome } from './result';
import { conferenceDetailsChangeSchema, conferenceDetailsSchema, idSchema, newConferenceSchema, seatTypeSchema } from './schemas';

export type Written = { readonly version: number };

/** What a command wrote, as a service tells it: the version read models will show. */
export const written = async (result: Promise<HandleResult>): Promise<Written> => ({ version: (await result).version });

/** Money is US dollars unless a conference says otherwise; every conference is created in it. */
export const defaultCurrency = 'USD';

export type CreatedConference = { conferenceId: string; slug: string; accessCode: string; version: number };

export async function createConference(context: ServiceContext, input: unknown): Promise<Outcome<CreatedConference>> {
  const parsed = parse(newConferenceSchema, input);
  if (!parsed.ok) return parsed;
  const { slug, ownerName, ownerEmail, ...details } = parsed.value;
  const conferenceId = newIdFor(context, 'conference');
  const accessCode = newAccessCode();
  // The slug is a set rule across streams: its row commits with the events or not at all.
  const claimSlug = async (tx: Db) => {
    await tx.query('INSERT INTO conference_slugs (slug, conference_id) VALUES ($1, $2)', [slug, conferenceId]);
  };
  return attempt(
    async () => {
      const result = await send(
        { type: 'CreateConference', data: { conferenceId, slug, ownerName, ownerEmail, accessCode, currency: defaultCurrency, ...details } },
        { ...commandContext(context), alsoWrite: claimSlug },
      );
      // A repeated request answers with what the first one created.
      const [created] = result.events;
      return { conferenceId, slug, accessCode: created?.type === 'ConferenceCreated' ? created.data.accessCode : accessCode, version: result.version };
    },
    { conference_slugs_pkey: refusal('SlugTaken', undefined, { slug: 'That slug is already taken.' }) },
  );
}

/** New details, whole (a form) or in part (the API): what is left out stays as it is. */
export async function updateConferenceDetails(context: ServiceContext, conferenceId: string, input: unknown): Promise<Outcome<Written>> {
  const change = parse(conferenceDetailsChangeSchema, input);
  if (!change.ok) return change;
  const current = await loadConference(context, conferenceId);
  if (current.status === 'none') return refusal('ConferenceNotFound');
  const details = parse(conferenceDetailsSchema, { ...current.details, ...definedOf(change.value) });
  if (!details.ok) return details;
  return attempt(() => written(send({ type: 'UpdateConferenceDetails', data: { conferenceId, ...details.value } }, commandContext(context))));
}

const definedOf = (change: Partial<ConferenceDetails>) =>
  Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));

export async function addSeatType(context: ServiceContext, conferenceId: string, input: unknown): Promise<Outcome<Written & { seatTypeId: string }>> {
  const seatType = parse(seatTypeSchema, input);
  if (!seatType.ok) return seatType;
  const seatTypeId = newIdFor(context, 'seat-type');
  return attempt(async () => {
    const { version } = await send({ type: 'AddSeatType', data: { conferenceId, seatTypeId, ...seatType.value } }, commandContext(context));
    return { seatTypeId, version };
  });
}

export async function updateSeatType(context: ServiceContext, conferenceId: string, seatTypeId: unknown, input: unknown): Promise<Outcome<Written>> {
  const id = parse(idSchema, seatTypeId);
  if (!id.ok) return refusal('SeatTypeNotFound');
  const seatType = parse(seatTypeSchema, input);
  if (!seatType.ok) return seatType;
  return attempt(() => written(send({ type: 'UpdateSeatType', data: { conferenceId, seatTypeId: id.value, ...seatType.value } }, commandContext(context))));
}

export async function removeSeatType(context: ServiceContext, conferenceId: string, seatTypeId: unknown): Promise<Outcome<Written>> {
  const id = parse(idSchema, seatTypeId);
  if (!id.ok) return refusal('SeatTypeNotFound');
  return attempt(() => written(send({ type: 'RemoveSeatType', data: { conferenceId, seatTypeId: id.value } }, commandContext(context))));
}

export async function setPublished(context: ServiceContext, conferenceId: string, published: boolean): Promise<Outcome<Written>> {
  const type = published ? 'PublishConference' : 'UnpublishConference';
  return attempt(() => written(send({ type, data: { conferenceId } }, commandContext(context))));
}

/** The authoritative conference (from its events, not a read model): what orders are priced on. */
export async function loadConference(context: { readonly db: Db }, conferenceId: string) {
  return (await loadAggregate(context.db, conference, conferenceStream(conferenceId))).state;
}
