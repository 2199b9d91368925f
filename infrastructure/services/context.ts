import { randomInt, randomUUID } from 'node:crypto';
import type { Database } from '../db/client';
import type { CommandContext } from '../commands/handle';
import { derivedId, newId } from '../commands/ids';
import { accessCodeFrom } from '@/domain/shared/access-code';

/** Who asks, and the id of their request: a form re-submitted with the same id is a no-op. */
export type ServiceContext = {
  readonly db: Database;
  readonly actor: string;
  readonly commandId?: string;
  readonly now?: Date;
};

/** Each command of a request gets its own id, derived so a retried request repeats them. */
export function commandContext(context: ServiceContext, step = 0, input?: unknown): CommandContext {
  const base = context.commandId ?? randomUUID();
  // With the user's input in it, a form sent again with other values is a new command, not a
  // repeat whose first result would silently stand.
  const purpose = `step/${step}${input === undefined ? '' : `/${JSON.stringify(input)}`}`;
  const commandId = step === 0 && input === undefined ? base : derivedId(base, purpose);
  return { db: context.db, commandId, actor: context.actor, now: context.now ?? new Date(), correlationId: base };
}

/**
 * The id of an aggregate a request creates: derived from the request's id when it has one, so a
 * re-submitted form addresses the same stream and gets the first result back.
 */
export function newIdFor(context: ServiceContext, purpose: string): string {
  return idsAreDrawn(context) ? newId() : derivedId(context.commandId!, purpose);
}

/** Without a request id, newIdFor draws at random: no stream can exist under such an id yet. */
export const idsAreDrawn = (context: ServiceContext) => !context.commandId;

export const newAccessCode = () => accessCodeFrom(randomInt);

export function reservationTtlSeconds(): number {
  const configured = Number(process.env.RESERVATION_TTL_SECONDS);
  return Number.isFinite(configured) && configured > 0 ? configured : 900;
}
