import { describe, expect, it } from 'vitest';
import {
  figures,
  type Prediction,
  type ScoredCase,
  sameQuestion,
  scoreByLanguage,
  scoreGroup,
} from './score.js';

const none: Prediction = {
  frustrated: false,
  humanRequested: false,
  unanswered: [],
  sentiment: 'neutral',
  topics: ['other'],
};

function scored(
  id: string,
  language: string,
  labels: Prediction,
  prediction: Prediction,
): ScoredCase {
  return { id, language, labels, prediction };
}

describe('figures', () => {
  it('computes precision, recall and F1', () => {
    // tp 2, fp 1, fn 2 → P 2/3, R 1/2, F1 = 2·(2/3)·(1/2)/(2/3+1/2) = 4/7
    const result = figures({ tp: 2, fp: 1, fn: 2 });
    expect(result.precision).toBeCloseTo(2 / 3);
    expect(result.recall).toBeCloseTo(0.5);
    expect(result.f1).toBeCloseTo(4 / 7);
  });

  it('is perfect with nothing to find and nothing found, zero when all is missed', () => {
    expect(figures({ tp: 0, fp: 0, fn: 0 })).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(figures({ tp: 0, fp: 0, fn: 3 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(figures({ tp: 0, fp: 2, fn: 0 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('sameQuestion', () => {
  it('matches a labeled fragment inside the quoted question, ignoring case, accents and marks', () => {
    expect(
      sameQuestion(
        'wie ändere ich meine Lieferadresse',
        'Guten Tag, wie andere ich meine Lieferadresse?',
      ),
    ).toBe(true);
    expect(sameQuestion('How much is shipping', 'how much is shipping')).toBe(true);
    expect(sameQuestion('can I pay with PayPal', 'do you offer gift wrapping?')).toBe(false);
  });
});

describe('scoreGroup', () => {
  it('counts each judgement as a hand-computed confusion table', () => {
    const cases = [
      // frustrated: tp; human: fn; unanswered: tp conversation, 1 tp + 1 fn question; sentiment hit; topics tp+fp
      scored(
        'a',
        'en',
        {
          ...none,
          frustrated: true,
          humanRequested: true,
          unanswered: ['where is it', 'when'],
          sentiment: 'negative',
          topics: ['shipping'],
        },
        {
          ...none,
          frustrated: true,
          unanswered: ['Where is it?'],
          sentiment: 'negative',
          topics: ['shipping', 'complaint'],
        },
      ),
      // frustrated: fp; unanswered: fp conversation + fp question; sentiment miss; topics fn
      scored(
        'b',
        'de',
        { ...none, sentiment: 'positive', topics: ['returns'] },
        {
          ...none,
          frustrated: true,
          unanswered: ['Geht das?'],
          sentiment: 'neutral',
          topics: ['other'],
        },
      ),
      // all negative and right
      scored('c', 'de', none, none),
    ];
    const report = scoreGroup(cases);
    expect(report.conversations).toBe(3);
    expect(report.frustrated).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(report.humanRequested).toMatchObject({
      tp: 0,
      fp: 0,
      fn: 1,
      precision: 0,
      recall: 0,
      f1: 0,
    });
    expect(report.unanswered).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(report.unansweredQuestions).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(report.sentimentAccuracy).toBeCloseTo(2 / 3);
    // topics: a → shipping tp, complaint fp; b → returns fn, other fp; c → other tp
    expect(report.topics).toMatchObject({ tp: 2, fp: 2, fn: 1 });
    expect(report.topics.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
  });

  it('groups all, English, not English and each language', () => {
    const groups = scoreByLanguage([
      scored('a', 'en', none, none),
      scored('b', 'de', none, none),
      scored('c', 'fr', none, none),
    ]);
    expect(Object.keys(groups)).toEqual(['all', 'en', 'non-en', 'de', 'fr']);
    expect(groups['non-en']?.conversations).toBe(2);
    expect(groups.de?.sentimentAccuracy).toBe(1);
  });
});
