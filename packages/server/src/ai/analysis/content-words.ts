/**
 * Content words reduced to crude stems (a folded prefix), so "washable" meets "wash" and
 * "Bestellung" meets "bestellen" well enough to tell whether a reply is about the question.
 */
import { STOPWORDS } from './lexicons/stopwords.js';
import { fold, words } from './text.js';

const STEM_LENGTH = 5;

export function stem(word: string): string {
  return word.length > STEM_LENGTH ? word.slice(0, STEM_LENGTH) : word;
}

/** French and Italian elide an article or pronoun into the word: "l'ordine", "d'accord", "qu'il". */
export const ELISION =
  /^(?:l|d|j|m|n|s|t|c|qu|dell|dall|nell|sull|all|coll|quell|quest|un|nessun)'(?=\p{L})/u;

export function contentWords(text: string): string[] {
  return words(fold(text))
    .map((word) => word.replace(ELISION, ''))
    .filter((word) => !STOPWORDS.has(word) && (word.length >= 3 || /\d/.test(word)));
}

export function contentStems(text: string): Set<string> {
  return new Set(contentWords(text).map(stem));
}
