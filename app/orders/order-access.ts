import 'server-only';
import type { FormResult } from '@/components/registrant/order-types';
import { browserContext } from '@/infrastructure/auth/request';
import { canAccessOrder } from '@/infrastructure/auth/session';
import type { ServiceContext } from '@/infrastructure/services/context';
import { idSchema } from '@/infrastructure/services/schemas';

/** Shared by the registrant's server actions: reading forms, who acts, the refusal for strangers. */
export const textField = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** A registrant's submission of `action`, keyed by the form's commandId within this browser. */
export function registrantContext(action: string, key: unknown): Promise<ServiceContext> {
  return browserContext(action, key, 'registrant');
}

/** A request no form of ours sends (not form data): nothing to do. */
export const malformed: FormResult = {
  ok: false, code: 'MalformedRequest', message: 'This form could not be read. Reload the page and try again.', fieldErrors: {},
};

export const orderNotFound: FormResult = { ok: false, code: 'OrderNotFound', message: 'Order not found', fieldErrors: {} };

/** Only the browser that placed or found the order may see or act on it; ids that are not ids never match. */
export async function hasOrderAccess(orderId: string): Promise<boolean> {
  return idSchema.safeParse(orderId).success && (await canAccessOrder(orderId));
}
