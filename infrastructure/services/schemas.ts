import { z } from 'zod';

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a person typed, trimmed: no control characters (a NUL cannot even be stored) and no broken unicode. */
const typed = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .refine((value) => !controlCharacters.test(value) && !loneSurrogate.test(value), `${label} contains characters that are not allowed.`)
    .trim();
const required = (label: string, max = 200) =>
  typed(label).min(1, `${label} is required.`).max(max, `${label} must be at most ${max} characters.`);
const optional = (label: string, max: number) => typed(label).max(max, `${label} must be at most ${max} characters.`);
const email = typed('Email').toLowerCase().email('Enter a valid email address.').max(254, 'Enter a valid email address.');
const date = (label: string) => z.string({ error: `Enter the ${label.toLowerCase()}.` }).regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label.toLowerCase()}.`);
export const accessCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ123456789';
const accessCode = typed('Access code')
  .toUpperCase()
  .regex(/^[A-HJKMNP-Z1-9]{6}$/, 'Enter the 6-character access code.');

const conferenceDetailsShape = {
  name: required('Conference name', 100),
  tagline: optional('Tagline', 200).default(''),
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
    slug: typed('Slug')
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
  name: typed('Name').min(2, 'Name must be 2 to 70 characters.').max(70, 'Name must be 2 to 70 characters.'),
  description: optional('Description', 250).default(''),
  quantity: requiredNumber('Enter a quantity.', (n) =>
    n.int('Enter a whole number.').min(0, 'The quantity cannot be negative.').max(100_000, 'The quantity can be at most 100,000.'),
  ),
  price,
});

export const seatSelectionSchema = z
  .array(
    z.object({
      seatTypeId: z.uuid('Choose a seat type.'),
      quantity: z.coerce.number().int('Enter a whole number.').min(0, 'Enter 0 or more.').max(20, 'At most 20 seats of each type.'),
    }),
  )
  .max(100)
  .refine((seats) => seats.some((s) => s.quantity > 0), 'Select at least one seat.');

export const registrantSchema = z
  .object({
    firstName: typed('First name').min(1, 'First name is required.').max(100, 'First name is too long.'),
    lastName: typed('Last name').min(1, 'Last name is required.').max(100, 'Last name is too long.'),
    email,
    confirmEmail: typed('Confirm email').toLowerCase(),
  })
  .refine((value) => value.email === value.confirmEmail, { path: ['confirmEmail'], message: 'Emails do not match.' });

export const attendeeSchema = z.object({
  position: z.coerce.number().int().min(0),
  firstName: optional('First name', 100),
  lastName: optional('Last name', 100),
  email: z.union([z.literal(''), email]),
});

export const orderLookupSchema = z.object({ email, accessCode });
export const organizerSignInSchema = z.object({ email, accessCode });
export const idSchema = z.uuid();
