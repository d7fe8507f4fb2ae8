/** Search and filters above the list; every change lands in the URL (see useUrlState). */
import type { ConversationStatus } from '@parley/domain';
import { useEffect, useId, useState } from 'react';
import type { Assistant } from '../api';
import { EMPTY_FILTERS, type Filters, hasActiveFilters, STATUS_FILTERS } from '../filters';
import { ChannelFilter } from './ChannelFilter';
import { InsightFilters } from './InsightFilters';

const SEARCH_DEBOUNCE_MS = 300;

const STATUS_LABELS: Record<ConversationStatus, string> = {
  active: 'Active (< 10 min)',
  recent: 'Recent (< 1 h)',
  idle: 'Idle',
  paused: 'AI paused',
};

interface Props {
  filters: Filters;
  assistants: Assistant[];
  /** The workspace's topic list, for the topic filter. */
  topics: string[];
  onChange: (filters: Filters) => void;
}

export function FilterBar({ filters, assistants, topics, onChange }: Props) {
  const id = useId();
  const [search, setSearch] = useState(filters.q);
  const [syncedQ, setSyncedQ] = useState(filters.q);
  // The URL can change under us (Back, "Clear"): follow it without fighting the debounce.
  if (filters.q !== syncedQ) {
    setSyncedQ(filters.q);
    setSearch(filters.q);
  }

  useEffect(() => {
    if (search === filters.q) return;
    const timer = window.setTimeout(() => onChange({ ...filters, q: search }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [search, filters, onChange]);

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    onChange({ ...filters, [key]: value });

  return (
    <search className="filters" aria-label="Filter conversations">
      <div className="field field--search">
        <label htmlFor={`${id}-q`} className="visually-hidden">
          Search conversations
        </label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder="Search messages, summaries and contacts…"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      <div className="filters-row">
        <ChannelFilter
          value={filters.channels}
          onChange={(channels) => set('channels', channels)}
        />
        <label className="visually-hidden" htmlFor={`${id}-assistant`}>
          Assistant
        </label>
        <select
          id={`${id}-assistant`}
          className="select"
          value={filters.assistant}
          onChange={(event) => set('assistant', event.target.value)}
        >
          <option value="">All assistants</option>
          {assistants.map((assistant) => (
            <option key={assistant.id} value={assistant.id}>
              {assistant.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filters-row">
        <label className="visually-hidden" htmlFor={`${id}-status`}>
          Status
        </label>
        <select
          id={`${id}-status`}
          className="select"
          value={filters.status}
          onChange={(event) => set('status', event.target.value as Filters['status'])}
        >
          <option value="">Any status</option>
          {STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.unread}
            onChange={(event) => set('unread', event.target.checked)}
          />
          <span>Unread only</span>
        </label>
        {hasActiveFilters(filters) && (
          <button type="button" className="link-button" onClick={() => onChange(EMPTY_FILTERS)}>
            Clear filters
          </button>
        )}
      </div>
      <InsightFilters filters={filters} topics={topics} onChange={onChange} />
      <div className="filters-row filters-row--dates">
        <label className="field field--date" htmlFor={`${id}-from`}>
          <span>From</span>
          <input
            id={`${id}-from`}
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(event) => set('from', event.target.value)}
          />
        </label>
        <label className="field field--date" htmlFor={`${id}-to`}>
          <span>to</span>
          <input
            id={`${id}-to`}
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(event) => set('to', event.target.value)}
          />
        </label>
      </div>
    </search>
  );
}
