import { randomBytes } from 'node:crypto';

/**
 * A random id per browser: the scope its forms' idempotency keys live in. Given on a first page
 * view, by the proxy (proxy.ts) or by the page cache in front of Next (scripts/page-cache.mjs).
 */
export const visitorCookie = 'seatwise_visitor';
export const newVisitorId = () => randomBytes(18).toString('base64url');
export const isVisitorId = (value) => /^[A-Za-z0-9_-]{24}$/.test(value);

/** The Set-Cookie header that gives a browser its id; `secure` when it came over https. */
export const visitorSetCookie = (id, secure) => `${visitorCookie}=${id}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;

/** The browser's visitor id from its Cookie header, the last one it sends (as Next reads it), when well formed. */
export function visitorIdIn(cookieHeader) {
  let found = null;
  for (const pair of (cookieHeader ?? '').split(/; */)) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at) === visitorCookie) found = pair.slice(at + 1);
  }
  return found !== null && isVisitorId(found) ? found : null;
}
