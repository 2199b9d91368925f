import type { Decider, Message } from '@/domain/shared/decider';
import { conference, type ConferenceCommand, type ConferenceEvent } from '@/domain/conference/conference';
import { deadLetter, type DeadLetterCommand, type DeadLetterEvent } from '@/domain/operations/dead-letter';
import { payment, type PaymentCommand, type PaymentEvent } from '@/domain/payments/payment';
import { promoCodes, type PromoCodesCommand, type PromoCodesEvent } from '@/domain/promotions/promo-codes';
import { order, type OrderCommand, type OrderEvent } from '@/domain/registration/order';
import { registrationProcess } from '@/domain/registration/registration-process';
import { seatAssignments, type SeatAssignmentsCommand, type SeatAssignmentsEvent } from '@/domain/registration/seat-assignments';
import { waitingListEntry, type JoinWaitingList, type WaitingListJoined } from '@/domain/registration/waiting-list';
import {
  seatsAvailability, type SeatsAvailabilityCommand, type SeatsAvailabilityEvent,
} from '@/domain/registration/seats-availability';
import { streamIdOf } from '../event-store/types';
import { handle, handleWithin, type CommandContext, type CommandMetadata, type HandleResult, type UnitOfWork } from './handle';

export const conferenceStream = (conferenceId: string) => streamIdOf(conference.streamType, conferenceId);
export const availabilityStream = (conferenceId: string) => streamIdOf(seatsAvailability.streamType, conferenceId);
export const orderStream = (orderId: string) => streamIdOf(order.streamType, orderId);
export const paymentStream = (paymentId: string) => streamIdOf(payment.streamType, paymentId);
export const seatAssignmentsStream = (orderId: string) => streamIdOf(seatAssignments.streamType, orderId);
export const registrationStream = (orderId: string) => streamIdOf(registrationProcess.streamType, orderId);
export const deadLetterStream = (deadLetterId: string) => streamIdOf(deadLetter.streamType, deadLetterId);
export const promoCodesStream = (conferenceId: string) => streamIdOf(promoCodes.streamType, conferenceId);
export const waitingListEntryStream = (entryId: string) => streamIdOf(waitingListEntry.streamType, entryId);

export type RoutedCommand =
  | ConferenceCommand | SeatsAvailabilityCommand | OrderCommand | SeatAssignmentsCommand | PaymentCommand | DeadLetterCommand
  | PromoCodesCommand | JoinWaitingList;

/** The events the aggregate a command goes to can answer with. */
export type EventsOf<C extends RoutedCommand> =
  C extends ConferenceCommand ? ConferenceEvent
  : C extends SeatsAvailabilityCommand ? SeatsAvailabilityEvent
  : C extends OrderCommand ? OrderEvent
  : C extends SeatAssignmentsCommand ? SeatAssignmentsEvent
  : C extends DeadLetterCommand ? DeadLetterEvent
  : C extends PromoCodesCommand ? PromoCodesEvent
  : C extends JoinWaitingList ? WaitingListJoined
  : PaymentEvent;

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
    case 'CancelSeatReservation': case 'JoinWaitingLine':
      return route(seatsAvailability, availabilityStream(command.data.conferenceId));
    case 'PlaceOrder': case 'UpdateOrderSeats': case 'MarkSeatsAsReserved': case 'ExpireOrder':
    case 'AssignRegistrantDetails': case 'StartPayment': case 'ReleasePayment': case 'ConfirmOrder':
      return route(order, orderStream(command.data.orderId));
    case 'CreateSeatAssignments': case 'AssignSeat': case 'UnassignSeat':
      return route(seatAssignments, seatAssignmentsStream(command.data.orderId));
    case 'InitiatePayment': case 'CompletePayment': case 'RejectPayment': case 'RefundPayment':
      return route(payment, paymentStream(command.data.paymentId));
    case 'RetryDeadLetter': case 'SkipDeadLetter':
      return route(deadLetter, deadLetterStream(command.data.deadLetterId));
    case 'AddPromoCode': case 'ReservePromoCodeUse': case 'ReleasePromoCodeUse':
      return route(promoCodes, promoCodesStream(command.data.conferenceId));
    case 'JoinWaitingList':
      return route(waitingListEntry, waitingListEntryStream(command.data.entryId));
  }
}

/** Sends any command to its aggregate through the one write path, `handle()`. */
export function send<C extends RoutedCommand>(command: C, context: CommandContext): Promise<HandleResult<EventsOf<C>>> {
  const { decider, streamId } = routeOf(command);
  return handle(decider, streamId, command, context) as Promise<HandleResult<EventsOf<C>>>;
}

/** The same, inside a subscription batch: the command commits with the batch. */
export function sendWithin<C extends RoutedCommand>(work: UnitOfWork, command: C, metadata: CommandMetadata): Promise<HandleResult<EventsOf<C>>> {
  const { decider, streamId } = routeOf(command);
  return handleWithin(work, decider, streamId, command, metadata) as Promise<HandleResult<EventsOf<C>>>;
}
