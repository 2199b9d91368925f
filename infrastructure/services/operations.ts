import { z } from 'zod';
import { send } from '../commands/router';
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
    return { version: result.version };
  });
}
