import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '@/infrastructure/testing/app-server';

// A process handles MAX_IN_FLIGHT requests at once and sheds whoever waited MAX_QUEUE_WAIT_MS for
// a turn (scripts/admission.mjs). Here one at a time, and a turn is worth waiting 1 ms for: a
// burst is mostly shed, each with the contract's clear answer.
describe('a saturated process', () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer({ SEED_DEMO: '0', MAX_IN_FLIGHT: '1', MAX_QUEUE_WAIT_MS: '1' });
  });
  afterAll(() => app.stop());

  const burst = (path: string) => Promise.all(Array.from({ length: 20 }, () => fetch(`${app.urls[0]}${path}`)));

  it('answers what it cannot take in time with a 503 and retry-after, in JSON for the API', async () => {
    const answers = await burst('/api/v1/conferences');
    const shed = answers.filter((answer) => answer.status === 503);
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(0);
    expect(shed.length).toBeGreaterThan(0);
    expect(answers.length - shed.length - answers.filter((answer) => answer.status === 200).length).toBe(0);
    for (const answer of shed) {
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(await answer.json()).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
    }
  });

  it('tells a person on a page that it is busy, and lets the operator look in at once', async () => {
    const [pages, health] = await Promise.all([burst('/'), Promise.all(Array.from({ length: 5 }, () => fetch(`${app.urls[0]}/api/health`)))]);
    const shed = pages.filter((page) => page.status === 503);
    expect(shed.length).toBeGreaterThan(0);
    expect(await shed[0]!.text()).toContain('Too many people are booking at this moment');
    expect(health.map((answer) => answer.status)).toEqual(Array(5).fill(200));
  });
});
