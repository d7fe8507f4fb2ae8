/** A list the server owns (teammates, API keys), loaded when a page needs it and kept current
 * after the page's own changes without refetching. */
import { useCallback, useEffect, useState } from 'react';

interface State<T> {
  items: T[];
  /** `idle`: not asked for yet, which counts as loading once the page needs the list. */
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: string | null;
}

/** `load` must be stable (e.g. `api.listTeammates`); nothing is fetched while `enabled` is false. */
export function useRemoteList<T>(load: () => Promise<T[]>, enabled: boolean) {
  const [state, setState] = useState<State<T>>({ items: [], status: 'idle', error: null });
  const [loads, setLoads] = useState(0);
  const reload = useCallback(() => setLoads((count) => count + 1), []);

  // `loads` is a deliberate trigger: bumping it refetches.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setState((previous) => ({ ...previous, status: 'loading', error: null }));
    load().then(
      (items) => {
        if (!cancelled) setState({ items, status: 'ready', error: null });
      },
      (error: Error) => {
        if (!cancelled)
          setState((previous) => ({ ...previous, status: 'failed', error: error.message }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [load, enabled, loads]);

  const update = useCallback(
    (change: (items: T[]) => T[]) =>
      setState((previous) => ({ ...previous, items: change(previous.items) })),
    [],
  );

  return {
    items: state.items,
    loading: enabled && (state.status === 'idle' || state.status === 'loading'),
    error: enabled ? state.error : null,
    reload,
    update,
  };
}
