import { seatAssignmentsView } from '@/infrastructure/queries/orders';
import { orderJson, seatsSnapshot } from '../order-json';

export const dynamic = 'force-dynamic';

/** `null` until the confirmed order's seats are projected. */
export function GET(_request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  return orderJson(params, seatAssignmentsView, seatsSnapshot);
}
