/** Inbox filters: how they live in the page URL, map to API query params, and match live cards. */
import {
  type ChannelKind,
  type ConversationCard,
  type ConversationOutcome,
  type ConversationStatus,
  conversationStatus,
  type HandoverTrigger,
  isChannelKind,
  isHandoverTrigger,
  openActionItemCount,
  type SentimentLabel,
} from '@parley/domain';

export const STATUS_FILTERS = ['active', 'recent', 'idle', 'paused'] as const;
export const SENTIMENT_FILTERS = ['negative', 'neutral', 'positive'] as const;
export const OUTCOME_FILTERS = ['ai_only', 'handed_over'] as const;

/** What the analysis found, as yes/no filters; the names are also the URL and API keys. */
export const INSIGHT_FLAGS = [
  'frustrated',
  'humanRequested',
  'hasUnanswered',
  'hasOpenActionItems',
] as const;
export type InsightFlag = (typeof INSIGHT_FLAGS)[number];

export interface Filters {
  channels: ChannelKind[];
  /** Assistant id; empty means any. */
  assistant: string;
  /** Empty means any status. */
  status: ConversationStatus | '';
  unread: boolean;
  /** Local calendar dates as `YYYY-MM-DD` (what `<input type="date">` speaks); empty means open. */
  from: string;
  to: string;
  q: string;
  /** Empty means any sentiment. */
  sentiment: SentimentLabel | '';
  frustrated: boolean;
  humanRequested: boolean;
  hasUnanswered: boolean;
  hasOpenActionItems: boolean;
  /** A name from the workspace's topic list; empty means any. */
  topic: string;
  /** UTC calendar days the conversation started on, as Insights counts them (no local time
   * zone: a drill-down opens exactly the conversations a figure counted). */
  startedFrom: string;
  startedTo: string;
  /** Insights' outcome; empty means any. */
  outcome: ConversationOutcome | '';
  /** Why the AI stopped; empty means any. */
  handover: HandoverTrigger | '';
  /** Id of a group of unanswered questions (Insights drill-down); empty means any. Not
   * mirrored for live cards: membership is known to the server only (callers refetch). */
  questionGroup: string;
}

export const EMPTY_FILTERS: Filters = {
  channels: [],
  assistant: '',
  status: '',
  unread: false,
  from: '',
  to: '',
  q: '',
  sentiment: '',
  frustrated: false,
  humanRequested: false,
  hasUnanswered: false,
  hasOpenActionItems: false,
  topic: '',
  startedFrom: '',
  startedTo: '',
  outcome: '',
  handover: '',
  questionGroup: '',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isStatus(value: string): value is ConversationStatus {
  return (STATUS_FILTERS as readonly string[]).includes(value);
}

function isSentiment(value: string): value is SentimentLabel {
  return (SENTIMENT_FILTERS as readonly string[]).includes(value);
}

function isOutcome(value: string): value is ConversationOutcome {
  return (OUTCOME_FILTERS as readonly string[]).includes(value);
}

/** A real calendar date written YYYY-MM-DD, or empty. */
function dayOrEmpty(value: string | null): string {
  if (!value || !DATE.test(value)) return '';
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : '';
}

export function filtersFromUrl(params: URLSearchParams): Filters {
  const status = params.get('status') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const sentiment = params.get('sentiment') ?? '';
  const outcome = params.get('outcome') ?? '';
  const handover = params.get('handover') ?? '';
  return {
    channels: (params.get('channel') ?? '').split(',').filter(isChannelKind),
    assistant: params.get('assistant') ?? '',
    status: isStatus(status) ? status : '',
    unread: params.get('unread') === 'true',
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
    q: params.get('q') ?? '',
    sentiment: isSentiment(sentiment) ? sentiment : '',
    frustrated: params.get('frustrated') === 'true',
    humanRequested: params.get('humanRequested') === 'true',
    hasUnanswered: params.get('hasUnanswered') === 'true',
    hasOpenActionItems: params.get('hasOpenActionItems') === 'true',
    topic: params.get('topic') ?? '',
    startedFrom: dayOrEmpty(params.get('startedFrom')),
    startedTo: dayOrEmpty(params.get('startedTo')),
    outcome: isOutcome(outcome) ? outcome : '',
    handover: isHandoverTrigger(handover) ? handover : '',
    questionGroup: UUID.test(params.get('questionGroup') ?? '')
      ? (params.get('questionGroup') ?? '')
      : '',
  };
}

/** Writes the filters into `params` (leaving unrelated keys alone); empty filters leave no trace. */
export function writeFiltersToUrl(filters: Filters, params: URLSearchParams): void {
  const values: Record<string, string> = {
    channel: filters.channels.join(','),
    assistant: filters.assistant,
    status: filters.status,
    unread: filters.unread ? 'true' : '',
    from: filters.from,
    to: filters.to,
    q: filters.q.trim(),
    sentiment: filters.sentiment,
    frustrated: filters.frustrated ? 'true' : '',
    humanRequested: filters.humanRequested ? 'true' : '',
    hasUnanswered: filters.hasUnanswered ? 'true' : '',
    hasOpenActionItems: filters.hasOpenActionItems ? 'true' : '',
    topic: filters.topic,
    startedFrom: filters.startedFrom,
    startedTo: filters.startedTo,
    outcome: filters.outcome,
    handover: filters.handover,
    questionGroup: filters.questionGroup,
  };
  for (const [key, value] of Object.entries(values)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
}

/** Start of the `from` day and end of the `to` day, in the operator's own time zone. */
function dayBounds(filters: Filters): { from: Date | null; to: Date | null } {
  return {
    from: filters.from ? new Date(`${filters.from}T00:00:00`) : null,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999`) : null,
  };
}

export function apiQuery(filters: Filters, cursor: string | null): URLSearchParams {
  const params = new URLSearchParams();
  writeFiltersToUrl(filters, params);
  const { from, to } = dayBounds(filters);
  if (from) params.set('from', from.toISOString());
  if (to) params.set('to', to.toISOString());
  if (cursor) params.set('cursor', cursor);
  params.set('limit', '50');
  return params;
}

export function hasActiveFilters(filters: Filters): boolean {
  return JSON.stringify(filters) !== JSON.stringify(EMPTY_FILTERS);
}

/** Client-side twin of the server's filtering for live events; full-text search is not
 * mirrored (callers refetch instead), so `q` is ignored here. */
export function matchesFilters(card: ConversationCard, filters: Filters, now: Date): boolean {
  if (filters.channels.length > 0 && !filters.channels.includes(card.channelKind)) return false;
  if (filters.assistant && card.assistantId !== filters.assistant) return false;
  if (filters.status && conversationStatus(card, now) !== filters.status) return false;
  if (filters.unread && card.unreadCount === 0) return false;
  const { from, to } = dayBounds(filters);
  const activity = new Date(card.lastActivityAt);
  if (from && activity < from) return false;
  if (to && activity > to) return false;
  const startedOn = card.createdAt.slice(0, 10);
  if (filters.startedFrom && startedOn < filters.startedFrom) return false;
  if (filters.startedTo && startedOn > filters.startedTo) return false;
  if (filters.outcome && (card.outcome ?? null) !== filters.outcome) return false;
  if (filters.handover && (card.handoverTrigger ?? null) !== filters.handover) return false;
  return matchesInsights(card, filters);
}

/** Mirrors the server: a conversation not analyzed yet matches no insight filter. */
function matchesInsights(card: ConversationCard, filters: Filters): boolean {
  const wanted = filters.sentiment || filters.topic || INSIGHT_FLAGS.some((flag) => filters[flag]);
  if (!wanted) return true;
  const analysis = card.analysis;
  if (!analysis) return false;
  if (filters.sentiment && analysis.sentiment.label !== filters.sentiment) return false;
  if (filters.topic && !analysis.topics.includes(filters.topic)) return false;
  if (filters.frustrated && !analysis.frustrated) return false;
  if (filters.humanRequested && !analysis.humanRequested) return false;
  if (filters.hasUnanswered && analysis.unansweredQuestions.length === 0) return false;
  if (filters.hasOpenActionItems && openActionItemCount(analysis) === 0) return false;
  return true;
}
