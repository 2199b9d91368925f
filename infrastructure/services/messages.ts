import { maxSeatsPerSeatType } from '@/domain/registration/rules';

/** A refused command's code in words, the same for a form and for the API. */
const messages: Readonly<Record<string, string>> = {
  NoSeatsSelected: 'Select at least one seat.',
  ConferenceNotPublished: 'This conference is not open for registration.',
  ConferenceNotFound: 'Conference not found',
  SeatTypeNotFound: 'That seat type does not exist.',
  OrderNotFound: 'Order not found',
  PaymentNotFound: 'Payment not found',
  OrderExpired: 'Your reservation has expired',
  OrderAlreadyConfirmed: 'This order is already confirmed.',
  OrderHasNoReservedSeats: 'No seats could be reserved for this order, so it cannot be paid.',
  OrderNotReserved: 'Your seats are still being reserved. Try again in a moment.',
  OrderIsFree: 'This order is free: there is nothing to pay.',
  PaymentInProgress: 'A payment for this order is already in progress.',
  PaymentAlreadyProcessed: 'This payment was already processed.',
  PaymentRequired: 'This order has to be paid before it is confirmed.',
  PaymentNotOpen: 'This payment is not the one in progress for this order.',
  SeatTypeCannotBeRemoved: 'A seat type cannot be removed once the conference was published.',
  TooManySeats: `At most ${maxSeatsPerSeatType} seats of each type per order.`,
  UnknownSeatType: 'That seat type is not on sale at this conference.',
  UnknownSeatPosition: 'That seat is not part of this order.',
  CommandIdReused: 'This form was already sent for something else. Reload the page and try again.',
  TooManyAttempts: 'Too many attempts. Try again in a minute.',
  TooManyOrders: 'Too many orders from this address. Try again in a minute.',
  SlugTaken: 'That slug is already taken.',
  PromoCodeNotValid: 'That promo code is not valid.',
  PromoCodeTaken: 'That code already exists.',
};

export const messageFor = (code: string) => messages[code] ?? `${code.replace(/([a-z])([A-Z])/g, '$1 $2')}.`;
