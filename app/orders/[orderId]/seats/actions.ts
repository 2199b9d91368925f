'use server';

import { hasOrderAccess, orderNotFound, registrantContext } from '@/app/orders/order-access';
import type { FormResult } from '@/components/registrant/order-types';
import { toFailure } from '@/infrastructure/services/errors';
import { saveAssignments } from '@/infrastructure/services/seat-assignments';

/** Saves every row; the answer's version tells the page when the read model shows the save. */
export async function saveSeatAssignments(orderId: string, commandId: string | null, rows: unknown): Promise<FormResult> {
  if (!(await hasOrderAccess(orderId))) return orderNotFound;
  try {
    const { version } = await saveAssignments(await registrantContext('assign-seats', commandId), orderId, rows);
    return { ok: true, version };
  } catch (error) {
    return toFailure(error);
  }
}
