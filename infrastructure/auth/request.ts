import 'server-only';
import { headers } from 'next/headers';
import { scopedCommandId } from '../commands/ids';
import { database } from '../runtime';
import type { ServiceContext } from '../services/context';
import { serverSecret } from './server-secret';
import { visitorId } from './session';

/**
 * The caller's address. The server in front of Next (scripts/server.mjs) replaces any
 * `x-forwarded-for` a client sent with what it saw, so the last entry cannot be forged.
 */
export async function clientAddress(): Promise<string> {
  const forwarded = (await headers()).get('x-forwarded-for') ?? '';
  return forwarded.split(',').at(-1)?.trim() || 'unknown';
}

/** A form's idempotency key: 1–200 printable characters, anything else is no key at all. */
const keyOf = (value: unknown) => (typeof value === 'string' && /^[\x21-\x7e]{1,200}$/.test(value) ? value : null);

/**
 * Who acts, with the command id of this submission: the form's key, scoped to this browser
 * and this action. The same key sent twice from this browser is one command (a double submit
 * is a no-op); from another browser, or to another action, it is a new one.
 */
export async function browserContext(action: string, key: unknown, actor: string): Promise<ServiceContext> {
  const db = await database();
  const submitted = keyOf(key);
  if (!submitted) return { db, actor };
  const scope = `visitor:${await visitorId()}:${action}`;
  return { db, actor, commandId: scopedCommandId(await serverSecret(), scope, submitted) };
}
