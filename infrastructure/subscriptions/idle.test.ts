import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { engines } from '../testing/databases';
import { recordingProjection, uniqueName } from '../testing/recording-projection';
import { startRunner } from './runner';

/** The database as the runner sees it, counting every statement it sends, in transactions too. */
function counting(db: Database) {
  let statements = 0;
  const counted = (inner: Pick<Database, 'query' | 'transaction'>): Pick<Database, 'query' | 'transaction'> => ({
    query: (text, params) => {
      statements++;
      return inner.query(text, params);
    },
    transaction: (fn) => inner.transaction((tx) => fn({ ...tx, ...counted(tx) })),
  });
  return { db: { ...db, ...counted(db) } as Database, statements: () => statements };
}

describe.each(engines)('an idle runner on %s', (_engine, open) => {
  let db: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.drop());

  it('asks the database a few times per poll interval, not in a loop, when there is nothing to do', async () => {
    const projection = recordingProjection(uniqueName('idle'));
    await projection.setup(db);
    const watched = counting(db);
    const runner = startRunner({ db: watched.db, subscriptions: [projection], timers: async () => undefined, pollMs: 200 });
    try {
      // Not a wait for something to happen: the window in which nothing happens is what is measured.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const before = watched.statements();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // One subscription and the timers, each a few statements per 200 ms poll: tens, never thousands.
      expect(watched.statements() - before).toBeLessThan(60);
    } finally {
      await runner.stop();
    }
  });
});
