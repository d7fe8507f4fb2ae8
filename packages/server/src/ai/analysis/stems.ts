/**
 * Real stems per language (Snowball, via `@orama/stemmers`, Apache-2.0): "shipping" → "ship",
 * "pays" → "pay", "Bestellungen" → "bestell", while "Australia" and "Austria" stay apart. Used
 * wherever the offline responder compares a question's words with its knowledge base's.
 */
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { contentWords } from './content-words.js';
import { LEXICON_LANGUAGES } from './language.js';

const STEMMERS: Record<(typeof LEXICON_LANGUAGES)[number], (word: string) => string> = {
  en: english,
  de: german,
  es: spanish,
  fr: french,
  it: italian,
  pt: portuguese,
  nl: dutch,
};

/** Knowledge bases repeat their words: each language's stems are remembered, up to a bound. */
const MAX_REMEMBERED = 50_000;
const remembered = new Map<string, Map<string, string>>();

/** A folded word's stem in its language; a word of a language without a stemmer stays whole. */
export function stemIn(word: string, language: string): string {
  const stemmer = STEMMERS[language as keyof typeof STEMMERS];
  if (!stemmer) return word;
  let known = remembered.get(language);
  if (!known || known.size >= MAX_REMEMBERED) {
    known = new Map();
    remembered.set(language, known);
  }
  const cached = known.get(word);
  if (cached !== undefined) return cached;
  const result = stemmer(word) || word;
  known.set(word, result);
  return result;
}

/** A word's stems in each of the seven languages, for word lists written without one. */
export function stemsInAnyLanguage(word: string): string[] {
  return [...new Set(LEXICON_LANGUAGES.map((language) => stemIn(word, language)))];
}

/** The stems of a text's content words, in the text's language. */
export function contentStemsIn(text: string, language: string): Set<string> {
  return new Set(contentWords(text).map((word) => stemIn(word, language)));
}
