/**
 * How a message feels, −1 … 1. English goes through VADER; the other lexicon languages through
 * compact valence lexicons with VADER's negation and booster rules. Emoji and kind phrases made
 * of negative words ("no problem") are scored apart, since neither reads them right.
 */
import vader from 'vader-sentiment';
import { POLITENESS } from './lexicons/frustration.js';
import { EMOJI_VALENCE, VALENCE } from './lexicons/valence.js';
import { anyWord, emojis, fold, unstretch, wordPattern, words } from './text.js';

/** VADER's normalisation constant: how fast a raw valence sum saturates towards ±1. */
const ALPHA = 15;
const POLITE_VALENCE = 1;
const NEGATION_FACTOR = -0.74;
const BOOSTER_FACTOR = 1.3;

const POLITE_PATTERN = wordPattern(anyWord(POLITENESS), 'gu');
/** Thanks is politeness more than feeling: a fixed, small lift, more when it is emphatic. */
const WARM_THANKS = wordPattern(
  'thanks so much|thank you so much|thanks a lot|thanks a million|many thanks|thank you very much|thanks very much|vielen lieben dank|vielen dank|herzlichen dank|tausend dank|danke schon|dankeschon|muchas gracias|mil gracias|merci beaucoup|merci mille fois|grazie mille|grazie tante|molte grazie|muito obrigad[oa]|obrigadissim[oa]|heel erg bedankt|hartelijk dank|super bedankt',
  'gu',
);
const THANKS = wordPattern(
  'thanks|thank you|thank u|thx|ty|cheers|danke|gracias|merci|grazie|obrigad[oa]|bedankt|dankjewel|dankuwel|dank je wel|dank u wel|dank je|dank u',
  'gu',
);
/** Thanking ahead is a formula of requests ("Thanks in advance"), not a feeling. */
const THANKS_AHEAD = wordPattern(
  "(?:many )?thanks in advance|thank you in advance|thanks ahead|(?:vielen )?dank(?:e)? im voraus|gracias (?:de antemano|por adelantado)|merci (?:d'avance|par avance|par anticipation)|grazie (?:in anticipo|anticipatamente)|obrigad[oa] desde ja|desde ja obrigad[oa]|alvast (?:hartelijk )?bedankt|bij voorbaat dank",
  'gu',
);
const WARM_THANKS_VALENCE = 2;
const THANKS_VALENCE = 1;

function normalize(sum: number): number {
  return sum / Math.sqrt(sum * sum + ALPHA);
}

function rawFromCompound(compound: number): number {
  const bounded = Math.max(-0.9999, Math.min(0.9999, compound));
  return (bounded * Math.sqrt(ALPHA)) / Math.sqrt(1 - bounded * bounded);
}

interface CompiledLexicon {
  exact: Map<string, number>;
  prefixes: [string, number][];
  boosters: Set<string>;
  negation: Set<string>;
}

const compiled = new Map<string, CompiledLexicon>();

function lexiconFor(language: string): CompiledLexicon | null {
  const cached = compiled.get(language);
  if (cached) return cached;
  const source = VALENCE[language];
  if (!source) return null;
  const lexicon: CompiledLexicon = {
    exact: new Map(),
    prefixes: [],
    boosters: new Set(source.boosters),
    negation: new Set(source.negation),
  };
  for (const entry of source.words.split(/\s+/).filter(Boolean)) {
    const [word = '', value = '0'] = entry.split(':');
    if (word.endsWith('*')) lexicon.prefixes.push([word.slice(0, -1), Number(value)]);
    else lexicon.exact.set(word, Number(value));
  }
  compiled.set(language, lexicon);
  return lexicon;
}

function valenceOf(lexicon: CompiledLexicon, word: string): number {
  const exact = lexicon.exact.get(word);
  if (exact !== undefined) return exact;
  for (const [prefix, value] of lexicon.prefixes) if (word.startsWith(prefix)) return value;
  return 0;
}

function lexiconSum(lexicon: CompiledLexicon, folded: string): number {
  const tokens = words(folded);
  let sum = 0;
  tokens.forEach((token, index) => {
    let value = valenceOf(lexicon, token);
    if (value === 0) return;
    const before = tokens.slice(Math.max(0, index - 3), index);
    if (before.length > 0 && lexicon.boosters.has(before[before.length - 1] as string)) {
      value *= BOOSTER_FACTOR;
    }
    if (before.some((word) => lexicon.negation.has(word))) value *= NEGATION_FACTOR;
    sum += value;
  });
  return sum;
}

function englishSum(text: string): number {
  const compound = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  return compound === 0 ? 0 : rawFromCompound(compound);
}

/** Sentiment of one message in the given language (ISO 639-1; others fall back to English). */
export function sentimentScore(text: string, language: string): number {
  let politeCount = 0;
  const folded = fold(unstretch(text))
    .replace(THANKS_AHEAD, ' ')
    .replace(POLITE_PATTERN, () => {
      politeCount += 1;
      return ' ';
    });
  let sum = politeCount * POLITE_VALENCE;
  const withoutThanks = folded
    .replace(WARM_THANKS, () => {
      sum += WARM_THANKS_VALENCE;
      return ' ';
    })
    .replace(THANKS, () => {
      sum += THANKS_VALENCE;
      return ' ';
    });
  for (const emoji of emojis(text)) sum += EMOJI_VALENCE[emoji] ?? 0;
  const lexicon = language === 'en' ? null : lexiconFor(language);
  const withoutEmoji = withoutThanks.replace(/\p{Extended_Pictographic}/gu, ' ');
  sum += lexicon ? lexiconSum(lexicon, withoutEmoji) : englishSum(withoutEmoji);
  return Math.round(normalize(sum) * 1000) / 1000;
}
