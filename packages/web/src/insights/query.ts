/** The Insights filters (date range, channels, assistant): how they live in the page URL and in
 * the API's query string, which speak the same names. Days are UTC calendar dates. */
import { CHANNEL_KINDS, type InsightsQuery, isChannelKind } from '@parley/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** The range the page opens with: four whole weeks ending today. */
export const DEFAULT_RANGE_DAYS = 28;

/** Longer ranges would make the per-day chart unreadable and the rollup reads heavy. */
export const MAX_RANGE_DAYS = 366;

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** Inclusive number of days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Every day of the range, in order. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The last `days` days up to and including today. */
export function lastDays(days: number, now: Date): Pick<InsightsQuery, 'from' | 'to'> {
  const to = utcDay(now);
  return { from: addDays(to, -(days - 1)), to };
}

export function defaultQuery(now: Date): InsightsQuery {
  return { ...lastDays(DEFAULT_RANGE_DAYS, now), channels: [], assistant: '' };
}

function isDay(value: string | null): value is string {
  return value !== null && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Reads the filters from the URL; a missing or broken range falls back to the default one. */
export function queryFromUrl(params: URLSearchParams, now: Date): InsightsQuery {
  const fallback = defaultQuery(now);
  const from = params.get('from');
  const to = params.get('to');
  const range =
    isDay(from) && isDay(to) && from <= to && daysBetween(from, to) <= MAX_RANGE_DAYS
      ? { from, to }
      : { from: fallback.from, to: fallback.to };
  const wanted = new Set((params.get('channel') ?? '').split(',').filter(isChannelKind));
  return {
    ...range,
    channels: CHANNEL_KINDS.filter((kind) => wanted.has(kind)),
    assistant: params.get('assistant') ?? '',
  };
}

/** The query string of the page URL and of every Insights endpoint; empty filters leave no trace. */
export function queryParams(query: InsightsQuery): URLSearchParams {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.channels.length > 0) params.set('channel', query.channels.join(','));
  if (query.assistant) params.set('assistant', query.assistant);
  return params;
}

/** The period just before, as long as the chosen one (what "change" compares with). */
export function previousPeriod(query: Pick<InsightsQuery, 'from' | 'to'>): {
  from: string;
  to: string;
} {
  const length = daysBetween(query.from, query.to);
  return { from: addDays(query.from, -length), to: addDays(query.from, -1) };
}
