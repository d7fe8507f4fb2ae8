import { describe, expect, it } from 'vitest';
import { addKeywords, splitKeywords } from './keywords';

describe('splitKeywords', () => {
  it('splits on commas and line breaks and trims', () => {
    expect(splitKeywords(' refund, order status,,\nshipping ')).toEqual([
      'refund',
      'order status',
      'shipping',
    ]);
  });

  it('yields nothing for blank input', () => {
    expect(splitKeywords(' , ')).toEqual([]);
  });
});

describe('addKeywords', () => {
  it('appends new words and skips ones already listed in any case', () => {
    expect(addKeywords(['Refund'], 'refund, invoice, INVOICE')).toEqual(['Refund', 'invoice']);
  });
});
