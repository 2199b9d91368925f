import { randomBytes } from 'node:crypto';

/** A random id per browser: the scope its forms' idempotency keys live in. */
export const visitorCookie = 'seatwise_visitor';
export const newVisitorId = () => randomBytes(18).toString('base64url');
export const isVisitorId = (value: string) => /^[A-Za-z0-9_-]{24}$/.test(value);
