import 'server-only';
import type { FormResult } from '@/components/registrant/order-types';
import { canAccessOrder } from '@/infrastructure/auth/session';
import { database } from '@/infrastructure/runtime';
import type { ServiceContext } from '@/infrastructure/services/context';
import { idSchema } from '@/infrastructure/services/schemas';

/** Shared by the registrant's server actions: reading forms, who acts, the refusal for strangers. */
export const textField = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** A form's request id: the same id submitted twice is one command, so a double submit is a no-op. */
export async function registrantContext(commandId: unknown): Promise<ServiceContext> {
  const parsed = idSchema.safeParse(commandId);
  return { db: await database(), actor: 'registrant', ...(parsed.success ? { commandId: parsed.data } : {}) };
}

export const orderNotFound: FormResult = { ok: false, code: 'OrderNotFound', message: 'Order not found', fieldErrors: {} };

/** Only the browser that placed or found the order may see or act on it; ids that are not ids never match. */
export async function hasOrderAccess(orderId: string): Promise<boolean> {
  return idSchema.safeParse(orderId).success && (await canAccessOrder(orderId));
}
