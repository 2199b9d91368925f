import 'server-only';
import { browserContext } from '@/infrastructure/auth/request';
import { canAccessOrder } from '@/infrastructure/auth/session';
import type { ServiceContext } from '@/infrastructure/services/context';
import { refusal } from '@/infrastructure/services/result';
import { idSchema } from '@/infrastructure/services/schemas';

/** A registrant's submission of `action`, keyed by the form's commandId within this browser. */
export function registrantContext(action: string, key: unknown): Promise<ServiceContext> {
  return browserContext(action, key, 'registrant');
}

/** What anyone but the browser that placed or found an order hears about it. */
export const orderNotFound = refusal('OrderNotFound');

/** Only the browser that placed or found the order may see or act on it; ids that are not ids never match. */
export async function hasOrderAccess(orderId: unknown): Promise<boolean> {
  return idSchema.safeParse(orderId).success && (await canAccessOrder(orderId as string));
}
