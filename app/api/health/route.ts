import { json } from '@/app/api/_lib/json';
import { healthOf } from '@/infrastructure/queries/health';
import { database } from '@/infrastructure/runtime';

export const dynamic = 'force-dynamic';

const answerWithinMs = 3_000;

/** Readiness for a load balancer: 200 `{"status":"ok"}`, else 503 with what is wrong. */
export async function GET() {
  try {
    const health = await Promise.race([
      database().then(healthOf),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${answerWithinMs} ms`)), answerWithinMs)),
    ]);
    return health.ok ? json({ status: 'ok' }) : json({ status: 'unavailable', problems: health.problems }, 503);
  } catch (error) {
    return json({ status: 'unavailable', problems: [`database: ${error instanceof Error ? error.message : String(error)}`] }, 503);
  }
}
