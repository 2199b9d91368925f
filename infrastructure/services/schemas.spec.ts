import { describe, expect, it } from 'vitest';
import { parse } from './result';
import { placeOrderSchema, promoCodeSchema, registrantFormSchema, registrantSchema, seatSelectionSchema, seatTypeSchema } from './schemas';

const fieldErrorsOf = (parsed: ReturnType<typeof parse>) => (parsed.ok ? {} : parsed.fieldErrors);

describe('input at the boundary', () => {
  it('refuses a NUL byte, a control character or broken unicode in any text, next to its field', () => {
    expect(fieldErrorsOf(parse(registrantSchema, { firstName: 'A\u0000', lastName: 'B\u0007', email: 'a@b.co\uD800', confirmEmail: 'a@b.co' }))).toMatchObject({
      firstName: 'First name contains characters that are not allowed.',
      lastName: 'Last name contains characters that are not allowed.',
      email: 'Email contains characters that are not allowed.',
    });
    expect(fieldErrorsOf(parse(seatTypeSchema, { name: 'VIP', description: 'Line one\nline two 😀', quantity: '1', price: '1' }))).toEqual({});
  });

  it('refuses a seat type id that is not a uuid (a 36-character undashed one too)', () => {
    expect(fieldErrorsOf(parse(seatSelectionSchema, [{ seatTypeId: 'f'.repeat(36), quantity: 1 }]))).toEqual({ '0.seatTypeId': 'Choose a seat type.' });
  });

  it('takes a price in cents and refuses a blank quantity or price instead of reading 0', () => {
    expect(parse(seatTypeSchema, { name: 'General', quantity: '100', price: 1510 })).toMatchObject({ ok: true, value: { quantity: 100, price: 1510 } });
    expect(fieldErrorsOf(parse(seatTypeSchema, { name: 'General', quantity: '', price: ' ' }))).toEqual({
      quantity: 'Enter a quantity.',
      price: 'Enter a price.',
    });
  });

  it('explains every broken registrant field in the contract words', () => {
    expect(fieldErrorsOf(parse(registrantFormSchema, { firstName: '', lastName: ' ', email: 'nope', confirmEmail: 'other' }))).toEqual({
      firstName: 'First name is required.',
      lastName: 'Last name is required.',
      email: 'Enter a valid email address.',
      confirmEmail: 'Emails do not match.',
    });
    expect(fieldErrorsOf(parse(registrantFormSchema, { firstName: 'A', lastName: 'B', email: 'a@b.co', confirmEmail: 'A@B.co ' }))).toEqual({});
    expect(fieldErrorsOf(parse(registrantFormSchema, { firstName: 'A', lastName: 'B', email: 'a@b.co', confirmEmail: 'c@b.co' }))).toEqual({
      confirmEmail: 'Emails do not match.',
    });
  });

  it('asks for at least one seat', () => {
    const seatTypeId = '0190f5a0-0000-7000-8000-000000000001';
    expect(fieldErrorsOf(parse(seatSelectionSchema, [{ seatTypeId, quantity: 0 }]))).toEqual({ form: 'Select at least one seat.' });
  });

  it('reads a promo code in any case, and a blank or null one as none', () => {
    const order = { conferenceId: '0190f5a0-0000-7000-8000-000000000002', seats: [{ seatTypeId: '0190f5a0-0000-7000-8000-000000000001', quantity: 1 }] };
    expect(parse(placeOrderSchema, { ...order, promoCode: ' ws10 ' })).toMatchObject({ ok: true, value: { promoCode: 'WS10' } });
    for (const promoCode of ['', null, undefined]) {
      expect(parse(placeOrderSchema, { ...order, promoCode })).toMatchObject({ ok: true, value: { promoCode: undefined } });
    }
    expect(fieldErrorsOf(parse(placeOrderSchema, { ...order, promoCode: 'no-such code' }))).toEqual({ promoCode: 'That promo code is not valid.' });
  });

  it('takes a promo code for all seat types with unlimited uses when those are left blank', () => {
    expect(parse(promoCodeSchema, { code: 'speaker123', discountType: 'percent', discount: '100', seatTypeId: '', uses: '' }))
      .toMatchObject({ ok: true, value: { code: 'SPEAKER123', discountType: 'percent', discount: 100, seatTypeId: null, uses: null } });
    expect(fieldErrorsOf(parse(promoCodeSchema, { code: 'x', discountType: 'percent', discount: '10', uses: '0' }))).toEqual({
      code: 'Use 3 to 20 letters and digits.',
      uses: 'Enter at least 1 use, or leave it blank.',
    });
    expect(fieldErrorsOf(parse(promoCodeSchema, { code: 'HALF', discountType: 'percent', discount: '150' })))
      .toEqual({ discount: 'A percent can be at most 100.' });
  });
});
