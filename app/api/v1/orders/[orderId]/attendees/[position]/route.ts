import { assignAttendee, unassignAttendee } from '@/infrastructure/services/seat-assignments';
import { notFound, type Answer } from '../../../../_lib/answer';
import { orderAccess } from '../../../../_lib/access';
import { apiRoute, type Call } from '../../../../_lib/call';
import { writeAnswer } from '../../../../_lib/write';

export const dynamic = 'force-dynamic';

type Params = { orderId: string; position: string };

/** The order the token opens and the seat at the position, or the contract's refusal. */
async function seatOf(call: Call<Params>): Promise<{ orderId: string; position: number } | Answer> {
  const access = await orderAccess(call, call.params.orderId);
  if ('refused' in access) return access.refused;
  const position = /^\d{1,4}$/.test(call.params.position) ? Number(call.params.position) : null;
  return position === null ? notFound('There is no seat at that position.') : { orderId: access.granted, position };
}

/** An attendee on the seat: a new e-mail replaces whoever sat there. */
export const PUT = apiRoute<Params>(async (call) => {
  const seat = await seatOf(call);
  if ('status' in seat) return seat;
  return writeAnswer(await assignAttendee(call.context('api:registrant'), seat.orderId, seat.position, call.body));
});

/** Nobody on the seat. */
export const DELETE = apiRoute<Params>(async (call) => {
  const seat = await seatOf(call);
  if ('status' in seat) return seat;
  return writeAnswer(await unassignAttendee(call.context('api:registrant'), seat.orderId, seat.position));
});
