/**
 * What one conversation adds to the daily Insights rollups, and the difference two states of
 * it make. Every write that changes a conversation's facts subtracts its old contribution and
 * adds its new one, so the rollups stay exact without ever rescanning conversations; the
 * rebuild adds every conversation's contribution to empty rollups, through the same code.
 */
import {
  ANALYSIS_VERSION,
  type ConversationAnalysis,
  HANDOVER_TRIGGERS,
  type HandoverTrigger,
  isHandoverTrigger,
} from '@parley/domain';
import { addHistogram, bucketOf, emptyHistogram } from './histogram.js';

export { HANDOVER_TRIGGERS, isHandoverTrigger };

/** The conversation columns the rollups are computed from. */
export interface ConversationFacts {
  workspace_id: string;
  created_at: Date | string;
  channel_kind: string;
  assistant_id: string | null;
  preview: string;
  analysis: Pick<ConversationAnalysis, 'topics' | 'sentiment'> | null;
  analysis_version: number | null;
  customer_messages: number;
  assistant_replies: number;
  unanswered_replies: number;
  first_customer_at: Date | string | null;
  first_ai_reply_at: Date | string | null;
  first_person_reply_at: Date | string | null;
  handover_trigger: string | null;
  handover_at: Date | string | null;
  handover_reply_at: Date | string | null;
}

export interface RollupKey {
  workspaceId: string;
  /** UTC day the conversation started, `YYYY-MM-DD`. */
  day: string;
  channelKind: string;
  /** Assistant id, or '' for none. */
  assistantKey: string;
}

export interface RollupCounters {
  conversations: number;
  customerMessages: number;
  aiOnly: number;
  handedOver: number;
  handovers: Record<HandoverTrigger, number>;
  assistantReplies: number;
  unansweredReplies: number;
  sentimentSum: number;
  sentimentCount: number;
  aiFirstResponse: number[];
  humanFirstResponse: number[];
  pauseToReply: number[];
}

export function emptyCounters(): RollupCounters {
  return {
    conversations: 0,
    customerMessages: 0,
    aiOnly: 0,
    handedOver: 0,
    handovers: { human_requested: 0, keyword: 0, frustration: 0, failed_answers: 0, operator: 0 },
    assistantReplies: 0,
    unansweredReplies: 0,
    sentimentSum: 0,
    sentimentCount: 0,
    aiFirstResponse: emptyHistogram(),
    humanFirstResponse: emptyHistogram(),
    pauseToReply: emptyHistogram(),
  };
}

export function addCounters(target: RollupCounters, source: RollupCounters, sign = 1): void {
  target.conversations += sign * source.conversations;
  target.customerMessages += sign * source.customerMessages;
  target.aiOnly += sign * source.aiOnly;
  target.handedOver += sign * source.handedOver;
  for (const trigger of HANDOVER_TRIGGERS) {
    target.handovers[trigger] += sign * source.handovers[trigger];
  }
  target.assistantReplies += sign * source.assistantReplies;
  target.unansweredReplies += sign * source.unansweredReplies;
  target.sentimentSum += sign * source.sentimentSum;
  target.sentimentCount += sign * source.sentimentCount;
  addHistogram(target.aiFirstResponse, source.aiFirstResponse, sign);
  addHistogram(target.humanFirstResponse, source.humanFirstResponse, sign);
  addHistogram(target.pauseToReply, source.pauseToReply, sign);
}

export function isZero(counters: RollupCounters): boolean {
  const flat = [
    counters.conversations,
    counters.customerMessages,
    counters.aiOnly,
    counters.handedOver,
    ...Object.values(counters.handovers),
    counters.assistantReplies,
    counters.unansweredReplies,
    counters.sentimentSum,
    counters.sentimentCount,
    ...counters.aiFirstResponse,
    ...counters.humanFirstResponse,
    ...counters.pauseToReply,
  ];
  return flat.every((value) => value === 0);
}

const time = (value: Date | string | null): number | null =>
  value === null ? null : new Date(value).getTime();

export function utcDay(value: Date | string): string {
  return new Date(value).toISOString().slice(0, 10);
}

/** Seconds from `from` to `to`, or null when either is missing. */
function secondsBetween(from: Date | string | null, to: Date | string | null): number | null {
  const start = time(from);
  const end = time(to);
  if (start === null || end === null) return null;
  return Math.max(0, (end - start) / 1000);
}

/** Answered by the AI alone: it replied, no person did, and it was never paused. The inbox's
 * `outcome=ai_only` filter is this same condition (store/conversations.ts). */
export function isAiOnly(facts: ConversationFacts): boolean {
  return (
    facts.assistant_replies > 0 &&
    facts.first_person_reply_at === null &&
    facts.handover_trigger === null
  );
}

/** What one conversation adds: counts, at most one bucket per histogram, its topics. */
export interface Contribution {
  key: RollupKey;
  counters: Omit<RollupCounters, 'aiFirstResponse' | 'humanFirstResponse' | 'pauseToReply'>;
  /** The bucket of each duration it has: AI first response, person's first response, pause
   * to a person's reply. */
  buckets: [number | null, number | null, number | null];
  topics: string[];
}

/** A conversation's share of the rollups; none until its first message (like the inbox). */
export function contributionOf(facts: ConversationFacts): Contribution | null {
  if (facts.preview === '') return null;
  const handover = isHandoverTrigger(facts.handover_trigger) ? facts.handover_trigger : null;
  const handovers = {
    human_requested: 0,
    keyword: 0,
    frustration: 0,
    failed_answers: 0,
    operator: 0,
  };
  if (handover) handovers[handover] = 1;
  const analysis = facts.analysis_version === ANALYSIS_VERSION ? facts.analysis : null;
  const bucket = (seconds: number | null) => (seconds === null ? null : bucketOf(seconds));
  return {
    key: {
      workspaceId: facts.workspace_id,
      day: utcDay(facts.created_at),
      channelKind: facts.channel_kind,
      assistantKey: facts.assistant_id ?? '',
    },
    counters: {
      conversations: 1,
      customerMessages: facts.customer_messages,
      aiOnly: isAiOnly(facts) ? 1 : 0,
      handedOver: handover ? 1 : 0,
      handovers,
      assistantReplies: facts.assistant_replies,
      unansweredReplies: facts.unanswered_replies,
      sentimentSum: analysis ? analysis.sentiment.score : 0,
      sentimentCount: analysis ? 1 : 0,
    },
    buckets: [
      bucket(secondsBetween(facts.first_customer_at, facts.first_ai_reply_at)),
      bucket(secondsBetween(facts.first_customer_at, facts.first_person_reply_at)),
      bucket(secondsBetween(facts.handover_at, facts.handover_reply_at)),
    ],
    topics: analysis ? [...new Set(analysis.topics)] : [],
  };
}

const keyString = (key: RollupKey) =>
  [key.workspaceId, key.day, key.channelKind, key.assistantKey].join('|');

export interface DailyDelta {
  key: RollupKey;
  counters: RollupCounters;
}

export interface TopicDelta {
  key: RollupKey;
  topic: string;
  conversations: number;
}

/**
 * Changes to the rollups collected over a transaction, applied once at its end (in key order,
 * so concurrent writers lock rollup rows in the same order and never deadlock).
 */
export class RollupDelta {
  private readonly daily = new Map<string, DailyDelta>();
  private readonly topics = new Map<string, TopicDelta>();

  /** Records a conversation changing from `before` to `after` (null: not there). */
  change(before: ConversationFacts | null, after: ConversationFacts | null): void {
    const old = before ? contributionOf(before) : null;
    const next = after ? contributionOf(after) : null;
    if (old) this.apply(old, -1);
    if (next) this.apply(next, 1);
  }

  private apply(contribution: Contribution, sign: number): void {
    const id = keyString(contribution.key);
    let daily = this.daily.get(id);
    if (!daily) {
      daily = { key: contribution.key, counters: emptyCounters() };
      this.daily.set(id, daily);
    }
    const target = daily.counters;
    const added = contribution.counters;
    target.conversations += sign * added.conversations;
    target.customerMessages += sign * added.customerMessages;
    target.aiOnly += sign * added.aiOnly;
    target.handedOver += sign * added.handedOver;
    for (const trigger of HANDOVER_TRIGGERS) {
      target.handovers[trigger] += sign * added.handovers[trigger];
    }
    target.assistantReplies += sign * added.assistantReplies;
    target.unansweredReplies += sign * added.unansweredReplies;
    target.sentimentSum += sign * added.sentimentSum;
    target.sentimentCount += sign * added.sentimentCount;
    const [ai, human, pause] = contribution.buckets;
    if (ai !== null) target.aiFirstResponse[ai] = (target.aiFirstResponse[ai] ?? 0) + sign;
    if (human !== null) {
      target.humanFirstResponse[human] = (target.humanFirstResponse[human] ?? 0) + sign;
    }
    if (pause !== null) target.pauseToReply[pause] = (target.pauseToReply[pause] ?? 0) + sign;
    for (const topic of contribution.topics) {
      const topicId = `${id}|${topic}`;
      let entry = this.topics.get(topicId);
      if (!entry) {
        entry = { key: contribution.key, topic, conversations: 0 };
        this.topics.set(topicId, entry);
      }
      entry.conversations += sign;
    }
  }

  /** The non-zero changes, in a stable order. */
  dailyChanges(): DailyDelta[] {
    return [...this.daily.entries()]
      .filter(([, delta]) => !isZero(delta.counters))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, delta]) => delta);
  }

  topicChanges(): TopicDelta[] {
    return [...this.topics.entries()]
      .filter(([, delta]) => delta.conversations !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, delta]) => delta);
  }

  clear(): void {
    this.daily.clear();
    this.topics.clear();
  }
}
