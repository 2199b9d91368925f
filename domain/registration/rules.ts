/** What one order may ask for, and what a registrant or attendee must tell: said once. */
export const maxSeatsPerSeatType = 20;

export const personRules = {
  firstName: { min: 1, max: 100 },
  lastName: { min: 1, max: 100 },
} as const;
