import type { ConversationCard } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  EMPTY_FILTERS,
  filtersFromUrl,
  matchesFilters,
  writeFiltersToUrl,
} from './filters';

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
});
