/** Series of the per-day, per-channel chart: one value per day for every channel that has any,
 * also stacked (each channel on top of the ones before) for drawing. */
import {
  CHANNEL_KINDS,
  CHANNEL_LABELS,
  type ChannelKind,
  type DailyChannelCount,
} from '@parley/domain';
import { daysOf } from './query';

export type DailyMetric = 'conversations' | 'customerMessages';

export interface StackedSeries {
  days: string[];
  /** Channels with at least one count in the range, in the usual channel order. */
  channels: ChannelKind[];
  /** Per channel, per day. */
  values: number[][];
  /** Per channel, per day: the sum of this channel and every one before it. */
  stacked: number[][];
  /** Per day, all channels. */
  totals: number[];
}

export function stackedSeries(
  daily: DailyChannelCount[],
  range: { from: string; to: string },
  metric: DailyMetric,
): StackedSeries {
  const days = daysOf(range.from, range.to);
  const dayIndex = new Map(days.map((day, index) => [day, index]));
  const byChannel = new Map<ChannelKind, number[]>();
  for (const row of daily) {
    const index = dayIndex.get(row.day);
    if (index === undefined || row[metric] === 0) continue;
    let values = byChannel.get(row.channel);
    if (!values) {
      values = days.map(() => 0);
      byChannel.set(row.channel, values);
    }
    values[index] = (values[index] ?? 0) + row[metric];
  }
  const channels = CHANNEL_KINDS.filter((kind) => byChannel.has(kind));
  const values = channels.map((kind) => byChannel.get(kind) ?? []);
  const running = days.map(() => 0);
  const stacked = values.map((series) =>
    series.map((value, index) => {
      running[index] = (running[index] ?? 0) + value;
      return running[index] ?? 0;
    }),
  );
  return { days, channels, values, stacked, totals: running };
}

/** The chart's text alternative: one row per day, one column per channel, and the total. */
export function seriesTable(series: StackedSeries): { head: string[]; rows: string[][] } {
  return {
    head: ['Day', ...series.channels.map((kind) => CHANNEL_LABELS[kind]), 'Total'],
    rows: series.days.map((day, index) => [
      day,
      ...series.values.map((values) => String(values[index] ?? 0)),
      String(series.totals[index] ?? 0),
    ]),
  };
}

/** A one-sentence summary for screen readers: the total and the busiest channel and day. */
export function seriesSummary(series: StackedSeries, noun: string): string {
  const total = series.totals.reduce((sum, value) => sum + value, 0);
  if (total === 0) return `No ${noun} in this period.`;
  const sums = series.values.map((values) => values.reduce((sum, value) => sum + value, 0));
  const top = sums.indexOf(Math.max(...sums));
  const peak = series.totals.indexOf(Math.max(...series.totals));
  const channel = series.channels[top];
  return `${total} ${noun} from ${series.days[0]} to ${series.days.at(-1)}; most on ${
    channel ? CHANNEL_LABELS[channel] : '—'
  } (${sums[top]}), busiest day ${series.days[peak]} (${series.totals[peak]}).`;
}

/** Where a value of the chart sits among its series, for drilling down from a click: the
 * channel whose band covers `value` on `dayIndex`. */
export function channelAt(
  series: StackedSeries,
  dayIndex: number,
  value: number,
): ChannelKind | null {
  for (let index = 0; index < series.channels.length; index++) {
    const top = series.stacked[index]?.[dayIndex] ?? 0;
    const own = series.values[index]?.[dayIndex] ?? 0;
    if (own > 0 && value <= top) return series.channels[index] ?? null;
  }
  return null;
}

/** Quality scores per assistant per week, as aligned series (null where a week has no rating). */
export function scoreSeries(
  points: { assistantId: string; week: string; score: number | null }[],
): { weeks: string[]; assistants: string[]; scores: (number | null)[][] } {
  const weeks = [...new Set(points.map((point) => point.week))].sort();
  const assistants = [...new Set(points.map((point) => point.assistantId))].sort();
  const scores = assistants.map((assistantId) =>
    weeks.map(
      (week) =>
        points.find((point) => point.assistantId === assistantId && point.week === week)?.score ??
        null,
    ),
  );
  return { weeks, assistants, scores };
}
