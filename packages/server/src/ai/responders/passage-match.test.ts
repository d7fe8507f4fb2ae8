import { describe, expect, it } from 'vitest';
import type { Passage } from '../../knowledge/passages.js';
import {
  matchPassages,
  onlyGenericShared,
  questionWeights,
  sameStem,
  weightedCoverage,
} from './passage-match.js';

function passage(id: string, heading: string, text: string, score = 1): Passage {
  return { id, sourceId: 's', title: 'Policies', heading, text, question: null, url: null, score };
}

describe('weightedCoverage', () => {
  it('counts each question word by its weight', () => {
    const weigh = (stem: string) => (stem === 'klarna' ? 3 : 1);
    expect(weightedCoverage(new Set(['klarna', 'order']), new Set(['klarna']), weigh)).toBe(0.75);
    expect(weightedCoverage(new Set(['klarna', 'order']), new Set(['order']), weigh)).toBe(0.25);
  });

  it('covers a word through a synonym', () => {
    expect(weightedCoverage(new Set(['monei']), new Set(['refund']))).toBe(1);
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

describe('questionWeights', () => {
  const weigh = (_stem: string, everyday = false) => (everyday ? 1 : 4);

  it('passes on which question words are everyday ones', () => {
    const weights = questionWeights('Can I order today?', 'en', weigh);
    expect(weights('todai')).toBe(1);
    expect(weights('order')).toBe(1);
    expect(questionWeights('Can I pay with Bitcoin?', 'en', weigh)('bitcoin')).toBe(4);
  });

  it('weighs a name of two words as one subject', () => {
    const weights = questionWeights('Is the store open on Christmas Eve?', 'en', weigh);
    expect(weights('christma')).toBe(2);
    expect(weights('ev')).toBe(2);
  });
});

describe('matchPassages ordering', () => {
  it('prefers, among equally confident passages, the one whose heading names the question', () => {
    const matches = matchPassages('What does delivery cost?', [
      passage('times', 'Delivery times', 'Delivery takes two days and costs little.'),
      passage('costs', 'Delivery costs', 'Delivery costs €4.90 and takes two days.'),
    ]);
    expect(matches.map((match) => match.passage.id)).toEqual(['costs', 'times']);
    expect(matches[0]?.confidence).toBe(matches[1]?.confidence);
  });
});

describe('sameStem', () => {
  it('meets a longer form of the stem, not a word that only starts alike', () => {
    expect(sameStem('ship', 'shipment')).toBe(true);
    expect(sameStem('australia', 'austria')).toBe(false);
    expect(sameStem('pay', 'payabl')).toBe(false);
  });

  it('meets the negated word: a policy on unworn items answers one on worn ones', () => {
    expect(sameStem('worn', 'unworn')).toBe(true);
    expect(sameStem('benutzt', 'unbenutzt')).toBe(true);
    expect(sameStem('unworn', 'unworn')).toBe(true);
    expect(sameStem('til', 'until')).toBe(false);
  });
});

describe('onlyGenericShared', () => {
  it('tells a passage that shares only generic shop words with a question about something else', () => {
    const question = new Set(['order', 'phone']);
    expect(onlyGenericShared(question, ['order'], new Set())).toBe(true);
    expect(onlyGenericShared(question, ['order', 'phone'], new Set())).toBe(false);
  });

  it('does not count framing words as the something else', () => {
    expect(onlyGenericShared(new Set(['order', 'todai']), ['order'], new Set(['todai']))).toBe(
      false,
    );
  });

  it('leaves a match on a specific word alone', () => {
    expect(onlyGenericShared(new Set(['cancel', 'phone']), ['cancel'], new Set())).toBe(false);
    expect(onlyGenericShared(new Set(['phone']), [], new Set())).toBe(false);
  });
});
