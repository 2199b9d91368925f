/**
 * The limits of a conference and its seat types, said once: the decider enforces them, the
 * forms and the API explain them. Lengths count characters after trimming; prices are cents.
 */
export const conferenceRules = {
  name: { min: 1, max: 100 },
  tagline: { min: 0, max: 200 },
  location: { min: 1, max: 200 },
  description: { min: 1, max: 2_000 },
  ownerName: { min: 1, max: 100 },
  slug: { pattern: /^[a-z0-9-]{3,40}$/ },
} as const;

export const seatTypeRules = {
  name: { min: 2, max: 70 },
  description: { min: 0, max: 250 },
  quantity: { min: 0, max: 100_000 },
  price: { min: 0, max: 5_000_000 },
} as const;
