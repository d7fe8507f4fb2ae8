import { describe, expect, it } from 'vitest';
import { deliveryNote } from './delivery';

describe('deliveryNote', () => {
  it('explains a failed message, even without an error from the server', () => {
    expect(deliveryNote({ status: 'failed', error: 'Token expired' })).toEqual({
      kind: 'failed',
      text: 'Token expired',
    });
    expect(deliveryNote({ status: 'failed', error: null })?.kind).toBe('failed');
  });

  it('shows a queued message that will be retried as a retry, not a failure', () => {
    expect(deliveryNote({ status: 'queued', error: 'Retrying: Meta is unavailable' })).toEqual({
      kind: 'retrying',
      text: 'Meta is unavailable',
    });
  });

  it('says nothing about messages that went out', () => {
    expect(deliveryNote({ status: 'sent', error: null })).toBeNull();
    expect(deliveryNote({ status: 'queued', error: null })).toBeNull();
    expect(deliveryNote({ status: 'received', error: '' })).toBeNull();
  });

  it('still shows any other error', () => {
    expect(deliveryNote({ status: 'queued', error: 'Odd' })).toEqual({
      kind: 'error',
      text: 'Odd',
    });
  });
});
