import type { Database } from '../db/client';
import { metrics } from '../metrics';
import { openDeadLetters } from '../subscriptions/dead-letters';
import { statusOf, subscriptionStates, timerCounts } from './operations';

export type Health = { readonly ok: boolean; readonly problems: readonly string[] };

/** `HEALTH_MAX_LAG_SECONDS` (default 30): a subscription further behind than this makes the process unready. */
export function maxLagSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.HEALTH_MAX_LAG_SECONDS);
  return Number.isFinite(configured) && configured > 0 ? configured : 30;
}

/** Ready: the database answers, every subscription runs, and none lags behind more than the setting allows. */
export async function healthOf(db: Database): Promise<Health> {
  const limit = maxLagSeconds();
  const problems = (await subscriptionStates(db)).flatMap((s) => {
    const { status, reason } = statusOf(s);
    if (status === 'stopped') return [`subscription ${s.name} is stopped: ${reason ?? 'no reason recorded'}`];
    if ((s.lagSeconds ?? 0) > limit) return [`subscription ${s.name} lags ${Math.round(s.lagSeconds ?? 0)} s behind (limit ${limit} s)`];
    return [];
  });
  return { ok: problems.length === 0, problems };
}

/** The Prometheus text, with the gauges that live in the database read at scrape time. */
export async function scrape(db: Database): Promise<string> {
  const [subscriptions, timers, deadLetters] = [await subscriptionStates(db), await timerCounts(db), await openDeadLetters(db)];
  for (const s of subscriptions) {
    metrics.lagEvents.set({ subscription: s.name }, s.lagEvents);
    metrics.lagSeconds.set({ subscription: s.name }, s.lagSeconds ?? 0);
    metrics.running.set({ subscription: s.name }, statusOf(s).status === 'stopped' ? 0 : 1);
  }
  metrics.timersOverdue.set(timers.overdue);
  metrics.timersPending.set(timers.pending);
  metrics.deadLetters.reset();
  for (const letter of deadLetters) metrics.deadLetters.inc({ subscription: letter.subscription });
  return metrics.registry.metrics();
}
