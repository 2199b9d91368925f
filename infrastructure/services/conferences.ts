import { conference } from '@/domain/conference/conference';
import { send, conferenceStream } from '../commands/router';
import { uniqueViolation } from '../db/errors';
import { commandContext, newAccessCode, newIdFor, type ServiceContext } from './context';
import { parseInput, ValidationError } from './errors';
import { conferenceDetailsSchema, idSchema, newConferenceSchema, seatTypeSchema } from './schemas';
import { loadAggregate } from '../commands/handle';

export type Written = { readonly version: number };

/** Money is US dollars unless a conference says otherwise; every conference is created in it. */
export const defaultCurrency = 'USD';

export async function createConference(context: ServiceContext, input: unknown) {
  const { slug, ownerName, ownerEmail, ...details } = parseInput(newConferenceSchema, input);
  const conferenceId = newIdFor(context, 'conference');
  const accessCode = newAccessCode();
  try {
    const result = await send(
      {
        type: 'CreateConference',
        data: { conferenceId, slug, ownerName, ownerEmail, accessCode, currency: defaultCurrency, ...details },
      },
      {
        ...commandContext(context),
        // The slug is a set rule across streams: its row commits with the events or not at all.
        alsoWrite: async (tx) => {
          await tx.query('INSERT INTO conference_slugs (slug, conference_id) VALUES ($1, $2)', [slug, conferenceId]);
        },
      },
    );
    const created = result.events[0]?.data as { conferenceId: string; accessCode: string } | undefined;
    return {
      conferenceId: created?.conferenceId ?? conferenceId,
      accessCode: created?.accessCode ?? accessCode,
      slug,
      version: result.version,
    };
  } catch (error) {
    if (uniqueViolation(error) !== null) throw new ValidationError({ slug: 'That slug is already taken.' });
    throw error;
  }
}

export async function updateConferenceDetails(context: ServiceContext, conferenceId: string, input: unknown): Promise<Written> {
  const details = parseInput(conferenceDetailsSchema, input);
  const result = await send({ type: 'UpdateConferenceDetails', data: { conferenceId, ...details } }, commandContext(context));
  return { version: result.version };
}

export async function addSeatType(context: ServiceContext, conferenceId: string, input: unknown) {
  const seatType = parseInput(seatTypeSchema, input);
  const seatTypeId = newIdFor(context, 'seat-type');
  const result = await send({ type: 'AddSeatType', data: { conferenceId, seatTypeId, ...seatType } }, commandContext(context));
  return { seatTypeId, version: result.version };
}

export async function updateSeatType(context: ServiceContext, conferenceId: string, seatTypeId: string, input: unknown): Promise<Written> {
  const seatType = parseInput(seatTypeSchema, input);
  const id = parseInput(idSchema, seatTypeId);
  const result = await send({ type: 'UpdateSeatType', data: { conferenceId, seatTypeId: id, ...seatType } }, commandContext(context));
  return { version: result.version };
}

export async function removeSeatType(context: ServiceContext, conferenceId: string, seatTypeId: string): Promise<Written> {
  const id = parseInput(idSchema, seatTypeId);
  const result = await send({ type: 'RemoveSeatType', data: { conferenceId, seatTypeId: id } }, commandContext(context));
  return { version: result.version };
}

export async function setPublished(context: ServiceContext, conferenceId: string, published: boolean): Promise<Written> {
  const type = published ? 'PublishConference' : 'UnpublishConference';
  const result = await send({ type, data: { conferenceId } }, commandContext(context));
  return { version: result.version };
}

/** The authoritative conference (from its events, not a read model): what orders are priced on. */
export async function loadConference(context: Pick<ServiceContext, 'db'>, conferenceId: string) {
  return (await loadAggregate(context.db, conference, conferenceStream(conferenceId))).state;
}
