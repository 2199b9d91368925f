import { describe, expect, it } from 'vitest';
import { createSleeper } from './sleeper';

const longMs = 60_000;

describe('a sleeper', () => {
  it('is woken from a sleep', async () => {
    const sleeper = createSleeper();
    const sleeping = sleeper.sleep(longMs);
    sleeper.wakeAll();
    await expect(sleeping).resolves.toBeUndefined();
  });

  it('does not start a sleep when a wake-up came while its loop was busy', async () => {
    const sleeper = createSleeper();
    const before = sleeper.wakes();
    sleeper.wakeAll(); // an append while the loop was running its batch
    await expect(sleeper.sleep(longMs, before)).resolves.toBeUndefined();
  });

  it('sleeps until woken when nothing came since its loop looked', async () => {
    const sleeper = createSleeper();
    const before = sleeper.wakes();
    let woken = false;
    const sleeping = sleeper.sleep(longMs, before).then(() => (woken = true));
    await Promise.resolve();
    expect(woken).toBe(false);
    sleeper.wakeAll();
    await sleeping;
    expect(woken).toBe(true);
  });
});
