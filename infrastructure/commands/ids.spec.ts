import fc from 'fast-check';
import { v5 as uuidv5, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { derivedId, newId, scopedCommandId } from './ids';

const secret = 'a-server-secret-of-at-least-32-characters';
const scope = 'visitor:Qm9iLXRoZS12aXNpdG9yLWlkLTE:place-order';

describe('a caller-scoped command id', () => {
  it('is a version-8 uuid of the RFC 9562 variant', () => {
    const id = scopedCommandId(secret, scope, 'form-key-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(version(id)).toBe(8);
  });

  it('is the same for the same scope and key: a double submit is one command', () => {
    expect(scopedCommandId(secret, scope, 'form-key-1')).toBe(scopedCommandId(secret, scope, 'form-key-1'));
  });

  it('differs for another key, another scope or another secret', () => {
    const id = scopedCommandId(secret, scope, 'form-key-1');
    expect(scopedCommandId(secret, scope, 'form-key-2')).not.toBe(id);
    expect(scopedCommandId(secret, 'visitor:another-browser:place-order', 'form-key-1')).not.toBe(id);
    expect(scopedCommandId(secret, 'visitor:Qm9iLXRoZS12aXNpdG9yLWlkLTE:checkout', 'form-key-1')).not.toBe(id);
    expect(scopedCommandId(`${secret}!`, scope, 'form-key-1')).not.toBe(id);
  });

  it('keeps scope and key apart: moving characters between them makes another id', () => {
    expect(scopedCommandId(secret, 'visitor:a', 'b/c')).not.toBe(scopedCommandId(secret, 'visitor:a/b', 'c'));
  });

  it('never equals the v5 id derived from the same strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (from, purpose) => {
        const derived = derivedId(from, purpose);
        expect(version(derived)).toBe(5);
        expect(scopedCommandId(secret, from, purpose)).not.toBe(derived);
      }),
    );
  });
});

describe('a derived id', () => {
  it('is the RFC 9562 version-5 uuid of its cause and purpose, so ids derived before stay the same', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.string(), (from, purpose) => {
        expect(derivedId(from, purpose)).toBe(uuidv5(`${from}/${purpose}`, 'a6f3c1d2-5b8e-4c7a-9f10-2d3e4b5c6a71'));
      }),
    );
  });
});

describe('a new id', () => {
  it('is a version-7 uuid whose first 48 bits are the milliseconds it was drawn at', () => {
    const at = Date.UTC(2026, 11, 5, 10, 30);
    const id = newId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(version(id)).toBe(7);
    expect(parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at);
  });

  it('is never drawn twice, across many refills of its random pool', () => {
    const at = Date.now();
    const ids = Array.from({ length: 20_000 }, () => newId(at));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id.slice(14))).size).toBe(ids.length);
  });

  it('sorts by the millisecond it was drawn at', () => {
    const ids = [3, 1, 2].map((ms) => newId(1_800_000_000_000 + ms));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  });
});
