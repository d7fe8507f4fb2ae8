import type { PerformanceFigures } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import {
  changeOf,
  figureChange,
  formatDuration,
  formatPercentiles,
  formatShare,
  formatTriggers,
  percentChange,
} from './figures';

function figures(overrides: Partial<PerformanceFigures> = {}): PerformanceFigures {
  return {
    conversations: 10,
    customerMessages: 30,
    messagesPerConversation: 3,
    answeredByAiShare: 0.6,
    handedOverShare: 0.3,
    handoversByTrigger: {},
    aiFirstResponseSeconds: { p50: 2, p90: 5 },
    humanFirstResponseSeconds: { p50: null, p90: null },
    pauseToHumanReplySeconds: { p50: 600, p90: 3600 },
    unansweredRate: 0.2,
    averageEndSentiment: 0.1,
    ...overrides,
  };
}

describe('period-over-period change', () => {
  it('gives counts a percentage that is neither good nor bad', () => {
    expect(percentChange(15, 10)).toBe(50);
    expect(percentChange(5, 0)).toBeNull();
    expect(changeOf('conversations', 15, 10)).toEqual({
      direction: 'up',
      text: '+50%',
      good: null,
    });
    expect(changeOf('conversations', 5, 0)).toEqual({ direction: 'up', text: 'new', good: null });
    expect(changeOf('conversations', 0, 0)).toEqual({ direction: 'flat', text: '±0%', good: null });
  });

  it('gives shares percentage points, good or bad by what the share means', () => {
    expect(changeOf('answeredByAiShare', 0.7, 0.6)).toEqual({
      direction: 'up',
      text: '+10 pts',
      good: true,
    });
    expect(changeOf('unansweredRate', 0.3, 0.2)).toEqual({
      direction: 'up',
      text: '+10 pts',
      good: false,
    });
    expect(changeOf('handedOverShare', 0.2, 0.3).good).toBe(true);
    expect(changeOf('handedOverShare', 0.301, 0.3)).toEqual({
      direction: 'flat',
      text: '0 pts',
      good: null,
    });
  });

  it('compares response times by their median; faster is better', () => {
    const change = figureChange(
      'aiFirstResponseSeconds',
      figures({ aiFirstResponseSeconds: { p50: 1, p90: 3 } }),
      figures(),
    );
    expect(change).toEqual({ direction: 'down', text: '-50%', good: true });
  });

  it('says when there is nothing to compare with', () => {
    expect(changeOf('averageEndSentiment', null, 0.2)).toEqual({
      direction: 'none',
      text: '',
      good: null,
    });
    expect(changeOf('averageEndSentiment', 0.2, null).text).toBe('new');
    expect(changeOf('averageEndSentiment', 0.4, 0.1)).toEqual({
      direction: 'up',
      text: '+0.3',
      good: true,
    });
  });
});

describe('formatting', () => {
  it('reads shares, durations and percentiles', () => {
    expect(formatShare(0.256)).toBe('26%');
    expect(formatShare(null)).toBe('—');
    expect(formatDuration(12.4)).toBe('12 s');
    expect(formatDuration(240)).toBe('4 min');
    expect(formatDuration(9000)).toBe('2.5 h');
    expect(formatDuration(3 * 86_400)).toBe('3 d');
    expect(formatPercentiles({ p50: 2, p90: 90 })).toBe('2 s / 2 min');
    expect(formatPercentiles({ p50: null, p90: null })).toBe('—');
  });

  it('lists handover triggers largest first', () => {
    expect(formatTriggers({ frustration: 1, human_requested: 3, keyword: 0 })).toBe(
      'asked for a person 3 · frustration 1',
    );
    expect(formatTriggers({})).toBe('');
  });
});
