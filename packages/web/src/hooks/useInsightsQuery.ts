/** The Insights filters, mirrored in the URL (replacing the entry, as the inbox filters do). */
import type { InsightsQuery } from '@parley/domain';
import { useCallback, useEffect, useState } from 'react';
import { queryFromUrl, queryParams } from '../insights/query';

const read = () => queryFromUrl(new URLSearchParams(window.location.search), new Date());

export function useInsightsQuery() {
  const [query, setQueryState] = useState(read);

  useEffect(() => {
    const onPopState = () => setQueryState(read());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const setQuery = useCallback((next: InsightsQuery) => {
    window.history.replaceState(null, '', `${window.location.pathname}?${queryParams(next)}`);
    setQueryState(next);
  }, []);

  return { query, setQuery };
}
