/** Asks before something that cannot be undone (removing a teammate, revoking a key). A modal
 * <dialog>: the rest of the page is inert while it is open, focus starts on Cancel (the safe
 * choice), Escape cancels, and cancelling returns focus to the button that opened it. */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

interface Props {
  title: string;
  /** What will happen, read out with the title when the dialog opens. */
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  /** Does the thing; the owner closes the dialog when it resolves. A rejection's message is
   * shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  /** Called once the dialog has closed without confirming. */
  onCancel: () => void;
}

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel,
  onConfirm,
  onCancel,
}: Props) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    opener.current = element.ownerDocument.activeElement;
    element.showModal();
    cancelButton.current?.focus();
  }, []);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'That did not work. Try again.');
      setBusy(false);
    }
  };

  const closed = () => {
    if (opener.current instanceof HTMLElement) opener.current.focus();
    onCancel();
  };

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      // Escape must not walk away from a request that is still on its way.
      onCancel={(event) => busy && event.preventDefault()}
      onClose={closed}
    >
      <h2 id={`${id}-title`} className="confirm-dialog-title">
        {title}
      </h2>
      <div id={`${id}-body`} className="confirm-dialog-body">
        {children}
      </div>
      {error && (
        <p className="note note--error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions-row">
        <button type="button" className="button button--danger" onClick={confirm} disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </button>
        <button
          ref={cancelButton}
          type="button"
          className="button"
          onClick={() => dialog.current?.close()}
          disabled={busy}
        >
          Cancel
        </button>
      </div>
    </dialog>
  );
}
