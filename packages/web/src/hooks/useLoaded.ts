/** Data a page section loads for a key (e.g. the Insights filters), reloaded when the key
 * changes or on demand; an answer for an older key is dropped. */
import { useCallback, useEffect, useState } from 'react';

interface State<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
}

/** `load` is read when `key` changes, so it may close over whatever `key` stands for. */
export function useLoaded<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<State<T>>({ data: null, loading: true, error: null });
  const [loads, setLoads] = useState(0);
  const reload = useCallback(() => setLoads((count) => count + 1), []);

  // `key` and `loads` decide when to fetch; `load` changes every render on purpose.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    let cancelled = false;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    load().then(
      (data) => {
        if (!cancelled) setState({ data, loading: false, error: null });
      },
      (error: Error) => {
        if (!cancelled)
          setState((previous) => ({ ...previous, loading: false, error: error.message }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, loads]);

  return { ...state, reload };
}
