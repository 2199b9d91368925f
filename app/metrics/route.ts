import { jsonError, orUnavailable } from '@/app/api/_lib/json';
import { operatorBearer } from '@/infrastructure/auth/ops-session';
import { scrape } from '@/infrastructure/queries/health';
import { metrics } from '@/infrastructure/metrics';
import { database } from '@/infrastructure/runtime';

export const dynamic = 'force-dynamic';

/** Prometheus text for a scraper holding the operator token as its bearer token. */
export function GET(request: Request) {
  // The token and the database's gauges are both read from the database: in an outage, 503.
  return orUnavailable(async () => {
    const access = await operatorBearer(request);
    if (access === 'missing') return jsonError(401, 'unauthorized', 'This needs the operator token: Authorization: Bearer <OPS_TOKEN>.');
    if (access === 'throttled') return jsonError(429, 'too_many_requests', 'Too many attempts. Try again in a minute.');
    if (access === 'refused') return jsonError(401, 'unauthorized', 'That token is not valid.');
    const text = await scrape(await database());
    return new Response(text, { headers: { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' } });
  });
}
