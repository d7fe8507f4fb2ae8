import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  daysOf,
  defaultQuery,
  previousPeriod,
  queryFromUrl,
  queryParams,
} from './query';

const now = new Date('2026-03-10T23:30:00Z');

describe('Insights filters in the URL', () => {
  it('opens on the last four weeks, every channel and assistant', () => {
    expect(defaultQuery(now)).toEqual({
      from: '2026-02-11',
      to: '2026-03-10',
      channels: [],
      assistant: '',
    });
    expect(queryFromUrl(new URLSearchParams(), now)).toEqual(defaultQuery(now));
  });

  it('round-trips a range, channels in the usual order and an assistant', () => {
    const params = new URLSearchParams(
      'from=2026-01-01&to=2026-01-31&channel=gmail,messenger&assistant=a1',
    );
    const query = queryFromUrl(params, now);
    expect(query).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      channels: ['messenger', 'gmail'],
      assistant: 'a1',
    });
    expect(queryParams(query).toString()).toBe(
      'from=2026-01-01&to=2026-01-31&channel=messenger%2Cgmail&assistant=a1',
    );
    expect(queryFromUrl(queryParams(query), now)).toEqual(query);
  });

  it('leaves empty filters out of the query string', () => {
    expect(queryParams(defaultQuery(now)).toString()).toBe('from=2026-02-11&to=2026-03-10');
  });

  it('falls back to the default range when the range is broken, reversed or too long', () => {
    for (const search of [
      'from=yesterday&to=2026-03-01',
      'from=2026-03-05&to=2026-03-01',
      'from=2026-02-30&to=2026-03-01x',
      'from=2020-01-01&to=2026-03-01',
    ]) {
      const query = queryFromUrl(new URLSearchParams(search), now);
      expect([query.from, query.to]).toEqual(['2026-02-11', '2026-03-10']);
    }
    expect(queryFromUrl(new URLSearchParams('channel=fax,gmail'), now).channels).toEqual(['gmail']);
  });
});

describe('days', () => {
  it('counts and lists days inclusively, across months', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(3);
    expect(daysOf('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('compares with the same-length period just before', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-07' })).toEqual({
      from: '2026-02-22',
      to: '2026-02-28',
    });
  });
});
