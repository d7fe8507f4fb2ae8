/** Inbox filters and the open conversation, mirrored in the URL so a reload or a shared link
 * restores the same view. Opening a conversation pushes a history entry, so Back closes it. */
import { useCallback, useEffect, useState } from 'react';
import { type Filters, filtersFromUrl, writeFiltersToUrl } from '../filters';

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  return { filters: filtersFromUrl(params), selectedId: params.get('c') };
}

/** The URL is the source of truth at call time, so setters stay stable and never read stale state. */
function updateUrl(update: (params: URLSearchParams) => void, mode: 'push' | 'replace'): void {
  const params = new URLSearchParams(window.location.search);
  update(params);
  const search = params.toString();
  const url = `${window.location.pathname}${search ? `?${search}` : ''}`;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

export function useUrlState() {
  const [state, setState] = useState(readUrl);

  useEffect(() => {
    const onPopState = () => setState(readUrl());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const setFilters = useCallback((filters: Filters) => {
    updateUrl((params) => writeFiltersToUrl(filters, params), 'replace');
    setState((previous) => ({ ...previous, filters }));
  }, []);

  const setSelectedId = useCallback((selectedId: string | null) => {
    if (new URLSearchParams(window.location.search).get('c') === selectedId) return;
    updateUrl((params) => {
      if (selectedId) params.set('c', selectedId);
      else params.delete('c');
    }, 'push');
    setState((previous) => ({ ...previous, selectedId }));
  }, []);

  return { ...state, setFilters, setSelectedId };
}
