import { describe, expect, it } from 'vitest';
import { parseInput, ValidationError } from './errors';
import { registrantSchema, seatSelectionSchema, seatTypeSchema } from './schemas';

const fieldErrorsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  return {};
};

describe('input at the boundary', () => {
  it('keeps a typed price in cents and refuses a blank quantity or price instead of reading 0', () => {
    expect(parseInput(seatTypeSchema, { name: 'General', quantity: '100', price: '15.10' })).toMatchObject({ quantity: 100, price: 1510 });
    expect(fieldErrorsOf(() => parseInput(seatTypeSchema, { name: 'General', quantity: '', price: ' ' }))).toEqual({
      quantity: 'Enter a quantity.',
      price: 'Enter a price.',
    });
  });

  it('explains every broken registrant field in the contract words', () => {
    expect(fieldErrorsOf(() => parseInput(registrantSchema, { firstName: '', lastName: ' ', email: 'nope', confirmEmail: 'other' }))).toEqual({
      firstName: 'First name is required.',
      lastName: 'Last name is required.',
      email: 'Enter a valid email address.',
      confirmEmail: 'Emails do not match.',
    });
    expect(fieldErrorsOf(() => parseInput(registrantSchema, { firstName: 'A', lastName: 'B', email: 'a@b.co', confirmEmail: 'A@B.co ' }))).toEqual({});
    expect(fieldErrorsOf(() => parseInput(registrantSchema, { firstName: 'A', lastName: 'B', email: 'a@b.co', confirmEmail: 'c@b.co' }))).toEqual({
      confirmEmail: 'Emails do not match.',
    });
  });

  it('asks for at least one seat', () => {
    expect(fieldErrorsOf(() => parseInput(seatSelectionSchema, [{ seatTypeId: 'ga', quantity: 0 }]))).toEqual({ form: 'Select at least one seat.' });
  });
});
