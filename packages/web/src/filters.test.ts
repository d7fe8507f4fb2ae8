import type { ConversationCard } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  EMPTY_FILTERS,
  filtersFromUrl,
  matchesFilters,
  writeFiltersToUrl,
} from './filters';
import { testAnalysis } from './test-fixtures';

const now = new Date('2026-01-10T12:00:00Z');

function card(overrides: Partial<ConversationCard> = {}): ConversationCard {
  return {
    id: 'c1',
    channelId: 'ch1',
    channelKind: 'messenger',
    assistantId: 'a1',
    contact: {
      id: 'p1',
      displayName: 'Ann',
      email: null,
      username: null,
      externalId: 'x',
      attributes: {},
    },
    subject: null,
    preview: 'hi',
    lastActivityAt: new Date(now.getTime() - 60_000).toISOString(),
    lastInboundAt: null,
    aiPaused: false,
    aiPausedReason: null,
    unreadCount: 0,
    summary: null,
    analysis: null,
    metadata: {},
    createdAt: now.toISOString(),
    ...overrides,
  };
}

describe('filters in the URL', () => {
  it('round-trips and leaves unrelated params alone', () => {
    const filters = {
      ...EMPTY_FILTERS,
      channels: ['messenger' as const, 'gmail' as const],
      status: 'paused' as const,
      unread: true,
      from: '2026-01-01',
      q: 'refund',
    };
    const params = new URLSearchParams('c=conv1');
    writeFiltersToUrl(filters, params);
    expect(params.get('c')).toBe('conv1');
    expect(filtersFromUrl(params)).toEqual(filters);
  });

  it('round-trips the insight filters under the API’s own names', () => {
    const filters = {
      ...EMPTY_FILTERS,
      sentiment: 'negative' as const,
      frustrated: true,
      hasOpenActionItems: true,
      topic: 'order status',
    };
    const params = new URLSearchParams();
    writeFiltersToUrl(filters, params);
    expect(params.toString()).toBe(
      'sentiment=negative&frustrated=true&hasOpenActionItems=true&topic=order+status',
    );
    expect(filtersFromUrl(params)).toEqual(filters);
    expect(filtersFromUrl(new URLSearchParams('sentiment=furious&humanRequested=yes'))).toEqual(
      EMPTY_FILTERS,
    );
  });

  it('carries an Insights question group from the page URL to the API query', () => {
    const id = '0b9d5f0e-3c1a-4a2b-9c8d-7e6f5a4b3c2d';
    const filters = filtersFromUrl(new URLSearchParams(`questionGroup=${id}`));
    expect(filters).toEqual({ ...EMPTY_FILTERS, questionGroup: id });
    expect(apiQuery(filters, null).get('questionGroup')).toBe(id);
    expect(filtersFromUrl(new URLSearchParams('questionGroup=not-an-id'))).toEqual(EMPTY_FILTERS);
  });

  it('ignores values it does not know', () => {
    const params = new URLSearchParams('channel=fax,gmail&status=busy&from=yesterday');
    expect(filtersFromUrl(params)).toEqual({ ...EMPTY_FILTERS, channels: ['gmail'] });
  });

  it('sends dates to the API as instants and always a page size', () => {
    const query = apiQuery({ ...EMPTY_FILTERS, from: '2026-01-01' }, 'cur');
    expect(new Date(query.get('from') ?? '').getTime()).toBe(
      new Date('2026-01-01T00:00:00').getTime(),
    );
    expect(query.get('cursor')).toBe('cur');
    expect(query.get('limit')).toBe('50');
  });
});

describe('matchesFilters', () => {
  it('checks channel, assistant, status and unread like the server', () => {
    expect(matchesFilters(card(), EMPTY_FILTERS, now)).toBe(true);
    expect(matchesFilters(card(), { ...EMPTY_FILTERS, channels: ['gmail'] }, now)).toBe(false);
    expect(matchesFilters(card(), { ...EMPTY_FILTERS, assistant: 'a2' }, now)).toBe(false);
    expect(matchesFilters(card(), { ...EMPTY_FILTERS, status: 'active' }, now)).toBe(true);
    expect(matchesFilters(card(), { ...EMPTY_FILTERS, status: 'paused' }, now)).toBe(false);
    expect(matchesFilters(card(), { ...EMPTY_FILTERS, unread: true }, now)).toBe(false);
    expect(matchesFilters(card({ unreadCount: 2 }), { ...EMPTY_FILTERS, unread: true }, now)).toBe(
      true,
    );
  });

  it('checks what the analysis found, and never matches a card not analyzed yet', () => {
    const upset = card({
      analysis: testAnalysis({
        topics: ['returns', 'complaint'],
        sentiment: { label: 'negative', score: -0.6, trend: 'worsening' },
        frustrated: true,
        frustratedBy: { messageId: 'm1', quote: 'Ridiculous' },
        unansweredQuestions: [{ messageId: 'm1', quote: 'Where is it?' }],
        actionItems: [{ id: 'i1', text: 'Refund', done: false, doneAt: null, doneBy: null }],
      }),
    });
    const calm = card({ analysis: testAnalysis() });
    const match = (changes: Partial<typeof EMPTY_FILTERS>) => [
      matchesFilters(upset, { ...EMPTY_FILTERS, ...changes }, now),
      matchesFilters(calm, { ...EMPTY_FILTERS, ...changes }, now),
      matchesFilters(card(), { ...EMPTY_FILTERS, ...changes }, now),
    ];
    expect(match({})).toEqual([true, true, true]);
    expect(match({ sentiment: 'negative' })).toEqual([true, false, false]);
    expect(match({ topic: 'shipping' })).toEqual([false, true, false]);
    expect(match({ frustrated: true })).toEqual([true, false, false]);
    expect(match({ humanRequested: true })).toEqual([false, false, false]);
    expect(match({ hasUnanswered: true })).toEqual([true, false, false]);
    expect(match({ hasOpenActionItems: true })).toEqual([true, false, false]);
  });
});

describe('Insights drill-down filters', () => {
  const drill = {
    ...EMPTY_FILTERS,
    channels: ['messenger' as const],
    startedFrom: '2026-01-01',
    startedTo: '2026-01-07',
    outcome: 'handed_over' as const,
    handover: 'frustration' as const,
  };

  it('round-trips in the URL and reaches the API as UTC days, untouched', () => {
    const params = new URLSearchParams();
    writeFiltersToUrl(drill, params);
    expect(params.toString()).toBe(
      'channel=messenger&startedFrom=2026-01-01&startedTo=2026-01-07&outcome=handed_over&handover=frustration',
    );
    expect(filtersFromUrl(params)).toEqual(drill);
    const query = apiQuery(drill, null);
    expect(query.get('startedFrom')).toBe('2026-01-01');
    expect(query.get('startedTo')).toBe('2026-01-07');
    expect(query.get('outcome')).toBe('handed_over');
    expect(query.get('handover')).toBe('frustration');
  });

  it('drops values it does not know', () => {
    expect(
      filtersFromUrl(
        new URLSearchParams('startedFrom=2026-02-30&startedTo=soon&outcome=won&handover=boss'),
      ),
    ).toEqual(EMPTY_FILTERS);
  });

  it('matches live cards by UTC start day, outcome and trigger like the server', () => {
    const handedOver = card({
      createdAt: '2026-01-07T23:30:00.000Z',
      outcome: 'handed_over',
      handoverTrigger: 'frustration',
    });
    expect(matchesFilters(handedOver, drill, now)).toBe(true);
    expect(
      matchesFilters({ ...handedOver, createdAt: '2026-01-08T00:00:00.000Z' }, drill, now),
    ).toBe(false);
    expect(matchesFilters({ ...handedOver, handoverTrigger: 'operator' }, drill, now)).toBe(false);
    expect(
      matchesFilters(card({ outcome: 'ai_only' }), { ...EMPTY_FILTERS, outcome: 'ai_only' }, now),
    ).toBe(true);
    expect(matchesFilters(card(), { ...EMPTY_FILTERS, outcome: 'ai_only' }, now)).toBe(false);
  });
});
