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

export const unavailableMessage = 'The service is temporarily unavailable. Try again shortly.';

/**
 * The route's answer, or, when the database cannot be reached (the moment before the server
 * notices an outage and answers 503 by itself), the same 503 `unavailable`: never a 500.
 */
export async function orUnavailable(answer: () => Promise<Response>): Promise<Response> {
  try {
    return await answer();
  } catch (error) {
    if (!isTransientDatabaseError(error)) throw error;
    logger.warn({ err: error }, 'database unavailable');
    return Response.json({ error: { code: 'unavailable', message: unavailableMessage } }, { status: 503, headers: { ...noStore, 'retry-after': '5' } });
  }
}
