import { describe, expect, it } from 'vitest';
import { readsTogether } from './reads-together';

/** A read answered when the test says so; what was asked, in order. */
function controlledReads() {
  const asked: { key: string; answer(value: string): void; fail(error: Error): void }[] = [];
  const read = (key: string) =>
    new Promise<string>((resolve, reject) => asked.push({ key, answer: resolve, fail: reject }));
  return { asked, read };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('reads that meet on their way', () => {
  it('go at once when alone, and apart for different keys', async () => {
    const { asked, read } = controlledReads();
    const together = readsTogether((key: string) => key, read);
    void together('a');
    void together('b');
    expect(asked.map((a) => a.key)).toEqual(['a', 'b']);
  });

  it('never join a query already on its way: they wait for it and share the next one', async () => {
    const { asked, read } = controlledReads();
    const together = readsTogether((key: string) => key, read);
    const first = together('a');
    const second = together('a');
    const third = together('a');
    expect(asked).toHaveLength(1);
    asked[0]!.answer('sent before the second was asked');
    expect(await first).toBe('sent before the second was asked');
    await settle();
    expect(asked).toHaveLength(2);
    asked[1]!.answer('sent after');
    expect(await Promise.all([second, third])).toEqual(['sent after', 'sent after']);
    void together('a');
    expect(asked).toHaveLength(3);
  });

  it('go on after a query that failed, which fails only those that shared it', async () => {
    const { asked, read } = controlledReads();
    const together = readsTogether((key: string) => key, read);
    const failed = together('a');
    const next = together('a');
    asked[0]!.fail(new Error('connection lost'));
    await expect(failed).rejects.toThrow('connection lost');
    await settle();
    asked[1]!.answer('read again');
    expect(await next).toBe('read again');
  });
});
