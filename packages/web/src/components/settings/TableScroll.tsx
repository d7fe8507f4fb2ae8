/** Lets a settings table scroll sideways on narrow screens instead of squeezing its words apart.
 * The region is focusable so a keyboard can scroll it too, and named after the table. */
import type { ReactNode } from 'react';

interface Props {
  label: string;
  children: ReactNode;
}

export function TableScroll({ label, children }: Props) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable content must be reachable by keyboard (WCAG 2.1.1).
    <section className="settings-table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
