/**
 * Scoring an analyzer against the labeled conversations: precision / recall / F1 for the yes/no
 * judgements and the unanswered questions, accuracy for the end sentiment, micro F1 for topics,
 * per language group. Pure: labels and predictions in, figures out.
 */
import type { SentimentLabel } from '@parley/domain';
import { fold } from '../text.js';

export interface Labels {
  frustrated: boolean;
  humanRequested: boolean;
  /** Fragments of the customer questions left unanswered, as written in the conversation. */
  unanswered: string[];
  sentiment: SentimentLabel;
  topics: string[];
}

export interface Prediction {
  frustrated: boolean;
  humanRequested: boolean;
  /** Quotes of the questions the analyzer found unanswered. */
  unanswered: string[];
  sentiment: SentimentLabel;
  topics: string[];
}

export interface ScoredCase {
  id: string;
  language: string;
  labels: Labels;
  prediction: Prediction;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Figures extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface GroupReport {
  conversations: number;
  frustrated: Figures;
  humanRequested: Figures;
  /** Conversation level: does it have any unanswered question? */
  unanswered: Figures;
  /** Question level: each labeled question found, each found question labeled. */
  unansweredQuestions: Figures;
  sentimentAccuracy: number;
  topics: Figures;
}

/** With nothing predicted (or nothing to find) a score is perfect only if nothing was missed. */
export function figures({ tp, fp, fn }: Counts): Figures {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

function add(counts: Counts, expected: boolean, predicted: boolean) {
  if (expected && predicted) counts.tp += 1;
  else if (predicted) counts.fp += 1;
  else if (expected) counts.fn += 1;
}

/** A labeled fragment and a predicted quote match when one contains the other (folded). */
export function sameQuestion(fragment: string, quote: string): boolean {
  const a = fold(fragment)
    .replace(/[?¿!.]+/g, '')
    .trim();
  const b = fold(quote)
    .replace(/[?¿!.]+/g, '')
    .trim();
  return a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
}

function questionCounts(labels: string[], quotes: string[]): Counts {
  const tp = labels.filter((fragment) =>
    quotes.some((quote) => sameQuestion(fragment, quote)),
  ).length;
  const fp = quotes.filter(
    (quote) => !labels.some((fragment) => sameQuestion(fragment, quote)),
  ).length;
  return { tp, fp, fn: labels.length - tp };
}

export function scoreGroup(cases: ScoredCase[]): GroupReport {
  const frustrated: Counts = { tp: 0, fp: 0, fn: 0 };
  const human: Counts = { tp: 0, fp: 0, fn: 0 };
  const unanswered: Counts = { tp: 0, fp: 0, fn: 0 };
  const questions: Counts = { tp: 0, fp: 0, fn: 0 };
  const topics: Counts = { tp: 0, fp: 0, fn: 0 };
  let sentimentHits = 0;
  for (const { labels, prediction } of cases) {
    add(frustrated, labels.frustrated, prediction.frustrated);
    add(human, labels.humanRequested, prediction.humanRequested);
    add(unanswered, labels.unanswered.length > 0, prediction.unanswered.length > 0);
    const perQuestion = questionCounts(labels.unanswered, prediction.unanswered);
    questions.tp += perQuestion.tp;
    questions.fp += perQuestion.fp;
    questions.fn += perQuestion.fn;
    if (labels.sentiment === prediction.sentiment) sentimentHits += 1;
    for (const topic of new Set([...labels.topics, ...prediction.topics])) {
      add(topics, labels.topics.includes(topic), prediction.topics.includes(topic));
    }
  }
  return {
    conversations: cases.length,
    frustrated: figures(frustrated),
    humanRequested: figures(human),
    unanswered: figures(unanswered),
    unansweredQuestions: figures(questions),
    sentimentAccuracy: cases.length === 0 ? 0 : sentimentHits / cases.length,
    topics: figures(topics),
  };
}

/** All, English, not English, then each language. */
export function scoreByLanguage(cases: ScoredCase[]): Record<string, GroupReport> {
  const groups: Record<string, GroupReport> = {
    all: scoreGroup(cases),
    en: scoreGroup(cases.filter((entry) => entry.language === 'en')),
    'non-en': scoreGroup(cases.filter((entry) => entry.language !== 'en')),
  };
  const languages = [...new Set(cases.map((entry) => entry.language))]
    .filter((l) => l !== 'en')
    .sort();
  for (const language of languages) {
    groups[language] = scoreGroup(cases.filter((entry) => entry.language === language));
  }
  return groups;
}
