/** The knowledge sources an assistant answers from (all of them for "shared"), refreshed while
 * any is indexing so "Indexing…" turns into "Ready" or "Failed" without a reload. */
import { useCallback, useEffect, useState } from 'react';
import { api, type KnowledgeSource } from '../api';
import { anyIndexing, POLL_MS, putSource } from '../settings/knowledge';

interface State {
  items: KnowledgeSource[];
  loading: boolean;
  error: string | null;
}

export function useKnowledgeSources(assistantId: string | null) {
  const [state, setState] = useState<State>({ items: [], loading: true, error: null });
  const [loads, setLoads] = useState(0);
  const reload = useCallback(() => setLoads((count) => count + 1), []);

  // `loads` is a deliberate trigger: bumping it refetches.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    let cancelled = false;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    api.listKnowledgeSources(assistantId ?? undefined).then(
      (items) => !cancelled && setState({ items, loading: false, error: null }),
      (error: Error) =>
        !cancelled &&
        setState((previous) => ({ ...previous, loading: false, error: error.message })),
    );
    return () => {
      cancelled = true;
    };
  }, [assistantId, loads]);

  const indexing = anyIndexing(state.items);
  useEffect(() => {
    if (!indexing) return;
    let cancelled = false;
    const timer = setInterval(() => {
      api.listKnowledgeSources(assistantId ?? undefined).then(
        (items) => !cancelled && setState((previous) => ({ ...previous, items })),
        // A failed refresh keeps the last list; the next tick tries again.
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [indexing, assistantId]);

  return {
    ...state,
    reload,
    put: useCallback(
      (source: KnowledgeSource) =>
        setState((previous) => ({ ...previous, items: putSource(previous.items, source) })),
      [],
    ),
    remove: useCallback(
      (id: string) =>
        setState((previous) => ({
          ...previous,
          items: previous.items.filter((item) => item.id !== id),
        })),
      [],
    ),
  };
}
