import { describe, expect, it } from 'vitest';
import { countStems, idfWeights, withSynonyms } from './term-weights.js';

describe('idfWeights', () => {
  const weigh = idfWeights(
    countStems([
      'Your order ships within two days.',
      'Cancel an order before it ships.',
      'Order tracking by email.',
      'Klarna invoices are due in 30 days.',
    ]),
  );

  it('weighs a word few passages use above one most passages use', () => {
    expect(weigh('klarna')).toBeGreaterThan(weigh('order'));
    expect(weigh('order')).toBeGreaterThan(0);
  });

  it('weighs a word the knowledge base never uses above its rarest one', () => {
    expect(weigh('bitcoin')).toBeGreaterThan(weigh('klarna'));
  });

  it('weighs an everyday word it never uses below one it does not know', () => {
    expect(weigh('todai', true)).toBeLessThan(weigh('bitcoin'));
    expect(weigh('todai', true)).toBeGreaterThan(0);
    // A word it does use keeps its own weight, everyday or not.
    expect(weigh('order', true)).toBe(weigh('order'));
  });

  it('weighs a word it says differently like the word it uses', () => {
    const refunds = idfWeights(
      countStems(['Refunds take 5 days.', 'Order tracking by email.', 'Pay by invoice.']),
    );
    expect(refunds('monei')).toBe(refunds('refund'));
    expect(refunds('monei')).toBeLessThan(refunds('bitcoin'));
  });
});

describe('withSynonyms', () => {
  it('finds the words a shop uses for the same thing, across languages', () => {
    expect(withSynonyms('monei')).toContain('refund');
    expect(withSynonyms('versand')).toContain('ship');
    expect(withSynonyms('reset')).toContain('forgot');
  });

  it('leaves other words alone', () => {
    expect(withSynonyms('zebra')).toEqual(['zebra']);
  });
});
