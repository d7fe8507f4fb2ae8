/**
 * The performance report from daily rollup rows: sums per period, channel, assistant and day,
 * shares and means from the sums, percentiles from the merged histograms. Pure; the rows come
 * from store/insights-report.ts.
 */
import type {
  ChannelKind,
  DailyChannelCount,
  HandoverTrigger,
  InsightsQuery,
  PerformanceFigures,
  PerformanceReport,
  PerformanceRow,
  TopicTrend,
} from '@parley/domain';
import { CHANNEL_LABELS, isChannelKind } from '@parley/domain';
import { percentile } from './histogram.js';
import { addCounters, emptyCounters, HANDOVER_TRIGGERS, type RollupCounters } from './rollup.js';

const DAY_MS = 86_400_000;

export function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

export function dayString(dayNum: number): string {
  return new Date(dayNum * DAY_MS).toISOString().slice(0, 10);
}

/** The same-length period just before `from`…`to`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = dayNumber(to) - dayNumber(from) + 1;
  return { from: dayString(dayNumber(from) - length), to: dayString(dayNumber(from) - 1) };
}

export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = dayNumber(from); day <= dayNumber(to); day += 1) days.push(dayString(day));
  return days;
}

/** Rollups summed over one period, channel and assistant. */
export interface GroupRow {
  period: 'current' | 'previous';
  channelKind: string;
  assistantKey: string;
  counters: RollupCounters;
}

export interface DailyCountRow {
  day: string;
  channelKind: string;
  conversations: number;
  customerMessages: number;
}

export interface TopicRow {
  day: string;
  topic: string;
  conversations: number;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const roundSeconds = (value: number | null) =>
  value === null ? null : Math.round(value * 10) / 10;

export function figuresOf(counters: RollupCounters): PerformanceFigures {
  const handoversByTrigger: Partial<Record<HandoverTrigger, number>> = {};
  for (const trigger of HANDOVER_TRIGGERS) {
    if (counters.handovers[trigger] > 0) handoversByTrigger[trigger] = counters.handovers[trigger];
  }
  const percentiles = (histogram: number[]) => ({
    p50: roundSeconds(percentile(histogram, 0.5)),
    p90: roundSeconds(percentile(histogram, 0.9)),
  });
  return {
    conversations: counters.conversations,
    customerMessages: counters.customerMessages,
    messagesPerConversation: share(counters.customerMessages, counters.conversations),
    answeredByAiShare: share(counters.aiOnly, counters.conversations),
    handedOverShare: share(counters.handedOver, counters.conversations),
    handoversByTrigger,
    aiFirstResponseSeconds: percentiles(counters.aiFirstResponse),
    humanFirstResponseSeconds: percentiles(counters.humanFirstResponse),
    pauseToHumanReplySeconds: percentiles(counters.pauseToReply),
    unansweredRate: share(counters.unansweredReplies, counters.assistantReplies),
    averageEndSentiment: share(counters.sentimentSum, counters.sentimentCount),
  };
}

interface Sums {
  current: RollupCounters;
  previous: RollupCounters;
}

function sumsFor(map: Map<string, Sums>, key: string): Sums {
  let sums = map.get(key);
  if (!sums) {
    sums = { current: emptyCounters(), previous: emptyCounters() };
    map.set(key, sums);
  }
  return sums;
}

function rowsOf(map: Map<string, Sums>, label: (key: string) => string): PerformanceRow[] {
  return [...map.entries()]
    .map(([key, sums]) => ({
      key,
      label: label(key),
      current: figuresOf(sums.current),
      previous: figuresOf(sums.previous),
    }))
    .sort(
      (a, b) =>
        b.current.conversations - a.current.conversations ||
        b.previous.conversations - a.previous.conversations ||
        a.label.localeCompare(b.label),
    );
}

export const NO_ASSISTANT_LABEL = 'No assistant';
export const MAX_TOPICS = 30;

export function buildPerformanceReport(
  query: InsightsQuery,
  rows: { groups: readonly GroupRow[]; daily: readonly DailyCountRow[] },
  topicRows: readonly TopicRow[],
  assistantNames: ReadonlyMap<string, string>,
): PerformanceReport {
  const previous = previousPeriod(query.from, query.to);
  const totals: Sums = { current: emptyCounters(), previous: emptyCounters() };
  const byChannel = new Map<string, Sums>();
  const byAssistant = new Map<string, Sums>();
  for (const row of rows.groups) {
    addCounters(totals[row.period], row.counters);
    addCounters(sumsFor(byChannel, row.channelKind)[row.period], row.counters);
    addCounters(sumsFor(byAssistant, row.assistantKey)[row.period], row.counters);
  }
  const daily = new Map<string, DailyChannelCount>();
  for (const row of rows.daily) {
    if (!isChannelKind(row.channelKind)) continue;
    daily.set(`${row.day}|${row.channelKind}`, {
      day: row.day,
      channel: row.channelKind,
      conversations: row.conversations,
      customerMessages: row.customerMessages,
    });
  }
  // Every day of the period for every channel seen in it, so stacked charts have no gaps.
  const channels = [...new Set([...daily.values()].map((entry) => entry.channel))].sort();
  const dailyCounts: DailyChannelCount[] = daysOf(query.from, query.to).flatMap((day) =>
    channels.map(
      (channel: ChannelKind) =>
        daily.get(`${day}|${channel}`) ?? { day, channel, conversations: 0, customerMessages: 0 },
    ),
  );
  return {
    query,
    previous,
    daily: dailyCounts,
    totals: { current: figuresOf(totals.current), previous: figuresOf(totals.previous) },
    byChannel: rowsOf(byChannel, (key) => (isChannelKind(key) ? CHANNEL_LABELS[key] : key)),
    byAssistant: rowsOf(byAssistant, (key) =>
      key === '' ? NO_ASSISTANT_LABEL : (assistantNames.get(key) ?? 'Deleted assistant'),
    ),
    topics: topicTrends(query, topicRows),
  };
}

function topicTrends(query: InsightsQuery, rows: readonly TopicRow[]): TopicTrend[] {
  const topics = new Map<
    string,
    { current: number; previous: number; daily: Map<string, number> }
  >();
  for (const row of rows) {
    let entry = topics.get(row.topic);
    if (!entry) {
      entry = { current: 0, previous: 0, daily: new Map() };
      topics.set(row.topic, entry);
    }
    if (row.day >= query.from && row.day <= query.to) {
      entry.current += row.conversations;
      entry.daily.set(row.day, (entry.daily.get(row.day) ?? 0) + row.conversations);
    } else {
      entry.previous += row.conversations;
    }
  }
  const days = daysOf(query.from, query.to);
  return [...topics.entries()]
    .filter(([, entry]) => entry.current > 0 || entry.previous > 0)
    .sort(
      ([a, x], [b, y]) => y.current - x.current || y.previous - x.previous || a.localeCompare(b),
    )
    .slice(0, MAX_TOPICS)
    .map(([topic, entry]) => ({
      topic,
      conversations: entry.current,
      previousConversations: entry.previous,
      daily: days.map((day) => ({ day, conversations: entry.daily.get(day) ?? 0 })),
    }));
}
