/** Why the settings cannot be changed: the server lets only admins edit (403 otherwise). */

/** Disabled forms point here with aria-describedby, so the reason is read with them. */
export const ADMIN_ONLY_NOTE_ID = 'admin-only-note';

export function AdminOnlyNote() {
  return (
    <p id={ADMIN_ONLY_NOTE_ID} className="note note--info">
      <strong>View only.</strong> Only workspace admins can change settings; ask an admin if
      something here needs to change.
    </p>
  );
}
