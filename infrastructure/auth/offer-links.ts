import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The key in a waiting-list offer's link: whoever follows the link may open that order, as the
 * browser that placed an order may. Derived from the order id with the server secret, so the
 * link needs no storage and cannot be made up for another order.
 */
export const offerKey = (secret: string, orderId: string) => createHmac('sha256', secret).update(`offer:${orderId}`).digest('base64url');

export function isOfferKey(secret: string, orderId: string, key: string): boolean {
  const expected = Buffer.from(offerKey(secret, orderId));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
