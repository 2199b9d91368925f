import { json } from '@/app/api/_lib/json';
import { healthOf, type Health } from '@/infrastructure/queries/health';
import { database } from '@/infrastructure/runtime';

export const dynamic = 'force-dynamic';

const answerWithinMs = 3_000;

/** The health of the process, or a failure when the database does not answer in time (a load balancer will not wait). */
async function healthInTime(): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${answerWithinMs} ms`)), answerWithinMs);
  });
  try {
    return await Promise.race([database().then(healthOf), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Readiness: 200 `{"status":"ok"}`, else 503 with what is wrong. */
export async function GET() {
  try {
    const health = await healthInTime();
    return health.ok ? json({ status: 'ok' }) : json({ status: 'unavailable', problems: health.problems }, 503);
  } catch (error) {
    return json({ status: 'unavailable', problems: [`database: ${error instanceof Error ? error.message : String(error)}`] }, 503);
  }
}
