import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll } from '@/infrastructure/poll';
import { startAppServer, type AppServer } from '@/infrastructure/testing/app-server';
import { openSale } from '@/infrastructure/testing/sale';
import { apiClient } from './client';

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
    expect(answers.filter((answer) => answer.status === 200).length, `statuses ${answers.map((answer) => answer.status).join(' ')}`).toBeGreaterThan(0);
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

const opsToken = 'admission-test-operator-token-0123456789';

describe('a process whose clients hang up on pipelined requests', () => {
  let app: AppServer;
  let path: string;
  beforeAll(async () => {
    app = await startAppServer({ SEED_DEMO: '0', MAX_IN_FLIGHT: '3', MAX_QUEUE_WAIT_MS: '1000', OPS_TOKEN: opsToken });
    // The kept register page is answered at once, without Next: the plainest response there is.
    path = `/conferences/${(await openSale(apiClient(app.urls[0]!).send, 'Pipelined', [5])).slug}/register`;
    await fetch(`${app.urls[0]}${path}`);
  });
  afterAll(() => app.stop());

  /** Several requests written at once on one connection, which is closed before they are answered. */
  async function pipelineAndHangUp(requests: number) {
    const { hostname, port } = new URL(app.urls[0]!);
    const socket = connect(Number(port), hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    await new Promise((resolve) => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`.repeat(requests), resolve));
    socket.destroy();
  }

  const inFlight = async () => {
    const text = await (await fetch(`${app.urls[0]}/metrics`, { headers: { authorization: `Bearer ${opsToken}` } })).text();
    return Number(/^seatwise_http_requests_in_flight (\d+)$/m.exec(text)?.[1]);
  };

  it('frees their turns once they are gone', async () => {
    for (let round = 0; round < 5; round++) await pipelineAndHangUp(6);
    const freed = await poll(inFlight, (running) => running === 0, { timeoutMs: 10_000 });
    expect(freed.value).toBe(0);
    expect((await fetch(`${app.urls[0]}/api/v1/conferences`)).status).toBe(200);
  });
});
