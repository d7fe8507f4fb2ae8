/** Shared behaviour of the settings forms: a draft against a saved baseline, client checks shown
 * from the first save attempt on, the server's message placed at the field it names, and focus
 * moved to the first field that needs attention. */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type FieldNames, placeServerError } from '../settings/server-errors';

export type FormErrors = Record<string, string>;

interface Options<D> {
  initial: D;
  validate: (draft: D) => FormErrors;
  /** How the server may name each field; may depend on the draft (e.g. the channel kind). */
  fieldNames: (draft: D) => FieldNames<string>[];
  /** Sends a valid draft; resolves to the new baseline (what the server now holds). */
  save: (draft: D) => Promise<D>;
}

type Status = 'idle' | 'saving' | 'saved';

export function useSettingsForm<D>({ initial, validate, fieldNames, save }: Options<D>) {
  const [baseline, setBaseline] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [status, setStatus] = useState<Status>('idle');
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // Client errors follow the draft once shown, so a fixed field clears at once.
  const errors: FormErrors = { ...serverErrors, ...(attempted ? validate(draft) : {}) };
  const dirty = JSON.stringify(draft) !== JSON.stringify(baseline);

  useEffect(() => {
    if (failures === 0) return;
    // A list editor marks its whole group, so its first control takes the focus; with no field
    // to blame, the form's own error message (below the fields) does.
    const invalid = formRef.current?.querySelector(
      '[aria-invalid="true"], [data-invalid="true"], [data-form-error]',
    );
    const target = invalid?.matches('fieldset') ? invalid.querySelector('input, button') : invalid;
    if (target instanceof HTMLElement) target.focus();
  }, [failures]);

  const update = (changes: Partial<D>) => {
    setDraft((previous) => ({ ...previous, ...changes }));
    setStatus('idle');
  };

  const reset = () => {
    setDraft(baseline);
    setAttempted(false);
    setServerErrors({});
    setFormError(null);
    setStatus('idle');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setServerErrors({});
    setFormError(null);
    if (Object.keys(validate(draft)).length > 0) {
      setFailures((count) => count + 1);
      return;
    }
    setStatus('saving');
    try {
      const saved = await save(draft);
      setBaseline(saved);
      setDraft(saved);
      setAttempted(false);
      setStatus('saved');
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : 'Saving failed.';
      const placed = placeServerError(message, fieldNames(draft));
      setServerErrors(placed.fieldErrors as FormErrors);
      setFormError(placed.formError ?? 'Some fields need attention; see the messages above.');
      setStatus('idle');
      setFailures((count) => count + 1);
    }
  };

  return { draft, update, reset, submit, errors, formError, status, dirty, formRef };
}
