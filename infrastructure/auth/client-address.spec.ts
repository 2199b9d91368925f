import { describe, expect, it } from 'vitest';
import { clientAddressOf } from '../../scripts/client-address.mjs';

describe('the client address behind x-forwarded-for', () => {
  it('is the connection itself when no proxy is trusted, whatever the client claims', () => {
    expect(clientAddressOf('1.2.3.4', '10.0.0.9', 0)).toBe('10.0.0.9');
    expect(clientAddressOf(undefined, '10.0.0.9', 0)).toBe('10.0.0.9');
  });

  it('is the address the trusted proxy saw, not what the client prepended', () => {
    expect(clientAddressOf('6.6.6.6, 203.0.113.7', '10.0.0.1', 1)).toBe('203.0.113.7');
    expect(clientAddressOf('6.6.6.6, 203.0.113.7, 10.0.0.2', '10.0.0.1', 2)).toBe('203.0.113.7');
  });

  it('falls back to the farthest address when fewer hops arrived than are trusted', () => {
    expect(clientAddressOf('', '10.0.0.1', 2)).toBe('10.0.0.1');
  });
});
