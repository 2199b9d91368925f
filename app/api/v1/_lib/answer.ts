import 'server-only';
import type { Failure } from '@/infrastructure/services/result';

/** What a route answers: a status and a JSON body (API-CONTRACT), and headers where it needs some. */
export type Answer = { readonly status: number; readonly body: unknown; readonly headers?: Readonly<Record<string, string>> };

export const ok = (body: unknown, status = 200): Answer => ({ status, body });

export const apiError = (status: number, code: string, message: string, fields?: Readonly<Record<string, string>>): Answer => ({
  status,
  body: { error: { code, message, ...(fields ? { fields } : {}) } },
  ...(status === 429 ? { headers: { 'retry-after': '60' } } : {}),
});

export const notFound = (message = 'Not found.') => apiError(404, 'not_found', message);
export const unauthorized = () => apiError(401, 'unauthorized', 'This needs a token: Authorization: Bearer <token>.');

/** `OrderAlreadyConfirmed` → `order_already_confirmed`. */
const snake = (code: string) => code.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** A service's refusal in the contract's terms: 400 with the fields, 404, 409 with the rule, or 429. */
export function refused(failure: Failure): Answer {
  switch (failure.kind) {
    case 'validation': return apiError(400, 'validation_failed', failure.message, failure.fieldErrors);
    case 'notFound': return notFound(failure.message);
    case 'throttled': return apiError(429, 'too_many_requests', failure.message);
    case 'conflict': return apiError(409, snake(failure.code), failure.message);
  }
}
