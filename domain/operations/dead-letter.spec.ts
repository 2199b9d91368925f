import { describe, it } from 'vitest';
import { given } from '../shared/testing';
import { deadLetter, type DeadLetterEvent } from './dead-letter';

const data = { deadLetterId: '7', subscription: 'orders', eventId: 'e-1', eventType: 'OrderPlaced', operator: 'operator' };
const retried: DeadLetterEvent = { type: 'DeadLetterRetried', data };
const skipped: DeadLetterEvent = { type: 'DeadLetterSkipped', data };

describe('given a parked event', () => {
  it('is retried', () => given(deadLetter).when({ type: 'RetryDeadLetter', data }).then([retried]));
  it('is skipped', () => given(deadLetter).when({ type: 'SkipDeadLetter', data }).then([skipped]));
});

describe('given a retried dead letter', () => {
  it('retrying again changes nothing', () => given(deadLetter, [retried]).when({ type: 'RetryDeadLetter', data }).then([]));
  it('cannot be skipped any more', () => given(deadLetter, [retried]).when({ type: 'SkipDeadLetter', data }).thenThrows('DeadLetterAlreadyResolved'));
});

describe('given a skipped dead letter', () => {
  it('cannot be retried any more', () => given(deadLetter, [skipped]).when({ type: 'RetryDeadLetter', data }).thenThrows('DeadLetterAlreadyResolved'));
});
