import 'server-only';
import { orUnavailable } from '@/app/api/_lib/json';
import { answered, fingerprintOf, remember } from '@/infrastructure/api/idempotency';
import { tokenScope } from '@/infrastructure/api/tokens';
import { serverSecret } from '@/infrastructure/auth/server-secret';
import { scopedCommandId } from '@/infrastructure/commands/ids';
import type { Database } from '@/infrastructure/db/client';
import { database } from '@/infrastructure/runtime';
import type { ServiceContext } from '@/infrastructure/services/context';
import { apiError, type Answer } from './answer';

/** One API request as a handler sees it: its JSON body, bearer token, caller's address and command context. */
export type Call<Params> = {
  readonly params: Params;
  readonly body: unknown;
  readonly token: string | null;
  readonly address: string;
  readonly db: Database;
  /** Who acts, with the command id an Idempotency-Key gave this request (none: a new command each time). */
  context(actor: string): ServiceContext;
};

type Handler<Params> = (call: Call<Params>) => Promise<Answer>;

const printableKey = /^[\x20-\x7e]{1,200}$/;
const bearerOf = (request: Request) => /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? null;
const addressOf = (request: Request) => request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown';

/**
 * Every route's one sequence: read the body as JSON (an object, or nothing), honour an
 * Idempotency-Key (the caller's first answer again, or 422 for another body), run the handler,
 * and answer JSON; a database that cannot be reached is a 503, never a 500.
 */
export function apiRoute<Params>(handler: Handler<Params>) {
  return async (request: Request, { params }: { params: Promise<Params> }): Promise<Response> =>
    orUnavailable(async () => respond(await answer(request, await params, handler)), { path: new URL(request.url).pathname });
}

async function answer<Params>(request: Request, params: Params, handler: Handler<Params>): Promise<Answer> {
  const text = await request.text();
  const body = parseBody(text);
  if (body === invalid) return apiError(400, 'invalid_json', 'The body must be a JSON object.');
  const key = request.headers.get('idempotency-key');
  if (key !== null && !printableKey.test(key)) {
    return apiError(400, 'validation_failed', 'Please correct the highlighted fields.', { 'Idempotency-Key': 'Use 1 to 200 printable ASCII characters.' });
  }
  const db = await database();
  const token = bearerOf(request);
  const base = { params, body, token, address: addressOf(request), db };
  if (key === null) return handler({ ...base, context: (actor) => ({ db, actor }) });
  // The same key and body from the same caller is the same request; another caller's is its own.
  const fingerprint = fingerprintOf(`${request.method} ${new URL(request.url).pathname}\n${text}`);
  const scope = token ? tokenScope(token) : `anonymous:${fingerprint}`;
  const first = await answered(db, scope, key, fingerprint);
  if (first === 'reused') return apiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with another request.');
  if (first) return first;
  const commandId = scopedCommandId(await serverSecret(), scope, key);
  const result = await handler({ ...base, context: (actor) => ({ db, actor, commandId }) });
  // A refusal for being too many, or a failure of ours, may go otherwise next time: not kept.
  if (result.status !== 429 && result.status < 500) await remember(db, scope, key, fingerprint, result);
  return result;
}

const invalid = Symbol('invalid');

function parseBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : invalid;
  } catch {
    return invalid;
  }
}

function respond({ status, body, headers }: Answer): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}
