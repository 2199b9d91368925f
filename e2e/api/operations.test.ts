import { spawn, type ChildProcess } from 'node:child_process';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '@/infrastructure/testing/app-server';
import { testDatabaseUrl } from '@/infrastructure/testing/databases';
import { eventually } from '@/infrastructure/testing/recording-projection';
import { startTcpProxy, type TcpProxy } from '@/infrastructure/testing/tcp-proxy';

// Health and metrics of the built app over HTTP. The app reaches PostgreSQL through a proxy
// this test cuts: the database goes away for the app alone, never for the other suites.

const opsToken = 'operations-test-token-0123456789';

describe('health and metrics (the built app over HTTP)', () => {
  let proxy: TcpProxy;
  let app: AppServer;
  beforeAll(async () => {
    const target = new URL(testDatabaseUrl);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    app = await startAppServer({ OPS_TOKEN: opsToken }, { databasePort: proxy.port });
  });
  afterAll(async () => {
    await app?.stop();
    await proxy?.close();
  });

  const health = async () => {
    const response = await fetch(`${app.url}/api/health`);
    return { status: response.status, body: (await response.json()) as { status: string; problems?: string[] } };
  };
  const metrics = (authorization?: string) => fetch(`${app.url}/metrics`, { headers: authorization ? { authorization } : {} });

  it('is ready once every subscription runs, and not while one is stopped', async () => {
    expect(await eventually(health, (h) => h.status === 200)).toEqual({ status: 200, body: { status: 'ok' } });
    await app.db.query(`UPDATE subscriptions SET status = 'stopped', last_error = 'parked for the test' WHERE name = 'orders'`);
    const stopped = await eventually(health, (h) => h.status === 503);
    expect(stopped.body).toEqual({ status: 'unavailable', problems: ['subscription orders is stopped: parked for the test'] });
    await app.db.query(`UPDATE subscriptions SET status = 'running', last_error = NULL WHERE name = 'orders'`);
    await eventually(health, (h) => h.status === 200);
  });

  it('refuses /metrics without the operator token, and with a wrong one', async () => {
    expect((await metrics()).status).toBe(401);
    expect((await metrics('Bearer not-the-token')).status).toBe(401);
    expect((await metrics(`Basic ${opsToken}`)).status).toBe(401);
  });

  it('serves /metrics as Prometheus text with the named metrics', async () => {
    await fetch(`${app.url}/api/v1/conferences/no-such-conference`);
    const response = await metrics(`Bearer ${opsToken}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const samples = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(samples.filter((line) => !/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? ([-+0-9.eE]+|NaN|[+-]Inf)$/.test(line))).toEqual([]);
    const families = new Map(parsePrometheusTextFormat(text).map((family) => [family.name, family]));
    for (const name of [
      'seatwise_commands_total', 'seatwise_command_duration_seconds', 'seatwise_command_conflicts_total', 'seatwise_command_retries_total',
      'seatwise_appends_total', 'seatwise_events_appended_total', 'seatwise_subscription_lag_events', 'seatwise_subscription_lag_seconds',
      'seatwise_subscription_batch_duration_seconds', 'seatwise_timers_fired_total', 'seatwise_timers_overdue', 'seatwise_dead_letters',
      'seatwise_http_requests_total', 'seatwise_http_request_duration_seconds', 'process_cpu_user_seconds_total', 'nodejs_heap_size_total_bytes',
    ]) {
      expect(families.has(name), name).toBe(true);
    }
    // The demo conference was created through commands in the app's process at its start.
    const created = families.get('seatwise_commands_total')!.metrics.find((m) => m.labels?.type === 'CreateConference');
    expect(created?.labels).toEqual({ type: 'CreateConference', outcome: 'ok' });
    const lag = families.get('seatwise_subscription_lag_events')!.metrics.map((m) => m.labels?.subscription);
    expect(lag).toEqual(expect.arrayContaining(['orders', 'conferences', 'outbox-mail']));
    const requests = families.get('seatwise_http_requests_total')!.metrics.map((m) => m.labels);
    // Counted by route, not by URL: one series per slug or order id would never end.
    expect(requests).toContainEqual({ method: 'GET', route: '/api/v1/conferences/[slug]', status: '404' });
    expect(requests).toContainEqual({ method: 'GET', route: '/api/health', status: '503' });
  });

  // Last: connections the cut left dead in the pool fail the next request or two that use them.
  it('answers 503 while the database is unreachable and 200 once it is back', async () => {
    await eventually(health, (h) => h.status === 200);
    await proxy.cut();
    const down = await eventually(health, (h) => h.status === 503);
    expect(down.body.status).toBe('unavailable');
    expect(down.body.problems?.[0]).toMatch(/^database: /);
    // The token and the gauges are in the database: the scraper is told to come back, not given a 500.
    const scrape = await metrics(`Bearer ${opsToken}`);
    expect(scrape.status).toBe(503);
    expect(scrape.headers.get('retry-after')).toBe('5');
    expect(await scrape.json()).toMatchObject({ error: { code: 'unavailable' } });
    await proxy.restore();
    expect(await eventually(health, (h) => h.status === 200, 30_000)).toEqual({ status: 200, body: { status: 'ok' } });
    expect((await eventually(() => metrics(`Bearer ${opsToken}`), (r) => r.status === 200, 30_000)).status).toBe(200);
  });
});

describe('lag while no worker runs (the built app web-only, then a worker process beside it)', () => {
  let app: AppServer;
  let worker: ChildProcess | null = null;
  beforeAll(async () => {
    app = await startAppServer({ OPS_TOKEN: opsToken, RUN_WORKERS: '0', SEED_DEMO: '0' });
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker!.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    await app?.stop();
  });

  const health = async () => (await fetch(`${app.url}/api/health`)).status;
  const lagOf = async (subscription: string) => {
    const text = await (await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${opsToken}` } })).text();
    const lag = parsePrometheusTextFormat(text).find((family) => family.name === 'seatwise_subscription_lag_events');
    return Number(lag?.metrics.find((m) => m.labels?.subscription === subscription)?.value ?? NaN);
  };

  it('rises while nobody runs the subscriptions, and falls back to 0 once a worker does', async () => {
    expect(await health()).toBe(503);
    const created = await fetch(`${app.url}/api/v1/conferences`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ownerName: 'Olga Operator', ownerEmail: 'olga@example.com', name: 'Lag Day', slug: `lag-${Date.now().toString(36)}`, tagline: '',
        location: 'Online', description: 'Written while no worker runs.', startDate: '2031-03-01', endDate: '2031-03-01',
      }),
    });
    expect(created.status).toBe(201);
    expect(await lagOf('conferences')).toBe(1);

    worker = spawn(process.execPath, ['--import', 'tsx', 'infrastructure/worker.ts'], {
      env: { ...process.env, DATABASE_URL: app.databaseUrl, OPS_TOKEN: opsToken, SEED_DEMO: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await eventually(() => lagOf('conferences'), (lag) => lag === 0, 30_000);
    await eventually(health, (status) => status === 200, 30_000);
  });
});
