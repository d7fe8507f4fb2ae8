/** A checkbox with a label and a one-line explanation of what it changes. */
import { type ReactNode, useId } from 'react';
import { describedBy } from './describedBy';
import { FieldMessages } from './FieldMessages';

interface Props {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
}

export function CheckboxField({ label, checked, onChange, hint }: Props) {
  const id = useId();
  return (
    <div className="field field--check">
      <label className="check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={describedBy(id, hint, null).describedBy}
        />
        <span>{label}</span>
      </label>
      <FieldMessages id={id} hint={hint} />
    </div>
  );
}
