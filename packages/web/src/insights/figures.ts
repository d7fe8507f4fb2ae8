/** How Insights figures read: shares as percentages, durations in words, and the change against
 * the previous period with whether that change is good news. */
import type { HandoverTrigger, Percentiles, PerformanceFigures } from '@parley/domain';

export type Direction = 'up' | 'down' | 'flat' | 'none';

export interface Change {
  direction: Direction;
  /** "+12%", "−3 pts", "new", or "" when there is nothing to compare. */
  text: string;
  /** Whether the change is an improvement; null when it is neither (or unknown). */
  good: boolean | null;
}

/** Which way is better for each figure; counts are neither. */
const BETTER: Record<FigureKey, 'higher' | 'lower' | null> = {
  conversations: null,
  customerMessages: null,
  messagesPerConversation: null,
  answeredByAiShare: 'higher',
  handedOverShare: 'lower',
  aiFirstResponseSeconds: 'lower',
  humanFirstResponseSeconds: 'lower',
  pauseToHumanReplySeconds: 'lower',
  unansweredRate: 'lower',
  averageEndSentiment: 'higher',
};

export type FigureKey = Exclude<keyof PerformanceFigures, 'handoversByTrigger'>;

/** Relative change of counts and durations, in percent; null when the base is zero or unknown. */
export function percentChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return ((current - previous) / Math.abs(previous)) * 100;
}

function directionOf(delta: number): Direction {
  if (Math.abs(delta) < 1e-9) return 'flat';
  return delta > 0 ? 'up' : 'down';
}

function goodness(key: FigureKey, direction: Direction): boolean | null {
  const better = BETTER[key];
  if (!better || direction === 'flat' || direction === 'none') return null;
  return (direction === 'up') === (better === 'higher');
}

const SIGNED = new Intl.NumberFormat('en', { signDisplay: 'exceptZero', maximumFractionDigits: 0 });
const SIGNED_ONE = new Intl.NumberFormat('en', {
  signDisplay: 'exceptZero',
  maximumFractionDigits: 1,
});

/** Shares and sentiment change in points (percentage points, or sentiment units); counts and
 * times in percent of the previous value. */
export function changeOf(key: FigureKey, current: number | null, previous: number | null): Change {
  if (current === null) return { direction: 'none', text: '', good: null };
  if (previous === null) return { direction: 'none', text: 'new', good: null };
  if (key === 'answeredByAiShare' || key === 'handedOverShare' || key === 'unansweredRate') {
    const points = (current - previous) * 100;
    const direction = directionOf(Math.round(points));
    return { direction, text: `${SIGNED.format(points)} pts`, good: goodness(key, direction) };
  }
  if (key === 'averageEndSentiment') {
    const delta = current - previous;
    const direction = directionOf(Math.round(delta * 10));
    return { direction, text: SIGNED_ONE.format(delta), good: goodness(key, direction) };
  }
  const percent = percentChange(current, previous);
  if (percent === null) {
    return current === 0
      ? { direction: 'flat', text: '±0%', good: null }
      : { direction: 'up', text: 'new', good: null };
  }
  const direction = directionOf(Math.round(percent));
  return { direction, text: `${SIGNED.format(percent)}%`, good: goodness(key, direction) };
}

/** The figure a table cell compares: the p50 of percentile figures. */
export function scalarOf(figures: PerformanceFigures, key: FigureKey): number | null {
  const value = figures[key];
  return typeof value === 'object' && value !== null ? (value as Percentiles).p50 : value;
}

export function figureChange(
  key: FigureKey,
  current: PerformanceFigures,
  previous: PerformanceFigures,
): Change {
  return changeOf(key, scalarOf(current, key), scalarOf(previous, key));
}

export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

export function formatCount(count: number): string {
  return count.toLocaleString('en');
}

export function formatRatio(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}

export function formatSentiment(value: number | null): string {
  return value === null ? '—' : SIGNED_ONE.format(Number(value.toFixed(1)) || 0);
}

/** "12 s", "4 min", "2.5 h", "3 d". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Number((seconds / 3600).toFixed(1))} h`;
  return `${Number((seconds / 86_400).toFixed(1))} d`;
}

export function formatPercentiles(value: Percentiles): string {
  if (value.p50 === null && value.p90 === null) return '—';
  return `${formatDuration(value.p50)} / ${formatDuration(value.p90)}`;
}

export const TRIGGER_LABELS: Record<HandoverTrigger, string> = {
  human_requested: 'asked for a person',
  frustration: 'frustration',
  keyword: 'keyword',
  failed_answers: 'failed answers',
  operator: 'a person took over',
};

/** "asked for a person 3 · frustration 1", largest first. */
export function formatTriggers(counts: PerformanceFigures['handoversByTrigger']): string {
  const entries = Object.entries(counts).filter(([, count]) => (count ?? 0) > 0) as [
    HandoverTrigger,
    number,
  ][];
  if (entries.length === 0) return '';
  return entries
    .sort((a, b) => b[1] - a[1])
    .map(([trigger, count]) => `${TRIGGER_LABELS[trigger]} ${count}`)
    .join(' · ');
}
