import 'server-only';
import { getIronSession } from 'iron-session';
import { cookies } from 'next/headers';
import { database } from '../runtime';
import { operatorByToken } from '../services/operator-access';
import { opsToken, sameToken, tokenFingerprint } from './ops-token';
import { clientAddress } from './request';
import { serverSecret } from './server-secret';
import { servedOverHttps } from './session';

type OperatorSession = { operator?: string | null };

const hours = 12;

/** The operator's own cookie: signing in or out here never touches an organizer's sign-in. */
async function operatorSession() {
  return getIronSession<OperatorSession>(await cookies(), {
    password: await serverSecret(),
    cookieName: 'seatwise_ops',
    ttl: hours * 3600,
    cookieOptions: { httpOnly: true, sameSite: 'strict', secure: await servedOverHttps(), path: '/' },
  });
}

const currentFingerprint = async () => tokenFingerprint(await opsToken(await database()), await serverSecret());

/** Whether this browser signed in with the operator token that is in force now. */
export async function isOperator(): Promise<boolean> {
  const held = (await operatorSession()).operator;
  return typeof held === 'string' && sameToken(held, await currentFingerprint());
}

export async function signInOperator(): Promise<void> {
  const session = await operatorSession();
  session.operator = await currentFingerprint();
  await session.save();
}

export async function signOutOperator(): Promise<void> {
  (await operatorSession()).destroy();
}

/**
 * `Authorization: Bearer <OPS_TOKEN>` (for scrapers, which keep no cookies), throttled like
 * the sign-in form: a wrong token here is a guess too.
 */
export async function operatorBearer(request: Request): Promise<'granted' | 'missing' | 'refused' | 'throttled'> {
  const [scheme, token] = (request.headers.get('authorization') ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) return 'missing';
  const outcome = await operatorByToken(await database(), { token }, await clientAddress());
  if (outcome.ok) return 'granted';
  return outcome.kind === 'throttled' ? 'throttled' : 'refused';
}
