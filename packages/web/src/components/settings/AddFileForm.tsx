/** Uploads a file (.md .txt .html .pdf .docx) or imports a web page into the knowledge base. The
 * server extracts the text; its refusals (too large, unreadable) are shown as it words them. */
import { type FormEvent, useId, useState } from 'react';
import { api, type KnowledgeSource } from '../../api';
import { useSettingsForm } from '../../hooks/useSettingsForm';
import { ACCEPTED_FILES, readFileAsBase64 } from '../../settings/knowledge';
import { EMPTY_URL, URL_FIELDS, validateUrl } from '../../settings/knowledge-forms';
import { FormActions } from './FormActions';
import { CardForm } from './SettingsFormShell';
import { TextField } from './TextField';

interface Props {
  assistantId: string | null;
  onAdded: (source: KnowledgeSource) => void;
  onCancel: () => void;
}

export function AddFileForm({ assistantId, onAdded, onCancel }: Props) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError('Choose a file to upload.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const contentBase64 = await readFileAsBase64(file);
      onAdded(
        await api.uploadKnowledgeFile({
          assistantId,
          fileName: file.name,
          ...(file.type ? { mimeType: file.type } : {}),
          contentBase64,
        }),
      );
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The upload did not work. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="settings-form settings-card" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Upload a file</h3>
      <div className="field">
        <label htmlFor={id}>File</label>
        <input
          id={id}
          type="file"
          accept={ACCEPTED_FILES}
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <p id={`${id}-hint`} className="field-hint">
          Markdown, text, HTML, PDF or Word (.docx), up to 5 MB.
        </p>
      </div>
      {error && (
        <p className="note note--error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Uploading…' : 'Upload'}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ImportUrlForm({ assistantId, onAdded, onCancel }: Props) {
  const form = useSettingsForm({
    initial: EMPTY_URL,
    validate: validateUrl,
    fieldNames: () => URL_FIELDS,
    save: async (draft) => {
      onAdded(await api.importKnowledgeUrl({ assistantId, url: draft.url.trim() }));
      return EMPTY_URL;
    },
  });
  return (
    <CardForm form={form} title="Import a web page">
      <TextField
        label="Address"
        type="url"
        required
        value={form.draft.url}
        onChange={(url) => form.update({ url })}
        placeholder="https://shop.example/shipping"
        hint="Its main text is imported; re-sync it when the page changes."
        error={form.errors.url}
      />
      <FormActions
        status={form.status}
        saveLabel="Import page"
        secondary={{ label: 'Cancel', onClick: onCancel }}
        formError={form.formError}
      />
    </CardForm>
  );
}
