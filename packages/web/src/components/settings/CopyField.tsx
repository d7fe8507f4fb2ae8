/** A read-only value to copy elsewhere (a URL, a snippet), selectable by hand too. */
import { type ReactNode, useId } from 'react';
import { CopyButton } from './CopyButton';
import { describedBy } from './describedBy';
import { FieldMessages } from './FieldMessages';

interface Props {
  label: string;
  value: string;
  hint?: ReactNode;
  /** Shown as a code block, for snippets longer than a line. */
  multiline?: boolean;
  /** Further actions next to Copy, e.g. an "Open" link. */
  children?: ReactNode;
}

export function CopyField({ label, value, hint, multiline = false, children }: Props) {
  const id = useId();
  const shared = {
    id,
    value,
    readOnly: true,
    className: 'copy-value',
    spellCheck: false,
    'aria-describedby': describedBy(id, hint, null).describedBy,
    // Selecting everything on focus makes a manual copy one shortcut away.
    onFocus: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
      event.currentTarget.select(),
  };
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        {multiline ? <textarea {...shared} rows={3} /> : <input {...shared} type="text" />}
        <CopyButton text={value} what={label.toLowerCase()} />
        {children}
      </div>
      <FieldMessages id={id} hint={hint} />
    </div>
  );
}
