/**
 * What Parley understands of a conversation: the stored, versioned analysis shown on cards and
 * in threads, and the cheap per-message signals the safety net reads as each message arrives.
 */

/** Bumped when the analysis shape or meaning changes, so older rows can be re-analyzed. */
export const ANALYSIS_VERSION = 1;

export const DEFAULT_TOPICS = [
  'shipping',
  'returns',
  'refunds',
  'sizing',
  'stock',
  'order status',
  'product question',
  'pricing and discounts',
  'payment',
  'account',
  'opening hours',
  'complaint',
  'wholesale',
  'other',
] as const;

export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export type SentimentTrend = 'improving' | 'steady' | 'worsening';

/** A customer message that shows something, quoted so a teammate sees why. */
export interface MessageQuote {
  messageId: string;
  quote: string;
}

export interface ActionItem {
  id: string;
  text: string;
  done: boolean;
  doneAt: string | null;
  doneBy: string | null;
}

export interface ConversationAnalysis {
  version: number;
  /** One or two sentences a teammate can act on. */
  summary: string;
  /** 1–3 names from the workspace's topic list. */
  topics: string[];
  /** Free key phrases found in the customer's words. */
  keyphrases: string[];
  sentiment: {
    label: SentimentLabel;
    /** The customer's sentiment at the end, −1 (very negative) … 1 (very positive). */
    score: number;
    trend: SentimentTrend;
  };
  frustrated: boolean;
  frustratedBy: MessageQuote | null;
  humanRequested: boolean;
  humanRequestedBy: MessageQuote | null;
  /** The customer's questions that were not actually answered, each quoted. */
  unansweredQuestions: MessageQuote[];
  /** What the business still owes the customer. */
  actionItems: ActionItem[];
  /** ISO 639-1 code of the customer's language, or 'und' when unknown. */
  language: string;
  /** 'offline' or the model's name. */
  analyzer: string;
  analyzedAt: string;
  /** The newest message the analysis covers. */
  lastMessageId: string;
}

/** What one customer message says on its own, computed in the ingest path for the safety net. */
export interface MessageSignals {
  language: string;
  humanRequest: boolean;
  frustration: boolean;
  question: boolean;
  /** −1 … 1 */
  sentiment: number;
}

export function openActionItemCount(analysis: ConversationAnalysis | null): number {
  return analysis ? analysis.actionItems.filter((item) => !item.done).length : 0;
}
