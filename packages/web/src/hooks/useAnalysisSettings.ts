/** The workspace's analysis settings for Settings → Intelligence; nothing is fetched while
 * `enabled` is false. */
import type { AnalysisSettings } from '@parley/domain';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';

export function useAnalysisSettings(enabled: boolean) {
  const [settings, set] = useState<AnalysisSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const reload = useCallback(() => setLoads((count) => count + 1), []);

  // `loads` is a deliberate trigger: bumping it refetches.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setError(null);
    api.getAnalysisSettings().then(
      (loaded) => {
        if (!cancelled) set(loaded);
      },
      (failure: Error) => {
        if (!cancelled) setError(failure.message);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [enabled, loads]);

  return {
    settings,
    set,
    loading: enabled && settings === null && error === null,
    error: enabled ? error : null,
    reload,
  };
}
