/** The filtered, keyset-paginated conversation list, kept current by live updates. */
import type { ConversationCard } from '@parley/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';
import { compareCards, mergeCards } from '../conversations';
import { apiQuery, type Filters, matchesFilters } from '../filters';

interface ListState {
  items: ConversationCard[];
  nextCursor: string | null;
  loading: 'first' | 'more' | null;
  error: string | null;
}

interface ListContext {
  filters: Filters;
  selectedId: string | null;
  query: string;
}

/** Live changes while a search is active trigger a refetch; coalesce bursts into one. */
const SEARCH_REFETCH_DELAY_MS = 800;

/** Puts a changed card where the server would list it, or drops it when it no longer matches. */
function applyCard(list: ListState, card: ConversationCard, context: ListContext): ListState {
  const present = list.items.some((item) => item.id === card.id);
  if (context.filters.q.trim()) {
    // Full-text matching is the server's job: only refresh cards already shown.
    return present
      ? { ...list, items: list.items.map((item) => (item.id === card.id ? card : item)) }
      : list;
  }
  const matches = matchesFilters(card, context.filters, new Date());
  // The open conversation stays listed even once it stops matching (e.g. "unread only").
  if (!matches && !(present && card.id === context.selectedId)) {
    return present ? { ...list, items: list.items.filter((item) => item.id !== card.id) } : list;
  }
  const last = list.items.at(-1);
  if (!present && list.nextCursor && last && compareCards(card, last) > 0) {
    return list; // It belongs to a page not loaded yet; "Load more" will bring it.
  }
  return { ...list, items: mergeCards(list.items, [card]) };
}

export function useConversationList(filters: Filters, selectedId: string | null) {
  const [state, setState] = useState<ListState>({
    items: [],
    nextCursor: null,
    loading: 'first',
    error: null,
  });
  const query = useMemo(() => apiQuery(filters, null).toString(), [filters]);
  const [reloads, setReloads] = useState(0);

  // Read by live handlers and in-flight requests, which outlive any single render.
  const context = useRef<ListContext>({ filters, selectedId, query });
  useEffect(() => {
    context.current = { filters, selectedId, query };
  }, [filters, selectedId, query]);

  // Cards that arrive live while the first page loads, replayed over the fetched page.
  const liveDuringLoad = useRef<Map<string, ConversationCard> | null>(null);
  const loadingMore = useRef(false);

  // `reloads` is a deliberate trigger: bumping it refetches the first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    let cancelled = false;
    liveDuringLoad.current = new Map();
    setState((previous) => ({ ...previous, loading: 'first', error: null }));
    api.listConversations(new URLSearchParams(query)).then(
      (page) => {
        if (cancelled) return;
        let next: ListState = {
          items: page.items,
          nextCursor: page.nextCursor,
          loading: null,
          error: null,
        };
        for (const card of liveDuringLoad.current?.values() ?? []) {
          next = applyCard(next, card, context.current);
        }
        liveDuringLoad.current = null;
        setState(next);
      },
      (error: Error) => {
        if (cancelled) return;
        liveDuringLoad.current = null;
        // Cards of the previous filters must not pose as results of the new ones.
        setState({ items: [], nextCursor: null, loading: null, error: error.message });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [query, reloads]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);

  const loadMore = useCallback(() => {
    if (!state.nextCursor || state.loading || loadingMore.current) return;
    loadingMore.current = true;
    const requestedFor = query;
    const params = new URLSearchParams(query);
    params.set('cursor', state.nextCursor);
    setState((previous) => ({ ...previous, loading: 'more', error: null }));
    api
      .listConversations(params)
      .then(
        (page) => {
          if (context.current.query !== requestedFor) return;
          setState((previous) => ({
            items: mergeCards(previous.items, page.items),
            nextCursor: page.nextCursor,
            loading: null,
            error: null,
          }));
        },
        (error: Error) => {
          if (context.current.query !== requestedFor) return;
          setState((previous) => ({ ...previous, loading: null, error: error.message }));
        },
      )
      .finally(() => {
        loadingMore.current = false;
      });
  }, [state.nextCursor, state.loading, query]);

  const searchRefetchTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(searchRefetchTimer.current), []);

  /** Applies a changed card (live event or an action's response) to the list. */
  const upsert = useCallback(
    (card: ConversationCard) => {
      const current = context.current;
      liveDuringLoad.current?.set(card.id, card);
      setState((previous) => applyCard(previous, card, current));
      if (current.filters.q.trim()) {
        window.clearTimeout(searchRefetchTimer.current);
        searchRefetchTimer.current = window.setTimeout(reload, SEARCH_REFETCH_DELAY_MS);
      }
    },
    [reload],
  );

  return { ...state, loadMore, reload, upsert };
}
