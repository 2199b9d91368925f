import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A key that opens one thing for one purpose, derived from its id with the server secret: it
 * needs no storage and cannot be made up for another id or another purpose.
 */
export const signedKey = (secret: string, purpose: string, id: string) => createHmac('sha256', secret).update(`${purpose}:${id}`).digest('base64url');

export function isSignedKey(secret: string, purpose: string, id: string, key: string): boolean {
  const expected = Buffer.from(signedKey(secret, purpose, id));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The key in a waiting-list offer's link: whoever follows the link may open that order, as the browser that placed an order may. */
export const offerKey = (secret: string, orderId: string) => signedKey(secret, 'offer', orderId);

export const isOfferKey = (secret: string, orderId: string, key: string) => isSignedKey(secret, 'offer', orderId, key);
