/** Where Insights numbers lead: the inbox filtered to exactly the conversations counted, and the
 * CSV exports of the same data. Conversations count on the day they started, so drill-downs
 * filter on the start day (`startedFrom`/`startedTo`), not on the last activity. */
import type {
  ChannelKind,
  ConversationOutcome,
  HandoverTrigger,
  InsightsQuery,
} from '@parley/domain';
import { queryParams } from './query';

/** What the number counts, beyond the page's own filters. */
export interface DrillDown {
  /** Narrow to one channel (or a day) instead of the page's channels (or range). */
  channel?: ChannelKind;
  assistant?: string;
  day?: string;
  outcome?: ConversationOutcome;
  handover?: HandoverTrigger;
  hasUnanswered?: boolean;
  frustrated?: boolean;
  humanRequested?: boolean;
  topic?: string;
  questionGroup?: string;
}

export function inboxParams(query: InsightsQuery, drill: DrillDown = {}): URLSearchParams {
  const params = new URLSearchParams();
  const channels = drill.channel ? [drill.channel] : query.channels;
  if (channels.length > 0) params.set('channel', channels.join(','));
  const assistant = drill.assistant ?? query.assistant;
  if (assistant) params.set('assistant', assistant);
  params.set('startedFrom', drill.day ?? query.from);
  params.set('startedTo', drill.day ?? query.to);
  if (drill.outcome) params.set('outcome', drill.outcome);
  if (drill.handover) params.set('handover', drill.handover);
  for (const flag of ['hasUnanswered', 'frustrated', 'humanRequested'] as const) {
    if (drill[flag]) params.set(flag, 'true');
  }
  if (drill.topic) params.set('topic', drill.topic);
  if (drill.questionGroup) params.set('questionGroup', drill.questionGroup);
  return params;
}

/** The inbox showing those conversations. */
export function inboxUrl(query: InsightsQuery, drill: DrillDown = {}): string {
  return `/?${inboxParams(query, drill)}`;
}

/** The inbox with one conversation open. */
export function conversationLink(conversationId: string): string {
  return `/?${new URLSearchParams({ c: conversationId })}`;
}

export const PERFORMANCE_TABLES = ['channels', 'assistants', 'daily', 'topics'] as const;
export type PerformanceTable = (typeof PERFORMANCE_TABLES)[number];

/** One of the performance tables as CSV, for the page's filters. */
export function performanceCsvUrl(query: InsightsQuery, table: PerformanceTable): string {
  const params = queryParams(query);
  params.set('table', table);
  return `/api/insights/performance.csv?${params}`;
}

/** The conversations behind a number, with their analysis, as CSV. */
export function conversationsCsvUrl(query: InsightsQuery, drill: DrillDown = {}): string {
  return `/api/conversations.csv?${inboxParams(query, drill)}`;
}
