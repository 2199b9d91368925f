import 'server-only';
import { getIronSession } from 'iron-session';
import { cookies, headers } from 'next/headers';
import { database } from '../runtime';
import { endOrganizerSession, organizerSessionConference, startOrganizerSession } from './organizer-sessions';
import { serverSecret } from './server-secret';
import { isVisitorId, newVisitorId, overHttps, visitorCookie } from './visitor-id';

type SessionData = {
  /** Orders this browser placed or found by e-mail and access code, newest first. */
  orders?: string[];
  /** The organizer's sign-in, valid only while its server-side row is not signed out. */
  organizer?: { sessionId: string; conferenceId: string } | null;
};

const maxOrders = 20;

/** Cookies are `secure` whenever the request came over HTTPS (directly or through a proxy). */
export async function servedOverHttps(): Promise<boolean> {
  return overHttps((await headers()).get('x-forwarded-proto'));
}

async function session() {
  return getIronSession<SessionData>(await cookies(), {
    password: await serverSecret(),
    cookieName: 'seatwise_session',
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: await servedOverHttps(), path: '/' },
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

/** The conference this browser's organizer is signed in to, unless that sign-in was ended. */
export async function signedInConferenceId(): Promise<string | null> {
  const organizer = (await session()).organizer;
  if (!organizer) return null;
  const conferenceId = await organizerSessionConference(await database(), organizer.sessionId);
  return conferenceId === organizer.conferenceId ? conferenceId : null;
}

export async function signInOrganizer(conferenceId: string): Promise<void> {
  const current = await session();
  if (current.organizer) await endOrganizerSession(await database(), current.organizer.sessionId);
  current.organizer = { sessionId: await startOrganizerSession(await database(), conferenceId), conferenceId };
  await current.save();
}

/** Ends the sign-in on the server too: a copy of the cookie signs nobody in afterwards. */
export async function signOutOrganizer(): Promise<void> {
  const current = await session();
  if (current.organizer) await endOrganizerSession(await database(), current.organizer.sessionId);
  current.organizer = null;
  await current.save();
}

/** This browser's visitor id (proxy.ts gives one on the first page view; created here otherwise). */
export async function visitorId(): Promise<string> {
  const store = await cookies();
  const existing = store.get(visitorCookie)?.value;
  if (existing && isVisitorId(existing)) return existing;
  const created = newVisitorId();
  store.set(visitorCookie, created, { httpOnly: true, sameSite: 'lax', secure: await servedOverHttps(), path: '/' });
  return created;
}
