import { hasText, isEmail } from '../shared/validation';

/** What one order may ask for, and what a registrant or attendee must tell: said once. */
export const maxSeatsPerSeatType = 20;

export const personRules = {
  firstName: { min: 1, max: 100 },
  lastName: { min: 1, max: 100 },
} as const;

/** A person as the deciders take one: both names within their rules and an e-mail address. */
export const isPerson = (person: Readonly<{ firstName: string; lastName: string; email: string }>): boolean =>
  hasText(person.firstName, personRules.firstName) && hasText(person.lastName, personRules.lastName) && isEmail(person.email);
