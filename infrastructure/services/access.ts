import { orderRateLimits, codeLimits, countAttempt, throttledCodeCheck } from '../auth/throttle';
import type { Db } from '../db/client';
import type { ConferenceDoc } from '../projections/conferences';
import { findOrderId } from '../queries/orders';
import { conferenceForOrganizer } from '../queries/organizer';
import { invalidInput, parse, refusal, throttled, type Outcome } from './result';
import { accessCodeCheckSchema } from './schemas';

const noConference = refusal('ConferenceNotFound', 'No conference matches that email and access code.');
const noOrder = refusal('OrderNotFound', 'No order matches that email and access code.');

const textIn = (input: unknown, name: string) => {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};
/** The e-mail as typed, for counting: a malformed one is a wrong guess like any other. */
const emailOf = (input: unknown) => textIn(input, 'email');

/** Left blank is not a guess: it is asked for, and not counted. */
function blanks(input: unknown) {
  const fieldErrors: Record<string, string> = {};
  if (!textIn(input, 'email').trim()) fieldErrors.email = 'Enter your email.';
  if (!textIn(input, 'accessCode').trim()) fieldErrors.accessCode = 'Enter the access code.';
  return Object.keys(fieldErrors).length > 0 ? invalidInput(fieldErrors, 'Enter your email and access code.') : null;
}

/**
 * An organizer's e-mail and access code: the conference they open. Every try counts against the
 * e-mail and the client's address, malformed ones too, and the answer never says which part was wrong.
 */
export async function conferenceByCode(db: Db, input: unknown, address: string): Promise<Outcome<{ conference: ConferenceDoc }>> {
  const blank = blanks(input);
  if (blank) return blank;
  const credentials = parse(accessCodeCheckSchema, input);
  const found = await throttledCodeCheck(db, codeLimits('organizer', emailOf(input), address), async () =>
    credentials.ok ? conferenceForOrganizer(db, credentials.value.email, credentials.value.accessCode) : null,
  );
  if (found === 'throttled') return throttled('TooManyAttempts');
  return found ? { ok: true, conference: found } : noConference;
}

/** A registrant's e-mail and access code: the order they open, throttled like organizer sign-in. */
export async function orderByCode(db: Db, input: unknown, address: string): Promise<Outcome<{ orderId: string }>> {
  const blank = blanks(input);
  if (blank) return blank;
  const credentials = parse(accessCodeCheckSchema, input);
  const found = await throttledCodeCheck(db, codeLimits('order', emailOf(input), address), async () =>
    credentials.ok ? findOrderId(db, credentials.value.email, credentials.value.accessCode) : null,
  );
  if (found === 'throttled') return throttled('TooManyAttempts');
  return found ? { ok: true, orderId: found } : noOrder;
}

/** New orders are limited per client address (ORDER_RATE_PER_MINUTE): a script cannot take every seat at once. */
export async function mayPlaceOrder(db: Db, address: string): Promise<Outcome> {
  return (await countAttempt(db, orderRateLimits(address))) ? { ok: true } : throttled('TooManyOrders');
}
