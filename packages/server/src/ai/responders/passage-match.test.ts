import { describe, expect, it } from 'vitest';
import type { Passage } from '../../knowledge/passages.js';
import { matchPassages, weightedCoverage } from './passage-match.js';

function passage(id: string, heading: string, text: string, score = 1): Passage {
  return { id, sourceId: 's', title: 'Policies', heading, text, question: null, url: null, score };
}

describe('weightedCoverage', () => {
  it('counts each question word by its weight', () => {
    const weigh = (stem: string) => (stem === 'klarn' ? 3 : 1);
    expect(weightedCoverage(new Set(['klarn', 'order']), new Set(['klarn']), weigh)).toBe(0.75);
    expect(weightedCoverage(new Set(['klarn', 'order']), new Set(['order']), weigh)).toBe(0.25);
  });

  it('covers a word through a synonym', () => {
    expect(weightedCoverage(new Set(['money']), new Set(['refun']))).toBe(1);
  });
});

describe('matchPassages', () => {
  it('prefers the passage in the question’s language', () => {
    const [best] = matchPassages('Kann ich mit PayPal bezahlen?', [
      passage(
        'es',
        'Formas de pago',
        'Aceptamos tarjeta de crédito, PayPal y Apple Pay en nuestra tienda.',
      ),
      passage(
        'de',
        'Zahlungsarten',
        'Wir akzeptieren Kreditkarte, PayPal und Apple Pay in unserem Laden.',
        0.9,
      ),
    ]);
    expect(best?.passage.id).toBe('de');
  });

  it('trusts a rare matching word more than a common one', () => {
    const weigh = (stem: string) => (stem === 'order' ? 0.1 : 2);
    const [onlyCommon] = matchPassages(
      'Can I pay for my order with Bitcoin?',
      [passage('a', 'Orders', 'Your order ships in two days.')],
      weigh,
    );
    expect(onlyCommon?.confidence).toBeLessThan(0.2);
  });
});
