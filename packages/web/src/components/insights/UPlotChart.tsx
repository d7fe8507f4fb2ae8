/** A uPlot chart that follows the page: redrawn when its data or the colour scheme changes, and
 * sized to its container. The chart is a picture; callers always render a text alternative. */
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** The theme's colours, read from the stylesheet's variables so dark mode follows. */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  dark: boolean;
}

function readTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  return {
    text: style.getPropertyValue('--text').trim() || '#171a21',
    muted: style.getPropertyValue('--muted').trim() || '#5b6372',
    grid: style.getPropertyValue('--border').trim() || '#dde1e8',
    dark,
  };
}

function useTheme(): ChartTheme {
  const [theme, setTheme] = useState(readTheme);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setTheme(readTheme());
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return theme;
}

interface Props {
  /** Builds the options for a width and the current theme. */
  options: (width: number, theme: ChartTheme) => uPlot.Options;
  data: uPlot.AlignedData;
  /** Describes the picture for screen readers (the full data is in the caller's table). */
  label: string;
  testId?: string;
}

export function UPlotChart({ options, data, label, testId }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const theme = useTheme();
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // `options` is rebuilt by the caller each render; the data, width and theme decide redraws.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    const element = container.current;
    if (!element || width === 0) return;
    const chart = new uPlot(options(width, theme), data, element);
    return () => chart.destroy();
  }, [data, width, theme]);

  return (
    <div
      ref={container}
      className="chart"
      role="img"
      aria-label={label}
      data-testid={testId}
      data-theme={theme.dark ? 'dark' : 'light'}
    />
  );
}

/** Channel colours readable on both light and dark surfaces. */
export const SERIES_COLOURS = [
  '#6366f1',
  '#0ea5e9',
  '#10b981',
  '#f59e0b',
  '#ef4444',
  '#a855f7',
  '#14b8a6',
  '#ec4899',
];

/** Days as UTC midnights in seconds, uPlot's x values. */
export function dayStamps(days: string[]): number[] {
  return days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000);
}

export function axis(theme: ChartTheme, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    stroke: theme.muted,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1 },
    ...extra,
  };
}

/** Days are UTC dates; show them as such whatever the viewer's time zone. */
export const utcDate = (seconds: number) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC');
