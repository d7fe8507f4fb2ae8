/** The channel rules form: its editable draft, client-side checks that mirror the server's,
 * and the PUT /api/channels/:id/rules body it produces. */
import { MAX_DELAY_SECONDS } from '@parley/domain';
import type { Channel, ChannelRulesChanges } from '../api';
import type { FieldNames } from './server-errors';

/** The server's limits on keyword lists. */
export const MAX_KEYWORDS = 50;
export const MAX_KEYWORD_LENGTH = 100;

export interface RulesDraft {
  autoReply: boolean;
  /** Kept as typed, so a half-edited number field does not jump around. */
  delayMin: string;
  delayMax: string;
  questionsOnly: boolean;
  keywords: string[];
  subjectKeywords: string[];
  autoPause: boolean;
  /** Empty means no assistant answers on this channel. */
  assistantId: string;
}

export type RulesField = 'delayMin' | 'delayMax' | 'keywords' | 'subjectKeywords' | 'assistantId';
export type RulesErrors = Partial<Record<RulesField, string>>;

export const RULES_FIELD_NAMES: FieldNames<RulesField>[] = [
  { field: 'delayMin', names: ['delayMinSeconds'] },
  { field: 'delayMax', names: ['delayMaxSeconds'] },
  { field: 'keywords', names: ['keywords'] },
  { field: 'subjectKeywords', names: ['subjectKeywords'] },
  { field: 'assistantId', names: ['assistantId', 'assistant'] },
];

export function rulesDraftOf(channel: Channel): RulesDraft {
  const { rules } = channel;
  return {
    autoReply: rules.autoReply,
    delayMin: String(rules.delayMinSeconds),
    delayMax: String(rules.delayMaxSeconds),
    questionsOnly: rules.questionsOnly,
    keywords: rules.keywords,
    subjectKeywords: rules.subjectKeywords,
    autoPause: rules.autoPause,
    assistantId: channel.assistantId ?? '',
  };
}

/** Whole seconds within 0–600, or null. */
function parseSeconds(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const seconds = Number(text);
  return seconds <= MAX_DELAY_SECONDS ? seconds : null;
}

function secondsError(text: string): string | null {
  if (text.trim() === '') return 'Enter a number of seconds.';
  if (parseSeconds(text) === null) return `Use whole seconds from 0 to ${MAX_DELAY_SECONDS}.`;
  return null;
}

function keywordsError(words: string[]): string | null {
  if (words.length > MAX_KEYWORDS) return `Use at most ${MAX_KEYWORDS} keywords.`;
  const long = words.find((word) => word.length > MAX_KEYWORD_LENGTH);
  if (long) return `Keep each keyword under ${MAX_KEYWORD_LENGTH} characters.`;
  return null;
}

export function validateRulesDraft(draft: RulesDraft): RulesErrors {
  const errors: RulesErrors = {};
  const minError = secondsError(draft.delayMin);
  const maxError = secondsError(draft.delayMax);
  if (minError) errors.delayMin = minError;
  if (maxError) errors.delayMax = maxError;
  const min = parseSeconds(draft.delayMin);
  const max = parseSeconds(draft.delayMax);
  if (min !== null && max !== null && min > max) {
    errors.delayMax = `The longest delay must be at least the shortest (${min} s).`;
  }
  const keywords = keywordsError(draft.keywords);
  if (keywords) errors.keywords = keywords;
  const subjectKeywords = keywordsError(draft.subjectKeywords);
  if (subjectKeywords) errors.subjectKeywords = subjectKeywords;
  return errors;
}

/** The request body for a draft that passed validation. Subject keywords only apply to email,
 * so other kinds leave them untouched. */
export function rulesChanges(draft: RulesDraft, kind: Channel['kind']): ChannelRulesChanges {
  return {
    autoReply: draft.autoReply,
    delayMinSeconds: Number(draft.delayMin),
    delayMaxSeconds: Number(draft.delayMax),
    questionsOnly: draft.questionsOnly,
    keywords: draft.keywords,
    ...(kind === 'gmail' ? { subjectKeywords: draft.subjectKeywords } : {}),
    autoPause: draft.autoPause,
    assistantId: draft.assistantId || null,
  };
}
