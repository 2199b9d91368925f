/** Sleeps that anything can cut short: an append, a NOTIFY, a scheduled timer, a stop. */
export function createSleeper() {
  const sleepers = new Set<() => void>();
  return {
    sleep(ms: number): Promise<void> {
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
      sleepers.forEach((wake) => wake());
    },
  };
}
export type Sleeper = ReturnType<typeof createSleeper>;
