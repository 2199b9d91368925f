import { timingSafeEqual } from 'node:crypto';

/** Compares access codes in constant time: how much of a guess matched never shows in the timing. */
export function sameCode(a: string, b: string): boolean {
  const left = Buffer.from(a.padEnd(16));
  const right = Buffer.from(b.padEnd(16));
  return left.length === right.length && timingSafeEqual(left, right);
}
