import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getEntry, setEntry, type BucketedRecord } from './bucketed-record';

describe('bucketed record', () => {
  it('answers as a plain map would after any sequence of sets and removals, leaving earlier versions untouched', () => {
    const key = fc.oneof(fc.uuid(), fc.constantFrom('__proto__', 'constructor', 'toString', ''));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.option(fc.integer(), { nil: undefined })), { maxLength: 200 }), (changes) => {
        const model = new Map<string, number>();
        let record: BucketedRecord<number> = [];
        for (const [k, value] of changes) {
          const before = record;
          const frozen = JSON.stringify(before);
          record = setEntry(record, k, value);
          expect(JSON.stringify(before)).toBe(frozen);
          if (value === undefined) model.delete(k);
          else model.set(k, value);
        }
        for (const [k] of changes) expect(getEntry(record, k)).toBe(model.get(k));
        const stored = record.flatMap((bucket) => Object.keys(bucket ?? {}));
        expect(stored.sort()).toEqual([...model.keys()].sort());
      }),
    );
  });
});
