/** A link from an Insights number to the inbox showing exactly those conversations. A plain
 * click stays in the app (the route follows the URL on popstate); new-tab clicks still work. */
import type { MouseEvent, ReactNode } from 'react';

interface Props {
  href: string;
  /** Read out instead of the bare number, e.g. "12 conversations on Gmail". */
  label?: string;
  className?: string;
  children: ReactNode;
}

export function openInApp(href: string): void {
  window.history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function DrillLink({ href, label, className, children }: Props) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    openInApp(href);
  };
  return (
    <a
      href={href}
      className={['drill', className].filter(Boolean).join(' ')}
      aria-label={label}
      title={label}
      onClick={onClick}
      data-testid="drill-link"
    >
      {children}
    </a>
  );
}
