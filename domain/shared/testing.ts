import { expect } from 'vitest';
import { fold, type Decider, type Message } from './decider';
import { DomainError } from './errors';

/**
 * Given/When/Then for deciders: specs speak only in commands, events and rule codes.
 *   given(order, [placed]).when(confirm).then([confirmed])
 *   given(order, [confirmed]).when(expire).thenThrows('OrderAlreadyConfirmed')
 */
export function given<C extends Message, E extends Message, S>(
  decider: Decider<C, E, S>,
  history: readonly E[] = [],
) {
  return {
    when(command: C) {
      const run = () => decider.decide(command, fold(decider, history));
      return {
        then(expected: readonly E[]) {
          expect(run()).toEqual(expected);
        },
        thenThrows(code: string) {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught, `expected ${code} to be thrown`).toBeInstanceOf(DomainError);
          expect((caught as DomainError).code).toBe(code);
        },
      };
    },
  };
}
