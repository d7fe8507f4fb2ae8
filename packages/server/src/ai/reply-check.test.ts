import { describe, expect, it } from 'vitest';
import { replyDidNotAnswer } from './reply-check.js';

describe('a reply that did not answer', () => {
  it('is a no-knowledge answer or a push elsewhere, in several languages', () => {
    expect(replyDidNotAnswer("Sorry, I don't know whether we ship there.")).toBe(true);
    expect(replyDidNotAnswer('Please contact our support team by email.')).toBe(true);
    expect(replyDidNotAnswer('Das weiß ich leider nicht.')).toBe(true);
    expect(replyDidNotAnswer('Je ne sais pas, désolé.')).toBe(true);
  });

  it('is not an actual answer', () => {
    expect(replyDidNotAnswer('Yes, standard shipping to Canada takes 5–8 business days.')).toBe(
      false,
    );
    expect(replyDidNotAnswer('Ja, die grüne Jacke ist wieder auf Lager.')).toBe(false);
  });
});
