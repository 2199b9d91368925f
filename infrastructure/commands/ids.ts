import { createHash, createHmac, randomFillSync } from 'node:crypto';
import { parse, stringify } from 'uuid';

const namespace = parse('a6f3c1d2-5b8e-4c7a-9f10-2d3e4b5c6a71');

/**
 * An id derived from another: a repeated cause yields the same id, so the effect is a no-op.
 * A version-5 uuid (RFC 9562: SHA-1 of namespace and name), hashed here in one call because a
 * busy process manager derives thousands a second; the ids must never change across versions.
 */
export function derivedId(from: string, purpose: string): string {
  const bytes = createHash('sha1').update(namespace).update(`${from}/${purpose}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return stringify(bytes);
}

const randomPool = Buffer.alloc(16 * 512);
let drawn = randomPool.length;

/**
 * Time-ordered ids for new aggregates and events: index-friendly, sortable by creation to the
 * millisecond. A version-7 uuid (RFC 9562): 48 bits of Unix milliseconds, then random bits, taken
 * from a pool filled 512 ids at a time, since a busy batch draws an id for every event it writes.
 */
export function newId(now: number = Date.now()): string {
  if (drawn === randomPool.length) {
    randomFillSync(randomPool);
    drawn = 0;
  }
  const bytes = randomPool.subarray(drawn, (drawn += 16));
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return stringify(bytes);
}

/**
 * The command id behind a caller's idempotency key. The key is only meaningful within its
 * caller's scope (a browser session, an API token): the id is a keyed hash of both, so nobody
 * can replay or pre-claim another caller's command, nor name an id derived from events. The
 * result is a version-8 uuid: a namespace of its own, apart from derived (v5) and new (v7) ids.
 */
export function scopedCommandId(secret: string, scope: string, key: string): string {
  const bytes = createHmac('sha256', secret).update(`command-id\u0000${scope}\u0000${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return stringify(bytes);
}
