import { jsonError, json, orUnavailable } from '@/app/api/_lib/json';
import { operationsDto } from '@/app/ops/_lib/dto';
import { isOperator } from '@/infrastructure/auth/ops-session';
import { operationsView } from '@/infrastructure/queries/operations';
import { database } from '@/infrastructure/runtime';

export const dynamic = 'force-dynamic';

/** What the operator's console polls; nobody else sees it. */
export function GET() {
  return orUnavailable(async () => {
    if (!(await isOperator())) return jsonError(401, 'unauthorized', 'Sign in at /ops with the operator token.');
    return json(operationsDto(await operationsView(await database())));
  });
}
