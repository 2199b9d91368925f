import 'server-only';
import { isTransientDatabaseError } from '@/infrastructure/db/errors';
import { logger } from '@/infrastructure/logger';

const noStore = { 'cache-control': 'no-store' };

/** A read model as JSON: never cached, it changes as the events come. */
export const json = (body: unknown, status = 200) => Response.json(body, { status, headers: noStore });

/** Every route's error, in one shape (API-CONTRACT): a code for machines and a sentence for people. */
export function jsonError(status: number, code: string, message: string, fields?: Readonly<Record<string, string>>) {
  return json({ error: { code, message, ...(fields ? { fields } : {}) } }, status);
}

export const notFoundJson = (message: string) => jsonError(404, 'not_found', message);

/**
 * The route's answer, or, when the database cannot be reached (the moment before the server
 * notices an outage and answers 503 by itself), the contract's 503 `unavailable`: never a 500.
 */
export async function orUnavailable(answer: () => Promise<Response>, logged: Readonly<Record<string, unknown>> = {}): Promise<Response> {
  try {
    return await answer();
  } catch (error) {
    if (!isTransientDatabaseError(error)) throw error;
    logger.warn({ err: error, ...logged }, 'database unavailable');
    const unavailable = jsonError(503, 'unavailable', 'The service is temporarily unavailable. Try again shortly.');
    unavailable.headers.set('retry-after', '5');
    return unavailable;
  }
}
