import { describe, expect, it } from 'vitest';
import {
  everydayQuestionWords,
  looksLikeName,
  nameShares,
  questionNouns,
  wordRanks,
} from './everyday-words.js';

describe('wordRanks', () => {
  it('ranks a language’s common words from its frequency list, folded', () => {
    const english = wordRanks('en');
    expect(english.get('the')).toBe(1);
    expect(english.get('today')).toBeLessThan(1000);
    expect(wordRanks('de').has('fur')).toBe(true);
  });
});

describe('looksLikeName', () => {
  it('takes a capital in mid-sentence, an inner capital or letters with digits for a name', () => {
    expect(looksLikeName('Canada', false, 'en')).toBe(true);
    expect(looksLikeName('PayPal', true, 'en')).toBe(true);
    expect(looksLikeName('40L', false, 'en')).toBe(true);
  });

  it('takes a sentence’s first word, a bare number and a German noun for common words', () => {
    expect(looksLikeName('Do', true, 'en')).toBe(false);
    expect(looksLikeName('20', false, 'en')).toBe(false);
    expect(looksLikeName('Lieferung', false, 'de')).toBe(false);
  });
});

describe('everydayQuestionWords', () => {
  it('finds the everyday words of the question’s language', () => {
    const words = everydayQuestionWords('When will my parcel arrive if I order today?', 'en');
    expect(words.has('today')).toBe(true);
    expect(everydayQuestionWords('How do I reset my password?', 'en').has('reset')).toBe(false);
  });

  it('keeps names and rare words out', () => {
    const words = everydayQuestionWords('Can I pay with Bitcoin in Canada?', 'en');
    expect(words.has('bitcoin')).toBe(false);
    expect(words.has('canada')).toBe(false);
  });

  it('counts bare numbers and French inverted verbs as framing', () => {
    expect(everydayQuestionWords('I bought it 20 days ago', 'en').has('20')).toBe(true);
    expect(everydayQuestionWords('Quand vais-je recevoir mon colis ?', 'fr').has('vais-je')).toBe(
      true,
    );
  });

  it('keeps everyday nouns as subjects, but not time words', () => {
    const words = everydayQuestionWords('Can I order by phone today?', 'en');
    expect(words.has('phone')).toBe(false);
    expect(words.has('today')).toBe(true);
    expect(everydayQuestionWords('Are your jackets made in Europe?', 'en').has('made')).toBe(true);
    expect(
      everydayQuestionWords('Gibt es einen Rabatt für Studenten?', 'de').has('studenten'),
    ).toBe(false);
  });

  it('knows nothing everyday in a language without a list', () => {
    expect(everydayQuestionWords('When will my order come today?', 'und').size).toBe(0);
  });
});

describe('questionNouns', () => {
  it('tags English nouns by part of speech', () => {
    const nouns = questionNouns('Do you have a student discount?', 'en');
    expect(nouns.has('student')).toBe(true);
    expect(nouns.has('have')).toBe(false);
  });

  it('takes German words capitalised in mid-sentence for nouns', () => {
    expect(questionNouns('Kann ich per Telefon bestellen?', 'de')).toEqual(new Set(['telefon']));
  });

  it('knows no nouns in the other languages', () => {
    expect(questionNouns('¿Puedo pedir por teléfono?', 'es').size).toBe(0);
  });
});

describe('nameShares', () => {
  it('splits one subject among the words of a name', () => {
    const shares = nameShares('Is the store open on Christmas Eve?', 'en');
    expect(shares.get('christmas')).toBe(0.5);
    expect(shares.get('eve')).toBe(0.5);
  });

  it('leaves one-word names and sentence openings whole', () => {
    expect(nameShares('Do you ship to Canada?', 'en').size).toBe(0);
    expect(nameShares('Christmas opening hours?', 'en').size).toBe(0);
  });
});
