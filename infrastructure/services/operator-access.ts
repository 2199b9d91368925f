import { z } from 'zod';
import { opsToken, opsTokenLimits, sameToken } from '../auth/ops-token';
import { throttledCodeCheck } from '../auth/throttle';
import type { Db } from '../db/client';
import { invalidInput, parse, refusal, throttled, type Outcome } from './result';

const tokenSchema = z.object({ token: z.string().trim().min(1).max(200) });
const notValid = refusal('OperatorTokenNotValid', 'That token is not valid.');

/**
 * The operator token, checked in constant time under the database throttle: every wrong one
 * counts against the client's address, and a blank one is asked for, not counted.
 */
export async function operatorByToken(db: Db, input: unknown, address: string): Promise<Outcome<{ token: string }>> {
  const parsed = parse(tokenSchema, input);
  if (!parsed.ok) return invalidInput({ token: 'Enter the operator token.' }, 'Enter the operator token.');
  const expected = await opsToken(db);
  const found = await throttledCodeCheck(db, opsTokenLimits(address), async () =>
    sameToken(parsed.value.token, expected) ? expected : null,
  );
  if (found === 'throttled') return throttled('TooManyAttempts');
  return found ? { ok: true, token: found } : notValid;
}
