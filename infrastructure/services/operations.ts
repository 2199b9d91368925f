import { z } from 'zod';
import { send } from '../commands/router';
import type { Database } from '../db/client';
import { logger } from '../logger';
import { applicationSubscriptions } from '../subscriptions/application';
import { RebuildInProgress, startRebuild } from '../subscriptions/rebuilds';
import { eventsAppended } from '../subscriptions/wakeup';
import { applyDeadLetterDecision, openDeadLetter } from '../subscriptions/dead-letters';
import { commandContext, type ServiceContext } from './context';
import { attempt, parse, refusal, type Outcome } from './result';

const decisionSchema = z.object({
  deadLetterId: z.string().regex(/^\d{1,18}$/),
  decision: z.enum(['retry', 'skip']),
});

/**
 * An operator retries or skips a parked event: the decision is an event of the dead letter's
 * own stream (so the history says who did what), and takes effect in the same transaction.
 */
export async function decideDeadLetter(context: ServiceContext, input: unknown): Promise<Outcome<{ version: number }>> {
  const parsed = parse(decisionSchema, input);
  if (!parsed.ok) return parsed;
  const { deadLetterId, decision } = parsed.value;
  const letter = await openDeadLetter(context.db, deadLetterId);
  if (!letter) return refusal('DeadLetterNotFound', 'That dead letter was already dealt with.');
  const data = { deadLetterId, subscription: letter.subscription, eventId: letter.eventId, eventType: letter.eventType, operator: context.actor };
  const command = decision === 'retry' ? ({ type: 'RetryDeadLetter', data } as const) : ({ type: 'SkipDeadLetter', data } as const);
  return attempt(async () => {
    const result = await send(command, { ...commandContext(context), alsoWrite: (tx) => applyDeadLetterDecision(tx, letter, decision) });
    // The subscription it restarts reads none of the decision's event types: wake every one.
    eventsAppended(context.db);
    return { version: result.version };
  });
}

const rebuildSchema = z.object({ subscription: z.string().max(100) });

/** An operator rebuilds a projection beside its live tables; the app keeps serving the live ones meanwhile. */
export async function rebuildProjection(db: Database, input: unknown): Promise<Outcome> {
  const parsed = parse(rebuildSchema, input);
  if (!parsed.ok) return parsed;
  const subscription = applicationSubscriptions.find((s) => s.name === parsed.value.subscription && s.rebuild);
  if (!subscription) return refusal('ProjectionNotFound', 'There is no projection of that name to rebuild.');
  try {
    await startRebuild(db, subscription);
  } catch (error) {
    if (error instanceof RebuildInProgress) return refusal('RebuildInProgress', 'That projection is being rebuilt already.');
    throw error;
  }
  logger.info({ subscription: subscription.name }, 'rebuild started');
  eventsAppended(db);
  return { ok: true };
}
