/**
 * Is a customer fed up? A strong phrase ("unacceptable", "zum dritten Mal"), two weak signs
 * together ("still not arrived" + "!!!"), an angry emoji, or sarcasm: praise next to a grievance
 * ("Great, third week waiting"). Kind phrases built of negative words are removed first, and a
 * negation just before a phrase cancels it ("I'm not angry", "nicht schlecht").
 */

import { FRUSTRATION, type FrustrationLexicon, POLITENESS } from './lexicons/frustration.js';
import { FRUSTRATED_EMOJI } from './lexicons/valence.js';
import { anyWord, emojis, fold, wordPattern } from './text.js';

const STRONG = 2;
const WEAK = 1;
const THRESHOLD = 2;

interface CompiledFrustration {
  phrases: RegExp;
  weak: RegExp;
  ironic: RegExp;
  grievance: RegExp;
  negation: RegExp;
}

const compiled = new Map<string, CompiledFrustration>();
const POLITE = wordPattern(anyWord(POLITENESS), 'gu');

function compile(lexicon: FrustrationLexicon): CompiledFrustration {
  return {
    phrases: wordPattern(lexicon.phrases.join('|'), 'gu'),
    weak: wordPattern(lexicon.weak.join('|'), 'gu'),
    ironic: wordPattern(lexicon.ironic.join('|'), 'u'),
    grievance: wordPattern(lexicon.grievance.join('|'), 'u'),
    negation: new RegExp(
      `(?:^|\\s)(?:${anyWord(lexicon.negation)}|\\S+n't)(?:\\s\\S+){0,2}\\s*$`,
      'u',
    ),
  };
}

function compiledFor(language: string): CompiledFrustration | null {
  const cached = compiled.get(language);
  if (cached) return cached;
  const lexicon = FRUSTRATION[language];
  if (!lexicon) return null;
  const result = compile(lexicon);
  compiled.set(language, result);
  return result;
}

function countUnnegated(pattern: RegExp, folded: string, negation: RegExp): number {
  let count = 0;
  for (const match of folded.matchAll(pattern)) {
    const before = folded.slice(Math.max(0, (match.index ?? 0) - 40), match.index);
    const clauseStart = Math.max(
      before.lastIndexOf(','),
      before.lastIndexOf('.'),
      before.lastIndexOf('!'),
    );
    if (!negation.test(before.slice(clauseStart + 1))) count += 1;
  }
  return count;
}

/** Signs in how the message is written: shouting, repeated marks, angry emoji. */
function toneScore(text: string): number {
  let score = 0;
  if (/[!?]{3,}|\?!|!\?|\?\?/.test(text)) score += WEAK;
  const shouted = text.match(/\b[A-ZÄÖÜÉÈÀ]{3,}\b/g) ?? [];
  if (
    shouted.filter(
      (word) => !/^(?:OK|USA|DHL|UPS|DPD|GLS|FAQ|PDF|SKU|EU|UK|CEO|ASAP|TNT|PS)$/.test(word),
    ).length >= 2
  )
    score += WEAK;
  const emoji = emojis(text);
  if (emoji.some((item) => FRUSTRATED_EMOJI.has(item) && item !== '👎')) score += STRONG;
  else if (emoji.includes('👎')) score += WEAK;
  return score;
}

/** Points of frustration in one message; `sentiment` lets a strongly negative message count as a weak sign. */
export function frustrationScore(
  text: string,
  languages: readonly string[],
  sentiment: number,
): number {
  const folded = fold(text).replace(POLITE, ' ');
  let score = toneScore(text);
  if (sentiment <= -0.6) score += WEAK;
  let best = 0;
  for (const language of languages) {
    const lexicon = compiledFor(language);
    if (!lexicon) continue;
    let points = STRONG * countUnnegated(lexicon.phrases, folded, lexicon.negation);
    points += WEAK * countUnnegated(lexicon.weak, folded, lexicon.negation);
    if (lexicon.ironic.test(folded) && lexicon.grievance.test(folded)) points += STRONG;
    best = Math.max(best, points);
  }
  return score + best;
}

export function isFrustrated(
  text: string,
  languages: readonly string[],
  sentiment: number,
): boolean {
  return frustrationScore(text, languages, sentiment) >= THRESHOLD;
}
