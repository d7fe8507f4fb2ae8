import { describe, expect, it } from 'vitest';
import { filtersFromUrl } from '../filters';
import { conversationsCsvUrl, inboxParams, inboxUrl, performanceCsvUrl } from './links';

const query = { from: '2026-03-01', to: '2026-03-28', channels: [], assistant: '' };

describe('drill-down to the inbox', () => {
  it('filters on the start day of the whole range by default', () => {
    expect(inboxUrl(query)).toBe('/?startedFrom=2026-03-01&startedTo=2026-03-28');
  });

  it('narrows to one channel, one day and an outcome', () => {
    expect(
      inboxParams(
        { ...query, channels: ['gmail', 'messenger'], assistant: 'a1' },
        { channel: 'gmail', day: '2026-03-05', outcome: 'handed_over', handover: 'frustration' },
      ).toString(),
    ).toBe(
      'channel=gmail&assistant=a1&startedFrom=2026-03-05&startedTo=2026-03-05&outcome=handed_over&handover=frustration',
    );
  });

  it('carries the analysis flags, the topic and the question group', () => {
    const params = inboxParams(query, {
      hasUnanswered: true,
      frustrated: true,
      humanRequested: false,
      topic: 'returns & refunds',
      questionGroup: 'g1',
    });
    expect(params.get('hasUnanswered')).toBe('true');
    expect(params.get('frustrated')).toBe('true');
    expect(params.has('humanRequested')).toBe(false);
    expect(params.get('topic')).toBe('returns & refunds');
    expect(params.get('questionGroup')).toBe('g1');
    // The inbox reads the same names back.
    const filters = filtersFromUrl(params);
    expect(filters.topic).toBe('returns & refunds');
    expect(filters.hasUnanswered).toBe(true);
  });
});

describe('CSV exports', () => {
  it('exports a table or the conversations with the page filters', () => {
    expect(performanceCsvUrl({ ...query, channels: ['gmail'] }, 'daily')).toBe(
      '/api/insights/performance.csv?from=2026-03-01&to=2026-03-28&channel=gmail&table=daily',
    );
    expect(conversationsCsvUrl(query, { frustrated: true })).toBe(
      '/api/conversations.csv?startedFrom=2026-03-01&startedTo=2026-03-28&frustrated=true',
    );
  });
});
