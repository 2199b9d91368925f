'use server';

import { hasOrderAccess, orderNotFound, registrantContext } from '@/app/orders/order-access';
import type { FormResult } from '@/components/forms/result';
import { saveAssignments } from '@/infrastructure/services/seat-assignments';

/** Saves every row; the answer's version tells the page when the read model shows the save. */
export async function saveSeatAssignments(orderId: unknown, commandId: unknown, rows: unknown): Promise<FormResult> {
  if (!(await hasOrderAccess(orderId))) return orderNotFound;
  const saved = await saveAssignments(await registrantContext('assign-seats', commandId), orderId as string, rows);
  return saved.ok ? { ok: true, version: saved.version } : saved;
}
