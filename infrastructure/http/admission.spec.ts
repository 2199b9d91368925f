import { describe, expect, it } from 'vitest';
import { admissionGate } from '../../scripts/admission.mjs';

/** A request as the gate sees it, recording what became of it. */
function request(log: string[], name: string, hungUp = () => false) {
  let release = () => {};
  const entry = {
    run(done: () => void) {
      release = done;
      log.push(`run ${name}`);
    },
    shed: () => log.push(`shed ${name}`),
    gone: hungUp,
  };
  return { entry, answer: () => release() };
}

describe('admission in front of the app', () => {
  it('handles at most its limit at once, the rest in arrival order as turns free up', () => {
    const log: string[] = [];
    const gate = admissionGate({ inFlight: 2, maxWaitMs: 1_000, now: () => 0 });
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => request(log, name));
    for (const r of [a!, b!, c!, d!]) gate.admit(r.entry);
    expect(log).toEqual(['run a', 'run b']);
    expect(gate.waiting).toBe(2);
    b!.answer();
    expect(log).toEqual(['run a', 'run b', 'run c']);
    a!.answer();
    a!.answer(); // released twice (its connection closed, then its response): one turn freed, not two
    expect(log).toEqual(['run a', 'run b', 'run c', 'run d']);
    expect(gate.running).toBe(2);
  });

  it('sheds a request that waited too long, with or without a turn freeing up', () => {
    const log: string[] = [];
    let clock = 0;
    const gate = admissionGate({ inFlight: 1, maxWaitMs: 1_000, now: () => clock });
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => request(log, name));
    gate.admit(a!.entry);
    gate.admit(b!.entry);
    clock = 500;
    gate.admit(c!.entry);
    clock = 1_000;
    gate.shedOverdue();
    expect(log).toEqual(['run a', 'shed b']);
    gate.admit(d!.entry);
    clock = 1_600;
    a!.answer();
    expect(log).toEqual(['run a', 'shed b', 'shed c', 'run d']);
    expect(gate.waiting).toBe(0);
  });

  it('skips a client that hung up while it waited: neither handled nor answered', () => {
    const log: string[] = [];
    const gate = admissionGate({ inFlight: 1, maxWaitMs: 1_000, now: () => 0 });
    const a = request(log, 'a');
    const gone = request(log, 'gone', () => true);
    const c = request(log, 'c');
    for (const r of [a, gone, c]) gate.admit(r.entry);
    a.answer();
    expect(log).toEqual(['run a', 'run c']);
  });
});
