import { lookup } from './seats';

/**
 * A record of many keys kept in buckets, so that a change copies one small bucket and the
 * bucket array, not every key: folding a sale rush's thousands of pending holds one event at a
 * time stays linear. Plain arrays and records, so states holding one are snapshotted as JSON.
 */
export type BucketedRecord<V> = readonly (Readonly<Record<string, V>> | null | undefined)[];

const bucketCount = 256;

/** FNV-1a of the key: stable across processes and versions, as snapshots need. */
function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % bucketCount;
}

export function getEntry<V>(record: BucketedRecord<V>, key: string): V | undefined {
  const bucket = record[bucketOf(key)];
  return bucket ? lookup(bucket, key) : undefined;
}

/** The record with `key` set to `value`, or removed when `value` is undefined. */
export function setEntry<V>(record: BucketedRecord<V>, key: string, value: V | undefined): BucketedRecord<V> {
  const index = bucketOf(key);
  const { [key]: _removed, ...rest } = record[index] ?? {};
  const next = Array.from({ length: bucketCount }, (_, i) => record[i] ?? null);
  next[index] = value !== undefined ? { ...rest, [key]: value } : Object.keys(rest).length > 0 ? rest : null;
  return next;
}
