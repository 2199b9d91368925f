/**
 * Failed sign-ins per e-mail in the last minute, per process. Sign-in is refused only after
 * `limit` failures, so a person who mistypes a few times is never locked out.
 */
export function createSignInThrottle(limit = 5, windowMs = 60_000) {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    isThrottled(email: string, now = Date.now()): boolean {
      return recent(email.toLowerCase(), now).length >= limit;
    },
    recordFailure(email: string, now = Date.now()): void {
      const key = email.toLowerCase();
      failures.set(key, [...recent(key, now), now]);
    },
    reset(email: string): void {
      failures.delete(email.toLowerCase());
    },
  };
}

const globalKey = Symbol.for('seatwise.signInThrottle');
export const signInThrottle = ((globalThis as Record<symbol, unknown>)[globalKey] ??=
  createSignInThrottle()) as ReturnType<typeof createSignInThrottle>;
