/**
 * Sleeps that anything can cut short: an append, a NOTIFY, a scheduled timer, a stop. A wake-up
 * that comes while a loop is busy is not lost: the loop notes `wakes()` before its work, and a
 * sleep since then that missed a wake-up does not start.
 */
export function createSleeper() {
  const sleepers = new Set<() => void>();
  let wakes = 0;
  return {
    wakes: () => wakes,
    sleep(ms: number, since = wakes): Promise<void> {
      if (since !== wakes) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          sleepers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        sleepers.add(done);
      });
    },
    wakeAll() {
      wakes++;
      sleepers.forEach((wake) => wake());
    },
  };
}
export type Sleeper = ReturnType<typeof createSleeper>;
