import { randomInt, randomUUID } from 'node:crypto';
import type { Database } from '../db/client';
import type { CommandContext } from '../commands/handle';
import { derivedId } from '../commands/ids';
import { accessCodeAlphabet } from './schemas';

/** Who asks, and the id of their request: a form re-submitted with the same id is a no-op. */
export type ServiceContext = {
  readonly db: Database;
  readonly actor: string;
  readonly commandId?: string;
  readonly now?: Date;
};

/** Each command of a request gets its own id, derived so a retried request repeats them. */
export function commandContext(context: ServiceContext, step = 0): CommandContext {
  const base = context.commandId ?? randomUUID();
  const commandId = step === 0 ? base : derivedId(base, `step/${step}`);
  return { db: context.db, commandId, actor: context.actor, now: context.now ?? new Date(), correlationId: base };
}

export function newAccessCode(): string {
  return Array.from({ length: 6 }, () => accessCodeAlphabet[randomInt(accessCodeAlphabet.length)]).join('');
}

export function reservationTtlSeconds(): number {
  const configured = Number(process.env.RESERVATION_TTL_SECONDS);
  return Number.isFinite(configured) && configured > 0 ? configured : 900;
}
