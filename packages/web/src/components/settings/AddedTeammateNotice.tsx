/** Shown right after adding a teammate: who can now sign in, where, and as what. */
import { useEffect, useId, useRef } from 'react';
import type { Teammate } from '../../api';

interface Props {
  teammate: Teammate;
  onDismiss: () => void;
}

export function AddedTeammateNotice({ teammate, onDismiss }: Props) {
  const id = useId();
  // The form that had focus is gone; the outcome is the natural next thing to read.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="settings-card settings-card--success" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {teammate.name} was added
      </h3>
      <p>
        They can now sign in at {window.location.origin} as {teammate.email} with the password you
        chose, as {teammate.role === 'admin' ? 'an admin' : 'an agent'}. Pass the password on
        privately: Parley does not show it again.
      </p>
      <button type="button" className="button" onClick={onDismiss}>
        Done
      </button>
    </section>
  );
}
