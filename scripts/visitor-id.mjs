import { randomBytes } from 'node:crypto';

/**
 * A random id per browser: the scope its forms' idempotency keys live in. Given on a first page
 * view, by the proxy (proxy.ts) or by the page cache in front of Next (scripts/page-cache.mjs).
 */
export const visitorCookie = 'seatwise_visitor';
export const newVisitorId = () => randomBytes(18).toString('base64url');
export const isVisitorId = (value) => /^[A-Za-z0-9_-]{24}$/.test(value);

/** Whether the request came over https, as the proxy in front says (`x-forwarded-proto`); cookies are then `Secure`. */
export const overHttps = (forwardedProto) => forwardedProto?.split(',')[0]?.trim() === 'https';

/**
 * A browser's new visitor id and the Set-Cookie header that gives it, or null when its Cookie
 * header already holds a well-formed one (the last one it sends, as Next reads it).
 */
export function visitorToGive(cookieHeader, forwardedProto) {
  let existing = null;
  for (const pair of (cookieHeader ?? '').split(/; */)) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at) === visitorCookie) existing = pair.slice(at + 1);
  }
  if (existing !== null && isVisitorId(existing)) return null;
  const id = newVisitorId();
  return { id, setCookie: `${visitorCookie}=${id}; Path=/; HttpOnly; SameSite=Lax${overHttps(forwardedProto) ? '; Secure' : ''}` };
}
