import { describe, expect, it } from 'vitest';
import { contentStemsIn, stemIn, stemsInAnyLanguage } from './stems.js';

describe('stemIn', () => {
  it('reduces a word to its stem in its language', () => {
    expect(stemIn('shipping', 'en')).toBe(stemIn('ship', 'en'));
    expect(stemIn('pays', 'en')).toBe(stemIn('pay', 'en'));
    expect(stemIn('bestellung', 'de')).toBe(stemIn('bestellen', 'de'));
    expect(stemIn('livraisons', 'fr')).toBe(stemIn('livraison', 'fr'));
  });

  it('keeps apart words that only share a beginning', () => {
    expect(stemIn('australia', 'en')).not.toBe(stemIn('austria', 'en'));
  });

  it('leaves words of a language without a stemmer whole', () => {
    expect(stemIn('przesylka', 'pl')).toBe('przesylka');
  });
});

describe('stemsInAnyLanguage', () => {
  it('gives each distinct stem the seven languages give a word', () => {
    const stems = stemsInAnyLanguage('returns');
    expect(stems).toContain('return');
    expect(new Set(stems).size).toBe(stems.length);
  });
});

describe('contentStemsIn', () => {
  it('stems the content words and drops stopwords', () => {
    expect(contentStemsIn('Where are my parcels?', 'en')).toEqual(new Set(['parcel']));
  });
});
