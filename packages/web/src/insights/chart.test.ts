import type { DailyChannelCount } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import { channelAt, scoreSeries, seriesSummary, seriesTable, stackedSeries } from './chart';

const daily: DailyChannelCount[] = [
  { day: '2026-03-01', channel: 'gmail', conversations: 2, customerMessages: 5 },
  { day: '2026-03-01', channel: 'messenger', conversations: 1, customerMessages: 4 },
  { day: '2026-03-03', channel: 'messenger', conversations: 3, customerMessages: 6 },
  { day: '2026-03-03', channel: 'instagram_dm', conversations: 0, customerMessages: 0 },
  // Outside the range: ignored.
  { day: '2026-02-28', channel: 'share_link', conversations: 9, customerMessages: 9 },
];
const range = { from: '2026-03-01', to: '2026-03-03' };

describe('the per-day channel chart', () => {
  it('fills missing days with zero and stacks channels in the usual order', () => {
    const series = stackedSeries(daily, range, 'conversations');
    expect(series.days).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(series.channels).toEqual(['messenger', 'gmail']);
    expect(series.values).toEqual([
      [1, 0, 3],
      [2, 0, 0],
    ]);
    expect(series.stacked).toEqual([
      [1, 0, 3],
      [3, 0, 3],
    ]);
    expect(series.totals).toEqual([3, 0, 3]);
    expect(stackedSeries(daily, range, 'customerMessages').totals).toEqual([9, 0, 6]);
  });

  it('has a table and a sentence as its text alternative', () => {
    const series = stackedSeries(daily, range, 'conversations');
    expect(seriesTable(series)).toEqual({
      head: ['Day', 'Facebook Messenger', 'Gmail', 'Total'],
      rows: [
        ['2026-03-01', '1', '2', '3'],
        ['2026-03-02', '0', '0', '0'],
        ['2026-03-03', '3', '0', '3'],
      ],
    });
    expect(seriesSummary(series, 'conversations')).toBe(
      '6 conversations from 2026-03-01 to 2026-03-03; most on Facebook Messenger (4), busiest day 2026-03-01 (3).',
    );
    expect(seriesSummary(stackedSeries([], range, 'conversations'), 'conversations')).toBe(
      'No conversations in this period.',
    );
  });

  it('finds the channel under a point of the chart', () => {
    const series = stackedSeries(daily, range, 'conversations');
    expect(channelAt(series, 0, 0.5)).toBe('messenger');
    expect(channelAt(series, 0, 2.5)).toBe('gmail');
    expect(channelAt(series, 0, 4)).toBeNull();
    expect(channelAt(series, 1, 0.5)).toBeNull();
  });

  it('aligns quality scores by week, leaving gaps where nobody rated', () => {
    expect(
      scoreSeries([
        { assistantId: 'b', week: '2026-03-02', score: 0.5 },
        { assistantId: 'a', week: '2026-02-23', score: 1 },
        { assistantId: 'a', week: '2026-03-02', score: 0.75 },
      ]),
    ).toEqual({
      weeks: ['2026-02-23', '2026-03-02'],
      assistants: ['a', 'b'],
      scores: [
        [1, 0.75],
        [null, 0.5],
      ],
    });
  });
});
