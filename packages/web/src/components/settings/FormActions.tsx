/** The foot of a settings form: the submit button, a secondary action (discard or cancel), and
 * what happened: saving, saved, or why not. */

interface Props {
  status: 'idle' | 'saving' | 'saved';
  saveLabel: string;
  /** E.g. nothing changed yet. */
  saveDisabled?: boolean;
  secondary: { label: string; onClick: () => void; disabled?: boolean };
  formError: string | null;
}

export function FormActions({ status, saveLabel, saveDisabled, secondary, formError }: Props) {
  const saving = status === 'saving';
  return (
    <div className="form-actions">
      {formError && (
        <p className="note note--error" role="alert" tabIndex={-1} data-form-error>
          {formError}
        </p>
      )}
      <div className="form-actions-row">
        <button type="submit" className="button button--primary" disabled={saveDisabled || saving}>
          {saving ? 'Saving…' : saveLabel}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={secondary.onClick}
          disabled={secondary.disabled || saving}
        >
          {secondary.label}
        </button>
        <span className="form-status" role="status">
          {status === 'saved' ? 'Saved.' : ''}
        </span>
      </div>
    </div>
  );
}
