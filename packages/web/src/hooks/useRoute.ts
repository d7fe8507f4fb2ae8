/** The current page, following the URL path; `navigate` pushes a history entry so Back returns. */
import { useCallback, useEffect, useState } from 'react';
import { pathOfRoute, type Route, routeFromPath } from '../routes';

/** The inbox and Insights keep their filters in the query string; they are restored when the
 * operator comes back from another page. */
const savedSearch: Partial<Record<Route['page'], string>> = {};

export function useRoute() {
  const [route, setRoute] = useState(() => routeFromPath(window.location.pathname));

  useEffect(() => {
    const onPopState = () => setRoute(routeFromPath(window.location.pathname));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback((next: Route) => {
    savedSearch[routeFromPath(window.location.pathname).page] = window.location.search;
    const url = `${pathOfRoute(next)}${next.page === 'settings' ? '' : (savedSearch[next.page] ?? '')}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      window.history.pushState(null, '', url);
    }
    setRoute(next);
  }, []);

  return { route, navigate };
}
