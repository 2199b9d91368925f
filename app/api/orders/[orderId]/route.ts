import { orderView } from '@/infrastructure/queries/orders';
import { orderJson, orderSnapshot } from './order-json';

export const dynamic = 'force-dynamic';

export function GET(_request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  return orderJson(params, orderView, orderSnapshot);
}
