import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { processWide } from './process-wide';

export type HttpObserver = (observation: { route: string; method: string; status: number; seconds: number }) => void;

/** The admission gate of the HTTP server in front of Next (scripts/server.mjs), where there is one. */
const admission = () => (globalThis as unknown as Record<symbol, { running: number; waiting: number } | undefined>)[Symbol.for('seatwise.admission')];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const http = {
    requests: new Counter({ name: 'seatwise_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers }),
    duration: new Histogram({ name: 'seatwise_http_request_duration_seconds', help: 'HTTP request durations by route', labelNames: ['route'], registers }),
    inFlight: new Gauge({ name: 'seatwise_http_requests_in_flight', help: 'Requests being handled past the admission gate', registers, collect() {
      this.set(admission()?.running ?? 0);
    } }),
    waiting: new Gauge({ name: 'seatwise_http_requests_waiting', help: 'Requests waiting for their turn at the admission gate', registers, collect() {
      this.set(admission()?.waiting ?? 0);
    } }),
  };
  return {
    registry,
    commands: new Counter({ name: 'seatwise_commands_total', help: 'Commands by type and outcome (ok, refused, failed)', labelNames: ['type', 'outcome'], registers }),
    commandDuration: new Histogram({ name: 'seatwise_command_duration_seconds', help: 'Command durations, load to append', labelNames: ['type'], registers }),
    conflicts: new Counter({ name: 'seatwise_command_conflicts_total', help: 'Appends that lost an optimistic-concurrency race', registers }),
    retries: new Counter({ name: 'seatwise_command_retries_total', help: 'Commands decided again after a lost race', registers }),
    appends: new Counter({ name: 'seatwise_appends_total', help: 'Appends written (single and group commits)', labelNames: ['kind'], registers }),
    coalescedAppends: new Histogram({
      name: 'seatwise_coalesced_appends', help: 'Appends of commands that went to the database together, per statement', buckets: [2, 4, 8, 16, 32, 64, 100], registers,
    }),
    eventsAppended: new Counter({ name: 'seatwise_events_appended_total', help: 'Events written by appends', registers }),
    batchDuration: new Histogram({ name: 'seatwise_subscription_batch_duration_seconds', help: 'Subscription batches that applied events', labelNames: ['subscription'], registers }),
    batchEvents: new Counter({ name: 'seatwise_subscription_events_total', help: 'Events applied by subscriptions', labelNames: ['subscription'], registers }),
    lagEvents: new Gauge({ name: 'seatwise_subscription_lag_events', help: 'Events past a subscription checkpoint', labelNames: ['subscription'], registers }),
    lagSeconds: new Gauge({ name: 'seatwise_subscription_lag_seconds', help: 'Age of the oldest event a subscription has not processed', labelNames: ['subscription'], registers }),
    running: new Gauge({ name: 'seatwise_subscription_running', help: '1 while a runner holds the subscription (rebuilding too), 0 when stopped', labelNames: ['subscription'], registers }),
    timersFired: new Counter({ name: 'seatwise_timers_fired_total', help: 'Timers fired by this process', registers }),
    timersOverdue: new Gauge({ name: 'seatwise_timers_overdue', help: 'Unfired timers more than a second past due', registers }),
    timersPending: new Gauge({ name: 'seatwise_timers_pending', help: 'Timers not fired yet', registers }),
    deadLetters: new Gauge({ name: 'seatwise_dead_letters', help: 'Dead letters no operator has retried or skipped', labelNames: ['subscription'], registers }),
    deadLettered: new Counter({ name: 'seatwise_dead_lettered_total', help: 'Events and timers this process dead-lettered', labelNames: ['subscription'], registers }),
    observeHttp: ((o) => {
      http.requests.inc({ method: o.method, route: o.route, status: String(o.status) });
      http.duration.observe({ route: o.route }, o.seconds);
    }) satisfies HttpObserver,
  };
}

/**
 * One registry per process. The HTTP server in front of Next (scripts/server.mjs) is not part of
 * the bundle: it finds `observeHttp` under the same process-wide key (`seatwise.metrics`).
 */
export const metrics = processWide('metrics', createMetrics);

