import { z } from 'zod';
import { conferenceRules, seatTypeRules } from '@/domain/conference/rules';
import { maxPromoCodeAmount, maxPromoCodeUses, promoCodePattern } from '@/domain/promotions/promo-codes';
import { maxSeatsPerSeatType, personRules } from '@/domain/registration/rules';
import { accessCodeLength, accessCodePattern } from '@/domain/shared/access-code';
import { formatMoney } from '@/domain/shared/money';
import type { Range } from '@/domain/shared/validation';

// One schema per command input, built from the domain's rules: forms and the API share them.

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a person typed, trimmed: no control characters (a NUL cannot even be stored) and no broken unicode. */
const typed = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .refine((value) => !controlCharacters.test(value) && !loneSurrogate.test(value), `${label} contains characters that are not allowed.`)
    .trim();

/** Text within a rule's length range, explained in its words. */
function text(label: string, { min, max }: Range) {
  if (min > 1) return typed(label).min(min, `${label} must be ${min} to ${max} characters.`).max(max, `${label} must be ${min} to ${max} characters.`);
  const atMost = typed(label).max(max, `${label} must be at most ${max} characters.`);
  return min === 1 ? atMost.min(1, `${label} is required.`) : atMost;
}

const email = typed('Email').toLowerCase().email('Enter a valid email address.').max(254, 'Enter a valid email address.');
const date = (label: string) => z.string({ error: `Enter the ${label.toLowerCase()}.` }).regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label.toLowerCase()}.`);
const accessCode = typed('Access code').toUpperCase().regex(accessCodePattern, `Enter the ${accessCodeLength}-character access code.`);
export const idSchema = z.uuid();

/** An empty form field is missing, not zero. */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const wholeNumber = (missing: string, { min, max }: Range, tooMany: string, negative: string) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: missing }).int('Enter a whole number.').min(min, negative).max(max, tooMany));

const conferenceDetailsShape = {
  name: text('Conference name', conferenceRules.name),
  tagline: text('Tagline', conferenceRules.tagline),
  location: text('Location', conferenceRules.location),
  description: text('Description', conferenceRules.description),
  startDate: date('Start date'),
  endDate: date('End date'),
};
const datesInOrder = <T extends { startDate: string; endDate: string }>(value: T, ctx: z.RefinementCtx) => {
  if (value.endDate < value.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end date cannot be before the start date.' });
  }
};

/** A tagline left out is none. */
const withoutTagline = { tagline: conferenceDetailsShape.tagline.default('') };

export const conferenceDetailsSchema = z.object({ ...conferenceDetailsShape, ...withoutTagline }).superRefine(datesInOrder);
/** A change of some details (the API's PATCH): what is left out stays as it is. */
export const conferenceDetailsChangeSchema = z.object(conferenceDetailsShape).partial();

export const newConferenceSchema = z
  .object({
    ...conferenceDetailsShape,
    ...withoutTagline,
    ownerName: text('Your name', conferenceRules.ownerName),
    ownerEmail: email,
    slug: typed('Slug').toLowerCase().regex(conferenceRules.slug.pattern, 'Use 3 to 40 lowercase letters, digits or dashes.'),
  })
  .superRefine(datesInOrder);

/** Prices are cents; forms type them in the currency's units and send them converted (see `centsOf`). */
export const seatTypeSchema = z.object({
  name: text('Name', seatTypeRules.name),
  description: text('Description', seatTypeRules.description).default(''),
  quantity: wholeNumber('Enter a quantity.', seatTypeRules.quantity,
    `The quantity can be at most ${seatTypeRules.quantity.max.toLocaleString('en-US')}.`, 'The quantity cannot be negative.'),
  price: wholeNumber('Enter a price.', seatTypeRules.price,
    `The price can be at most ${formatMoney(seatTypeRules.price.max).replace('$', '')}.`, 'The price cannot be negative.'),
});

export const seatSelectionSchema = z
  .array(
    z.object({
      seatTypeId: z.uuid('Choose a seat type.'),
      quantity: z.coerce.number().int('Enter a whole number.').min(0, 'Enter 0 or more.')
        .max(maxSeatsPerSeatType, `At most ${maxSeatsPerSeatType} seats of each type.`),
    }),
  )
  .max(100)
  .refine((seats) => seats.some((s) => s.quantity > 0), 'Select at least one seat.');

const invalidPromoCode = 'That promo code is not valid.';
/** A code as typed: any case, stored upper-case; blank is none. */
const promoCode = (message: string) => typed('Code').toUpperCase().regex(promoCodePattern, message);

export const placeOrderSchema = z.object({
  conferenceId: idSchema,
  seats: seatSelectionSchema,
  // Blank, null or left out: no code.
  promoCode: z.preprocess((value) => blankToUndefined(value ?? undefined), promoCode(invalidPromoCode).optional()),
});
/** The API's body of a new order: the conference is in its path. */
export const newOrderSchema = placeOrderSchema.omit({ conferenceId: true });
/** New seats for an order. */
export const seatsSchema = z.object({ seats: seatSelectionSchema });

const person = {
  firstName: text('First name', personRules.firstName),
  lastName: text('Last name', personRules.lastName),
};

/** The registrant as the API sends them; the form adds a confirmation of the e-mail. */
export const registrantSchema = z.object({ ...person, email });
export const registrantFormSchema = registrantSchema
  .extend({ confirmEmail: typed('Confirm email').toLowerCase() })
  .refine((value) => value.email === value.confirmEmail, { path: ['confirmEmail'], message: 'Emails do not match.' });

/** Who joins a waiting list, and how many seats of which types they wait for. */
export const waitingListSchema = registrantSchema.extend({ seats: seatSelectionSchema });

export const attendeeSchema = z.object(person).extend({ email });
/** A row of the assign-seats form: an emptied e-mail unassigns the seat. */
export const attendeeRowSchema = z.object({
  position: z.coerce.number().int().min(0),
  firstName: text('First name', { min: 0, max: personRules.firstName.max }),
  lastName: text('Last name', { min: 0, max: personRules.lastName.max }),
  email: z.union([z.literal(''), email]),
});

export const accessCodeCheckSchema = z.object({ email, accessCode });

/** A promo code: `discount` is a percent (1–100) or cents; no seat type covers all, no uses is unlimited. */
export const promoCodeSchema = z
  .object({
    code: promoCode('Use 3 to 20 letters and digits.'),
    discountType: z.enum(['percent', 'amount'], { error: 'Choose a discount type.' }),
    discount: wholeNumber('Enter a discount.', { min: 1, max: maxPromoCodeAmount },
      `The discount can be at most ${formatMoney(maxPromoCodeAmount)}.`, 'The discount must be more than zero.'),
    seatTypeId: z.preprocess(blankToUndefined, z.uuid('Choose a seat type.').nullable().default(null)),
    uses: z.preprocess(blankToUndefined, wholeNumber('Enter a number of uses.', { min: 1, max: maxPromoCodeUses },
      `At most ${maxPromoCodeUses.toLocaleString('en-US')} uses.`, 'Enter at least 1 use, or leave it blank.').nullable().default(null)),
  })
  .superRefine((value, ctx) => {
    if (value.discountType === 'percent' && value.discount > 100) {
      ctx.addIssue({ code: 'custom', path: ['discount'], message: 'A percent can be at most 100.' });
    }
  });
