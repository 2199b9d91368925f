import { z } from 'zod';

const required = (label: string, max = 200) =>
  z.string().trim().min(1, `${label} is required.`).max(max, `${label} must be at most ${max} characters.`);
const email = z.string().trim().toLowerCase().email('Enter a valid email address.').max(254, 'Enter a valid email address.');
const date = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label.toLowerCase()}.`);
export const accessCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ123456789';
const accessCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJKMNP-Z1-9]{6}$/, 'Enter the 6-character access code.');

const conferenceDetailsShape = {
  name: required('Conference name', 100),
  tagline: z.string().trim().max(200, 'Tagline must be at most 200 characters.').default(''),
  location: required('Location', 200),
  description: required('Description', 2000),
  startDate: date('Start date'),
  endDate: date('End date'),
};
const datesInOrder = <T extends { startDate: string; endDate: string }>(value: T, ctx: z.RefinementCtx) => {
  if (value.endDate < value.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end date cannot be before the start date.' });
  }
};

export const conferenceDetailsSchema = z.object(conferenceDetailsShape).superRefine(datesInOrder);

export const newConferenceSchema = z
  .object({
    ...conferenceDetailsShape,
    ownerName: required('Your name', 100),
    ownerEmail: email,
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9-]{3,40}$/, 'Use 3 to 40 lowercase letters, digits or dashes.'),
  })
  .superRefine(datesInOrder);

/** An empty form field is missing, not zero. */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const requiredNumber = (missing: string, rules: (n: z.ZodNumber) => z.ZodNumber) =>
  z.preprocess(blankToUndefined, rules(z.coerce.number({ error: missing })));

/** Prices are typed in dollars (or the conference's currency) and kept in cents. */
const price = requiredNumber('Enter a price.', (n) =>
  n.min(0, 'The price cannot be negative.').max(50_000, 'The price can be at most 50,000.00.'),
).transform((value) => Math.round(value * 100));

export const seatTypeSchema = z.object({
  name: z.string().trim().min(2, 'Name must be 2 to 70 characters.').max(70, 'Name must be 2 to 70 characters.'),
  description: z.string().trim().max(250, 'Description must be at most 250 characters.').default(''),
  quantity: requiredNumber('Enter a quantity.', (n) =>
    n.int('Enter a whole number.').min(0, 'The quantity cannot be negative.').max(100_000, 'The quantity can be at most 100,000.'),
  ),
  price,
});

export const seatSelectionSchema = z
  .array(
    z.object({
      seatTypeId: z.string().min(1),
      quantity: z.coerce.number().int('Enter a whole number.').min(0, 'Enter 0 or more.').max(20, 'At most 20 seats of each type.'),
    }),
  )
  .max(100)
  .refine((seats) => seats.some((s) => s.quantity > 0), 'Select at least one seat.');

export const registrantSchema = z
  .object({
    firstName: z.string().trim().min(1, 'First name is required.').max(100, 'First name is too long.'),
    lastName: z.string().trim().min(1, 'Last name is required.').max(100, 'Last name is too long.'),
    email,
    confirmEmail: z.string().trim().toLowerCase(),
  })
  .refine((value) => value.email === value.confirmEmail, { path: ['confirmEmail'], message: 'Emails do not match.' });

export const attendeeSchema = z.object({
  position: z.coerce.number().int().min(0),
  firstName: z.string().trim().max(100),
  lastName: z.string().trim().max(100),
  email: z.union([z.literal(''), email]),
});

export const orderLookupSchema = z.object({ email, accessCode });
export const organizerSignInSchema = z.object({ email, accessCode });
export const idSchema = z.string().uuid();
