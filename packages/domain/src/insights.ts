/**
 * The Insights page's API shapes, shared by the server (which answers them from daily rollups and
 * the stored analysis) and the web app (which draws them). Days are UTC calendar dates
 * `YYYY-MM-DD`; a conversation belongs to the day it started; durations are seconds.
 */
import type { ChannelKind } from './channels.js';
import type { SafetyNetTrigger } from './safety-net.js';

/** Filters of every Insights endpoint, also the page's URL parameters. */
export interface InsightsQuery {
  /** First and last day, inclusive. */
  from: string;
  to: string;
  /** Empty: every channel. */
  channels: ChannelKind[];
  /** Assistant id; empty: any. */
  assistant: string;
}

/** Why the AI stopped on a conversation: a safety-net trigger, or a person stepping in. */
export type HandoverTrigger = SafetyNetTrigger | 'operator';

export const HANDOVER_TRIGGERS = [
  'human_requested',
  'keyword',
  'frustration',
  'failed_answers',
  'operator',
] as const satisfies readonly HandoverTrigger[];

export function isHandoverTrigger(value: unknown): value is HandoverTrigger {
  return (HANDOVER_TRIGGERS as readonly unknown[]).includes(value);
}

/** How a conversation went, as the inbox's `outcome` filter and the Insights shares count it:
 * answered by the AI alone (it replied; no person, no pause), or handed over. */
export type ConversationOutcome = 'ai_only' | 'handed_over';

export interface Percentiles {
  p50: number | null;
  p90: number | null;
}

/** One period's figures for a set of conversations (all, one channel, or one assistant). */
export interface PerformanceFigures {
  conversations: number;
  customerMessages: number;
  messagesPerConversation: number | null;
  /** Share (0–1) of conversations the AI answered with no person and no pause. */
  answeredByAiShare: number | null;
  /** Share (0–1) paused by the safety net or taken over by a person. */
  handedOverShare: number | null;
  handoversByTrigger: Partial<Record<HandoverTrigger, number>>;
  aiFirstResponseSeconds: Percentiles;
  humanFirstResponseSeconds: Percentiles;
  /** From the AI being paused to a person's first reply after it. */
  pauseToHumanReplySeconds: Percentiles;
  /** Share (0–1) of assistant replies that had no answer. */
  unansweredRate: number | null;
  /** Mean of the analysis' end sentiment, −1 … 1. */
  averageEndSentiment: number | null;
}

export interface PerformanceRow {
  /** Channel kind or assistant id. */
  key: string;
  label: string;
  current: PerformanceFigures;
  /** The same-length period just before. */
  previous: PerformanceFigures;
}

export interface DailyChannelCount {
  day: string;
  channel: ChannelKind;
  conversations: number;
  customerMessages: number;
}

export interface TopicTrend {
  topic: string;
  conversations: number;
  previousConversations: number;
  daily: { day: string; conversations: number }[];
}

/** GET /api/insights/performance */
export interface PerformanceReport {
  query: InsightsQuery;
  previous: { from: string; to: string };
  daily: DailyChannelCount[];
  totals: { current: PerformanceFigures; previous: PerformanceFigures };
  byChannel: PerformanceRow[];
  byAssistant: PerformanceRow[];
  topics: TopicTrend[];
}

/** GET /api/insights/issues — frustrated conversations and requests for a person, newest first. */
export interface IssueItem {
  conversationId: string;
  channel: ChannelKind;
  contactName: string;
  kind: 'frustrated' | 'human_requested';
  messageId: string;
  quote: string;
  at: string;
  /** A teammate has replied since the message. */
  personReplied: boolean;
}

export interface IssueList {
  items: IssueItem[];
  nextCursor: string | null;
}

export type QuestionGroupActionKind = 'knowledge' | 'suggested_question' | 'instructions';

export interface QuestionGroupAction {
  kind: QuestionGroupActionKind;
  by: { id: string; name: string };
  at: string;
  /** What was added: the Q&A title, the suggested question, or the instruction line. */
  detail: string;
}

export interface QuestionQuote {
  messageId: string;
  conversationId: string;
  quote: string;
  language: string;
  at: string;
}

/** Unanswered customer questions that mean the same thing, in any words or language. */
export interface QuestionGroup {
  id: string;
  /** The most typical question of the group. */
  label: string;
  assistantId: string | null;
  /** Unanswered questions in the filtered period. */
  count: number;
  conversations: number;
  languages: string[];
  examples: QuestionQuote[];
  /** A teammate's reply to one of these questions, to pre-fill a Q&A answer. */
  teammateAnswer: string | null;
  status: 'open' | 'resolved';
  actions: QuestionGroupAction[];
  /** Since the first action: the same question asked again, and how often it was answered. */
  sinceAction: { asked: number; answered: number } | null;
}

/** GET /api/insights/questions — open groups first, largest first. */
export interface QuestionGroupList {
  groups: QuestionGroup[];
}

/** POST /api/insights/questions/:id/actions answers 201 with this. */
export interface QuestionGroupActionResult {
  action: QuestionGroupAction;
  /** The Q&A a knowledge action created (being indexed); null for the other kinds. */
  knowledgeSourceId: string | null;
}

/** POST /api/insights/questions/:id/resolve and …/reopen answer with this. */
export interface QuestionGroupStatusChange {
  id: string;
  status: QuestionGroup['status'];
}

export type ReviewReason = 'low_confidence' | 'complaint_after' | 'repeated_question';

export interface ReviewItem {
  messageId: string;
  conversationId: string;
  assistantId: string | null;
  channel: ChannelKind;
  question: string;
  answer: string;
  reasons: ReviewReason[];
  at: string;
  rating: { verdict: 'good' | 'bad'; note: string; by: string; at: string } | null;
}

export interface QualityScorePoint {
  assistantId: string;
  /** Monday of the week. */
  week: string;
  good: number;
  bad: number;
  /** good / (good + bad); null with no ratings. */
  score: number | null;
}

/** GET /api/insights/review — answers waiting for a rating, then recently rated ones. */
export interface ReviewQueue {
  items: ReviewItem[];
  scores: QualityScorePoint[];
}
