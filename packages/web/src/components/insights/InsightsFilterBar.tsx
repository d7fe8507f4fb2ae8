/** The Insights filters: a date range (with quick choices), channels and assistant. */
import type { InsightsQuery } from '@parley/domain';
import { useId } from 'react';
import type { Assistant } from '../../api';
import { daysBetween, lastDays, MAX_RANGE_DAYS } from '../../insights/query';
import { ChannelFilter } from '../ChannelFilter';

const PRESETS = [7, 28, 90];

interface Props {
  query: InsightsQuery;
  assistants: Assistant[];
  onChange: (query: InsightsQuery) => void;
}

export function InsightsFilterBar({ query, assistants, onChange }: Props) {
  const id = useId();
  const setRange = (from: string, to: string) => {
    // An empty or reversed range from half-typed dates is not applied.
    if (!from || !to || from > to || daysBetween(from, to) > MAX_RANGE_DAYS) return;
    onChange({ ...query, from, to });
  };
  return (
    <search className="insights-filters" aria-label="Filter insights">
      <label className="field field--date" htmlFor={`${id}-from`}>
        <span>From</span>
        <input
          id={`${id}-from`}
          type="date"
          value={query.from}
          max={query.to}
          onChange={(event) => setRange(event.target.value, query.to)}
        />
      </label>
      <label className="field field--date" htmlFor={`${id}-to`}>
        <span>to</span>
        <input
          id={`${id}-to`}
          type="date"
          value={query.to}
          min={query.from}
          onChange={(event) => setRange(query.from, event.target.value)}
        />
      </label>
      <fieldset className="segmented">
        <legend className="visually-hidden">Quick ranges</legend>
        {PRESETS.map((days) => {
          const range = lastDays(days, new Date());
          const current = range.from === query.from && range.to === query.to;
          return (
            <button
              key={days}
              type="button"
              className="button button--small"
              aria-pressed={current}
              onClick={() => onChange({ ...query, ...range })}
            >
              Last {days} days
            </button>
          );
        })}
      </fieldset>
      <ChannelFilter
        value={query.channels}
        onChange={(channels) => onChange({ ...query, channels })}
      />
      <label className="visually-hidden" htmlFor={`${id}-assistant`}>
        Assistant
      </label>
      <select
        id={`${id}-assistant`}
        className="select"
        value={query.assistant}
        onChange={(event) => onChange({ ...query, assistant: event.target.value })}
      >
        <option value="">All assistants</option>
        {assistants.map((assistant) => (
          <option key={assistant.id} value={assistant.id}>
            {assistant.name}
          </option>
        ))}
      </select>
    </search>
  );
}
