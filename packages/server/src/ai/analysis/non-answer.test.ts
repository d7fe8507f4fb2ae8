import { describe, expect, it } from 'vitest';
import { isNonAnswer } from './unanswered.js';

describe('a reply that did not answer (what the safety net counts)', () => {
  it('is a no-knowledge answer or a push elsewhere, in several languages', () => {
    expect(isNonAnswer("Sorry, I don't know whether we ship there.")).toBe(true);
    expect(isNonAnswer('Please contact our support team by email.')).toBe(true);
    expect(isNonAnswer('Das weiß ich leider nicht.')).toBe(true);
    expect(isNonAnswer('Je ne sais pas, désolé.')).toBe(true);
  });

  it('is not an actual answer', () => {
    expect(isNonAnswer('Yes, standard shipping to Canada takes 5–8 business days.')).toBe(false);
    expect(isNonAnswer('Ja, die grüne Jacke ist wieder auf Lager.')).toBe(false);
  });
});
