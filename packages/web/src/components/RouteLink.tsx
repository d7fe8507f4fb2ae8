/** A real link to a page of the app: plain clicks stay in the app, while middle-click,
 * Ctrl/Cmd-click and "open in new tab" still work because the href is the page's URL. */
import type { MouseEvent, ReactNode } from 'react';
import { pathOfRoute, type Route } from '../routes';

interface Props {
  to: Route;
  onNavigate: (route: Route) => void;
  current?: boolean;
  className?: string;
  children: ReactNode;
}

export function RouteLink({ to, onNavigate, current = false, className, children }: Props) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    onNavigate(to);
  };
  return (
    <a
      href={pathOfRoute(to)}
      className={className}
      aria-current={current ? 'page' : undefined}
      onClick={onClick}
    >
      {children}
    </a>
  );
}
