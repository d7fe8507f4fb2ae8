/** Why the settings cannot be changed: the server lets only admins edit (403 otherwise). */
import type { ReactNode } from 'react';

/** Disabled forms point here with aria-describedby, so the reason is read with them. */
export const ADMIN_ONLY_NOTE_ID = 'admin-only-note';

interface Props {
  /** A page agents cannot even see (API keys) says so instead of the "view only" default. */
  children?: ReactNode;
}

export function AdminOnlyNote({ children }: Props) {
  return (
    <p id={ADMIN_ONLY_NOTE_ID} className="note note--info">
      {children ?? (
        <>
          <strong>View only.</strong> Only workspace admins can change settings; ask an admin if
          something here needs to change.
        </>
      )}
    </p>
  );
}
