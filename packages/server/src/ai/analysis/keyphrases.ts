/**
 * Free key phrases of the customer's words. English uses wink-nlp's part-of-speech model
 * (shipped in its npm package) for noun phrases; other languages take the most frequent
 * content-word pairs and words. Order numbers are always kept: they are what a teammate searches.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { contentWords } from './content-words.js';

const MAX_PHRASES = 5;
/** Nouns too common in shop conversations to say anything about this one. */
const GENERIC = new Set([
  'order',
  'thanks',
  'thank',
  'day',
  'days',
  'time',
  'times',
  'week',
  'weeks',
  'hi',
  'hello',
  'team',
  'help',
  'question',
  'questions',
  'way',
  'thing',
  'things',
  'lot',
  'bot',
  'person',
  'human',
  'someone',
]);
const ORDER_REFERENCE = /#\d{3,}/g;

let english: ReturnType<typeof winkNLP> | null = null;

function englishNlp() {
  if (!english) {
    english = winkNLP(model);
    english.learnCustomEntities([
      {
        name: 'phrase',
        patterns: [
          '[ADJ|NOUN|PROPN] [NOUN|PROPN]',
          '[NOUN|PROPN] [NOUN|PROPN] [NOUN|PROPN]',
          '[NOUN]',
        ],
      },
    ]);
  }
  return english;
}

function ranked(candidates: string[]): string[] {
  const counts = new Map<string, number>();
  candidates.forEach((candidate, index) => {
    // Earlier mentions win ties: the opening message usually states the matter.
    counts.set(candidate, (counts.get(candidate) ?? 0) + 1 + 1 / (index + 2));
  });
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || b[0].split(' ').length - a[0].split(' ').length)
    .map(([phrase]) => phrase);
}

function englishPhrases(text: string): string[] {
  const phrases = englishNlp()
    .readDoc(text)
    .customEntities()
    .out()
    .map((phrase: string) => phrase.toLowerCase().trim())
    .filter((phrase: string) => !phrase.split(' ').every((word) => GENERIC.has(word)));
  return ranked(phrases);
}

function frequentPhrases(text: string): string[] {
  const sentenceWords = text.split(/[.!?\n]+/).map((sentence) => contentWords(sentence));
  const candidates: string[] = [];
  for (const list of sentenceWords) {
    const meaningful = list.filter((word) => !/^\d+$/.test(word) && !GENERIC.has(word));
    for (let index = 0; index + 1 < meaningful.length; index += 1) {
      candidates.push(`${meaningful[index]} ${meaningful[index + 1]}`);
    }
    candidates.push(...meaningful.filter((word) => word.length >= 5));
  }
  return ranked(candidates);
}

/** Covers the customer's text; `language` is the conversation's ISO 639-1 code. */
export function keyphrases(text: string, language: string): string[] {
  const references = [...new Set(text.match(ORDER_REFERENCE) ?? [])];
  const phrases = language === 'en' ? englishPhrases(text) : frequentPhrases(text);
  const unique: string[] = [];
  for (const phrase of [...references, ...phrases]) {
    if (unique.some((kept) => kept.includes(phrase))) continue;
    unique.push(phrase);
    if (unique.length === MAX_PHRASES) break;
  }
  return unique;
}
