/**
 * The two shapes every settings form takes: a titled card that creates something (connect a
 * channel, add a teammate, create a key), and an edit form whose fields lock, with the reason
 * announced, for people who may only look.
 */
import { type FormEvent, type ReactNode, type RefObject, useId } from 'react';
import { ADMIN_ONLY_NOTE_ID } from './AdminOnlyNote';

interface FormHandle {
  formRef: RefObject<HTMLFormElement | null>;
  submit: (event: FormEvent) => void;
}

export function CardForm({
  form,
  title,
  children,
}: {
  form: FormHandle;
  title: string;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <form
      ref={form.formRef}
      className="settings-form settings-card"
      onSubmit={form.submit}
      aria-labelledby={titleId}
      noValidate
    >
      <h3 id={titleId}>{title}</h3>
      {children}
    </form>
  );
}

export function EditForm({
  form,
  label,
  canEdit,
  children,
}: {
  form: FormHandle;
  label: string;
  canEdit: boolean;
  children: ReactNode;
}) {
  return (
    <form
      ref={form.formRef}
      className="settings-form"
      onSubmit={form.submit}
      aria-label={label}
      noValidate
    >
      <fieldset
        className="settings-fieldset"
        disabled={!canEdit}
        aria-describedby={canEdit ? undefined : ADMIN_ONLY_NOTE_ID}
      >
        <legend className="visually-hidden">{label}</legend>
        {children}
      </fieldset>
    </form>
  );
}
