/**
 * A workspace's settings for conversation intelligence: the topic list the analyzers choose
 * from, and the workspace-wide safety-net triggers (its keywords and how many failed answers
 * in a row hand a conversation to a person). Whether the safety net runs at all stays a
 * per-channel rule (`ChannelRules.autoPause`).
 */
import { DEFAULT_TOPICS } from './analysis.js';

export interface AnalysisSettings {
  /** What conversations are tagged with; 'other' is always available. */
  topics: string[];
  /** Words that pause the AI wherever they appear (e.g. "lawyer", "chargeback"). */
  safetyKeywords: string[];
  /** Pause after this many assistant replies in a row that did not answer; 0 turns it off. */
  failedAnswersBeforePause: number;
}

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = {
  topics: [...DEFAULT_TOPICS],
  safetyKeywords: [],
  failedAnswersBeforePause: 2,
};

export const MAX_TOPICS = 40;
export const MAX_SAFETY_KEYWORDS = 50;
export const MAX_FAILED_ANSWERS_BEFORE_PAUSE = 10;

function cleanList(value: unknown, max: number): string[] | null {
  if (!Array.isArray(value)) return null;
  const seen = new Set<string>();
  const items: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') continue;
    const clean = item.replace(/\s+/g, ' ').trim().slice(0, 100);
    const key = clean.toLowerCase();
    if (!clean || seen.has(key)) continue;
    seen.add(key);
    items.push(clean);
  }
  return items.slice(0, max);
}

/** Fills defaults and cleans a stored settings object, so old or partial rows stay usable. */
export function normalizeAnalysisSettings(raw: unknown): AnalysisSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const topics = cleanList(value.topics, MAX_TOPICS) ?? DEFAULT_ANALYSIS_SETTINGS.topics;
  const failed = Number(value.failedAnswersBeforePause);
  return {
    topics: topics.some((topic) => topic.toLowerCase() === 'other') ? topics : [...topics, 'other'],
    safetyKeywords: cleanList(value.safetyKeywords, MAX_SAFETY_KEYWORDS) ?? [],
    failedAnswersBeforePause: Number.isFinite(failed)
      ? Math.min(MAX_FAILED_ANSWERS_BEFORE_PAUSE, Math.max(0, Math.round(failed)))
      : DEFAULT_ANALYSIS_SETTINGS.failedAnswersBeforePause,
  };
}

/** Progress of analyzing a workspace's existing conversations (shown in Settings). */
export interface AnalysisBackfillView {
  id: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}
