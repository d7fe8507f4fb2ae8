/**
 * What one customer message says on its own — language, asks for a person, frustration,
 * question, sentiment — computed in the ingest path, so it stays cheap: lexicons and one
 * language detection, no model. The safety net reads it to pause the assistant.
 */
import type { MessageSignals } from '@parley/domain';
import { isFrustrated } from './frustration.js';
import { requestsHuman } from './human-request.js';
import { detectLanguage, LEXICON_LANGUAGES } from './language.js';
import { questionSentences } from './questions.js';
import { sentimentScore } from './sentiment.js';
import { fold, hasNoWords } from './text.js';

/** Frustration pulls the sentiment down at least this far: sarcasm reads positive to a lexicon. */
const FRUSTRATED_CEILING = -0.5;
const VALENCE_LANGUAGES = new Set<string>(LEXICON_LANGUAGES);

/** The lexicons to try: the detected language and English (often mixed in), or all of them
 * when the language is unknown or not one Parley has lexicons for. */
export function lexiconLanguages(language: string): readonly string[] {
  if (!(LEXICON_LANGUAGES as readonly string[]).includes(language)) return LEXICON_LANGUAGES;
  return language === 'en' ? ['en'] : [language, 'en'];
}

export function messageSignals(text: string): MessageSignals {
  const language = detectLanguage(text);
  const languages = lexiconLanguages(language);
  const scoringLanguage = language === 'und' || !VALENCE_LANGUAGES.has(language) ? 'en' : language;
  let sentiment = sentimentScore(text, scoringLanguage);
  const frustration = isFrustrated(text, languages, sentiment);
  if (frustration) sentiment = Math.min(sentiment, FRUSTRATED_CEILING);
  return {
    language,
    humanRequest: !hasNoWords(text) && requestsHuman(text, languages),
    frustration,
    question: questionSentences(text, languages).length > 0,
    sentiment,
  };
}

export type SafetyNetTrigger = 'human_requested' | 'frustration' | 'keyword';

export interface SafetyNetSignal {
  trigger: SafetyNetTrigger;
  /** The customer's words that tripped it, shortened for a pause reason. */
  quote: string;
}

const QUOTE_LENGTH = 160;

function quoteOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_LENGTH ? `${flat.slice(0, QUOTE_LENGTH - 1)}…` : flat;
}

/** The workspace keyword found in the text as a whole word, case- and accent-insensitive. */
export function matchedKeyword(text: string, keywords: readonly string[]): string | null {
  const folded = fold(text);
  for (const keyword of keywords) {
    const needle = fold(keyword);
    if (!needle) continue;
    const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    if (new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(folded))
      return keyword;
  }
  return null;
}

/** Why the assistant should step back for this message, if it should: a request for a person
 * first, then a workspace keyword ("lawyer", "chargeback" — named by the workspace, so more
 * specific than frustration), then frustration. */
export function safetyNetSignal(text: string, keywords: readonly string[]): SafetyNetSignal | null {
  const signals = messageSignals(text);
  if (signals.humanRequest) return { trigger: 'human_requested', quote: quoteOf(text) };
  if (matchedKeyword(text, keywords)) return { trigger: 'keyword', quote: quoteOf(text) };
  if (signals.frustration) return { trigger: 'frustration', quote: quoteOf(text) };
  return null;
}
