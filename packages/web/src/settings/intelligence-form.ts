/** The intelligence settings form: the workspace's topic list and safety-net triggers, the
 * client checks that mirror the server's, and the PUT /api/analysis/settings body. */
import {
  type AnalysisSettings,
  MAX_FAILED_ANSWERS_BEFORE_PAUSE,
  MAX_SAFETY_KEYWORDS,
  MAX_TOPICS,
} from '@parley/domain';
import type { FieldNames } from './server-errors';

const MAX_NAME_LENGTH = 100;

export interface IntelligenceDraft {
  topics: string[];
  safetyKeywords: string[];
  /** Kept as typed. */
  failedAnswers: string;
}

export type IntelligenceField = 'topics' | 'safetyKeywords' | 'failedAnswers';
export type IntelligenceErrors = Partial<Record<IntelligenceField, string>>;

export const INTELLIGENCE_FIELD_NAMES: FieldNames<IntelligenceField>[] = [
  { field: 'topics', names: ['topics'] },
  { field: 'safetyKeywords', names: ['safetyKeywords'] },
  { field: 'failedAnswers', names: ['failedAnswersBeforePause'] },
];

export function intelligenceDraftOf(settings: AnalysisSettings): IntelligenceDraft {
  return {
    topics: settings.topics,
    safetyKeywords: settings.safetyKeywords,
    failedAnswers: String(settings.failedAnswersBeforePause),
  };
}

function listError(words: string[], max: number, noun: string): string | null {
  if (words.length > max) return `Use at most ${max} ${noun}.`;
  if (words.some((word) => word.length > MAX_NAME_LENGTH)) {
    return `Keep each one under ${MAX_NAME_LENGTH} characters.`;
  }
  return null;
}

export function validateIntelligenceDraft(draft: IntelligenceDraft): IntelligenceErrors {
  const errors: IntelligenceErrors = {};
  const topics =
    draft.topics.length === 0
      ? 'Keep at least one topic.'
      : listError(draft.topics, MAX_TOPICS, 'topics');
  if (topics) errors.topics = topics;
  const keywords = listError(draft.safetyKeywords, MAX_SAFETY_KEYWORDS, 'keywords');
  if (keywords) errors.safetyKeywords = keywords;
  const failed = draft.failedAnswers.trim();
  if (!/^\d+$/.test(failed) || Number(failed) > MAX_FAILED_ANSWERS_BEFORE_PAUSE) {
    errors.failedAnswers = `A whole number from 0 (off) to ${MAX_FAILED_ANSWERS_BEFORE_PAUSE}.`;
  }
  return errors;
}

export function intelligenceChanges(draft: IntelligenceDraft): AnalysisSettings {
  return {
    topics: draft.topics,
    safetyKeywords: draft.safetyKeywords,
    failedAnswersBeforePause: Number(draft.failedAnswers.trim()),
  };
}
