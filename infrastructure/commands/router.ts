import type { Decider, Message } from '@/domain/shared/decider';
import { conference, type ConferenceCommand } from '@/domain/conference/conference';
import { payment, type PaymentCommand } from '@/domain/payments/payment';
import { order, type OrderCommand } from '@/domain/registration/order';
import { seatAssignments, type SeatAssignmentsCommand } from '@/domain/registration/seat-assignments';
import { seatsAvailability, type SeatsAvailabilityCommand } from '@/domain/registration/seats-availability';
import { streamIdOf } from '../event-store/types';
import { handle, type CommandContext, type HandleResult } from './handle';

export const conferenceStream = (conferenceId: string) => streamIdOf(conference.streamType, conferenceId);
export const availabilityStream = (conferenceId: string) => streamIdOf(seatsAvailability.streamType, conferenceId);
export const orderStream = (orderId: string) => streamIdOf(order.streamType, orderId);
export const paymentStream = (paymentId: string) => streamIdOf(payment.streamType, paymentId);
export const seatAssignmentsStream = (orderId: string) => streamIdOf(seatAssignments.streamType, orderId);

export type RoutedCommand =
  | ConferenceCommand | SeatsAvailabilityCommand | OrderCommand | SeatAssignmentsCommand | PaymentCommand;

type Route = { decider: Decider<Message, Message, unknown>; streamId: string };
const route = <C extends Message, E extends Message, S>(decider: Decider<C, E, S>, streamId: string) =>
  ({ decider, streamId }) as unknown as Route;

/** Which aggregate and stream a command goes to: the ids it needs are in its data. */
function routeOf(command: RoutedCommand): Route {
  switch (command.type) {
    case 'CreateConference': case 'UpdateConferenceDetails': case 'AddSeatType': case 'UpdateSeatType':
    case 'RemoveSeatType': case 'PublishConference': case 'UnpublishConference':
      return route(conference, conferenceStream(command.data.conferenceId));
    case 'AddSeats': case 'RemoveSeats': case 'MakeSeatReservation': case 'CommitSeatReservation':
    case 'CancelSeatReservation':
      return route(seatsAvailability, availabilityStream(command.data.conferenceId));
    case 'PlaceOrder': case 'UpdateOrderSeats': case 'MarkSeatsAsReserved': case 'ExpireOrder':
    case 'AssignRegistrantDetails': case 'StartPayment': case 'ReleasePayment': case 'ConfirmOrder':
      return route(order, orderStream(command.data.orderId));
    case 'CreateSeatAssignments': case 'AssignSeat': case 'UnassignSeat':
      return route(seatAssignments, seatAssignmentsStream(command.data.orderId));
    case 'InitiatePayment': case 'CompletePayment': case 'RejectPayment': case 'RefundPayment':
      return route(payment, paymentStream(command.data.paymentId));
  }
}

/** Sends any command to its aggregate through the one write path, `handle()`. */
export function send(command: RoutedCommand, context: CommandContext): Promise<HandleResult> {
  const { decider, streamId } = routeOf(command);
  return handle(decider, streamId, command, context);
}
