/** Conversations (or customer messages) per day, stacked by channel. A click on a bar opens the
 * inbox with that day's conversations of that channel; the table below says the same in text. */
import {
  CHANNEL_KINDS,
  CHANNEL_LABELS,
  type DailyChannelCount,
  type InsightsQuery,
} from '@parley/domain';
import { useId, useMemo, useState } from 'react';
import uPlot from 'uplot';
import {
  channelAt,
  type DailyMetric,
  seriesSummary,
  seriesTable,
  stackedSeries,
} from '../../insights/chart';
import { inboxUrl } from '../../insights/links';
import { DataTable } from './DataTable';
import { openInApp } from './DrillLink';
import { axis, dayStamps, SERIES_COLOURS, UPlotChart, utcDate } from './UPlotChart';

const METRIC_NOUNS: Record<DailyMetric, string> = {
  conversations: 'conversations',
  customerMessages: 'customer messages',
};

export function channelColour(kind: (typeof CHANNEL_KINDS)[number]): string {
  return SERIES_COLOURS[CHANNEL_KINDS.indexOf(kind) % SERIES_COLOURS.length] ?? '#6366f1';
}

interface Props {
  query: InsightsQuery;
  daily: DailyChannelCount[];
}

export function DailyChart({ query, daily }: Props) {
  const id = useId();
  const [metric, setMetric] = useState<DailyMetric>('conversations');
  const series = useMemo(() => stackedSeries(daily, query, metric), [daily, query, metric]);
  const data = useMemo<uPlot.AlignedData>(
    // Drawn from the tallest stack down, so each band shows above the ones below it.
    () => [dayStamps(series.days), ...[...series.stacked].reverse()],
    [series],
  );
  const noun = METRIC_NOUNS[metric];
  const table = seriesTable(series);
  const reversed = [...series.channels].reverse();
  const reversedValues = [...series.values].reverse();

  const options = (width: number, theme: Parameters<typeof axis>[0]): uPlot.Options => ({
    width,
    height: 260,
    tzDate: utcDate,
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [axis(theme, { values: '{MMM} {D}' }), axis(theme, { size: 44 })],
    series: [
      {
        label: 'Day',
        value: (_u, value) => (value ? utcDate(value).toISOString().slice(0, 10) : ''),
      },
      ...reversed.map((kind, index) => ({
        label: CHANNEL_LABELS[kind],
        stroke: channelColour(kind),
        fill: channelColour(kind),
        width: 0,
        paths: uPlot.paths.bars?.({ size: [0.75, 48], align: 0 }),
        points: { show: false },
        // The legend shows the channel's own count, not the running total drawn.
        value: (u: uPlot) => {
          const idx = u.cursor.idx;
          return idx === null || idx === undefined ? '' : String(reversedValues[index]?.[idx] ?? 0);
        },
      })),
    ],
    hooks: {
      ready: [
        (u) => {
          u.over.addEventListener('click', () => {
            const idx = u.cursor.idx;
            const top = u.cursor.top;
            if (idx === null || idx === undefined || top === undefined || top < 0) return;
            const channel = channelAt(series, idx, u.posToVal(top, 'y'));
            const day = series.days[idx];
            if (channel && day) openInApp(inboxUrl(query, { channel, day }));
          });
          u.over.style.cursor = 'pointer';
        },
      ],
    },
  });

  return (
    <figure className="insights-figure" aria-labelledby={`${id}-caption`}>
      <div className="insights-figure-head">
        <figcaption id={`${id}-caption`}>
          {metric === 'conversations' ? 'Conversations' : 'Customer messages'} per day and channel
        </figcaption>
        <fieldset className="segmented">
          <legend className="visually-hidden">Count</legend>
          {(['conversations', 'customerMessages'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={`${id}-metric`}
                checked={metric === value}
                onChange={() => setMetric(value)}
              />
              <span>{value === 'conversations' ? 'Conversations' : 'Customer messages'}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <UPlotChart
        options={options}
        data={data}
        label={seriesSummary(series, noun)}
        testId="daily-chart"
      />
      <DataTable
        summary={`${metric === 'conversations' ? 'Conversations' : 'Customer messages'} per day as a table`}
        head={table.head}
        rows={table.rows}
        link={(row, column) => {
          const day = series.days[row];
          const channel = series.channels[column - 1];
          if (!day || column === 0) return null;
          return inboxUrl(query, channel ? { channel, day } : { day });
        }}
      />
    </figure>
  );
}
