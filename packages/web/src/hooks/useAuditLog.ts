/** The audit log, a page at a time: the first page for the chosen action, then more on request.
 * Changing the action starts over; an answer for an earlier choice is dropped. */
import type { AuditAction, AuditEntryView } from '@parley/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { auditLogQuery } from '../settings/audit-log';

interface State {
  items: AuditEntryView[];
  nextCursor: string | null;
  status: 'loading' | 'ready' | 'failed';
  loadingMore: boolean;
  /** Why the first page or the latest "load more" failed. */
  error: string | null;
}

const LOADING: State = {
  items: [],
  nextCursor: null,
  status: 'loading',
  loadingMore: false,
  error: null,
};

export function useAuditLog(action: AuditAction | null) {
  const [state, setState] = useState<State>(LOADING);
  const [loads, setLoads] = useState(0);
  /** Bumped by every first-page load, so a late page of an earlier choice is not appended. */
  const generation = useRef(0);

  // `loads` is a deliberate trigger: bumping it refetches.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    const current = ++generation.current;
    setState(LOADING);
    api.listAuditLog(auditLogQuery(action, null)).then(
      (page) => {
        if (current !== generation.current) return;
        setState({ ...LOADING, items: page.items, nextCursor: page.nextCursor, status: 'ready' });
      },
      (error: Error) => {
        if (current === generation.current)
          setState({ ...LOADING, status: 'failed', error: error.message });
      },
    );
  }, [action, loads]);

  const reload = useCallback(() => setLoads((count) => count + 1), []);

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) return;
    const current = generation.current;
    setState((previous) => ({ ...previous, loadingMore: true, error: null }));
    api.listAuditLog(auditLogQuery(action, cursor)).then(
      (page) => {
        if (current !== generation.current) return;
        setState((previous) => ({
          ...previous,
          items: [...previous.items, ...page.items],
          nextCursor: page.nextCursor,
          loadingMore: false,
        }));
      },
      (error: Error) => {
        if (current === generation.current)
          setState((previous) => ({ ...previous, loadingMore: false, error: error.message }));
      },
    );
  }, [action, state.nextCursor, state.loadingMore]);

  return { ...state, reload, loadMore };
}
