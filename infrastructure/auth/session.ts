import 'server-only';
import { getIronSession } from 'iron-session';
import { cookies } from 'next/headers';
import { database } from '../runtime';
import { sessionSecret } from './secret';

type SessionData = {
  /** Orders this browser placed or found by e-mail and access code, newest first. */
  orders: string[];
  /** The conference this browser's organizer signed in to. */
  organizerConferenceId: string | null;
};

const maxOrders = 20;
let cachedSecret: Promise<string> | null = null;

async function session() {
  cachedSecret ??= database()
    .then(sessionSecret)
    .catch((error: unknown) => {
      cachedSecret = null;
      throw error;
    });
  return getIronSession<SessionData>(await cookies(), {
    password: await cachedSecret,
    cookieName: 'seatwise_session',
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: false, path: '/' },
  });
}

export async function canAccessOrder(orderId: string): Promise<boolean> {
  return ((await session()).orders ?? []).includes(orderId);
}

export async function grantOrderAccess(orderId: string): Promise<void> {
  const current = await session();
  current.orders = [orderId, ...(current.orders ?? []).filter((id) => id !== orderId)].slice(0, maxOrders);
  await current.save();
}

export async function signedInConferenceId(): Promise<string | null> {
  return (await session()).organizerConferenceId ?? null;
}

export async function signInOrganizer(conferenceId: string): Promise<void> {
  const current = await session();
  current.organizerConferenceId = conferenceId;
  await current.save();
}

export async function signOutOrganizer(): Promise<void> {
  const current = await session();
  current.organizerConferenceId = null;
  await current.save();
}
