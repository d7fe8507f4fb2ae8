/** A labelled text input (or textarea) with its hint and error linked for assistive tech. */
import { type ReactNode, useId } from 'react';
import { describedBy } from './describedBy';
import { FieldMessages } from './FieldMessages';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  type?: 'text' | 'email' | 'url' | 'number';
  /** Password input the browser must neither autofill nor offer to save. */
  secret?: boolean;
  required?: boolean;
  placeholder?: string | undefined;
  maxLength?: number;
  /** Renders a textarea of this many rows. */
  rows?: number;
  min?: number;
  max?: number;
  className?: string;
}

export function TextField(props: Props) {
  const { label, value, onChange, hint, error, type = 'text', secret = false } = props;
  const id = useId();
  const { describedBy: ariaDescribedBy } = describedBy(id, hint, error);
  const shared = {
    id,
    value,
    required: props.required,
    placeholder: props.placeholder,
    maxLength: props.maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ariaDescribedBy,
  } as const;

  return (
    <div className={['field', props.className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>
        {label}
        {props.required && <span className="field-required"> (required)</span>}
      </label>
      {props.rows ? (
        <textarea
          {...shared}
          rows={props.rows}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          {...shared}
          type={secret ? 'password' : type}
          autoComplete="off"
          spellCheck={secret ? false : undefined}
          min={props.min}
          max={props.max}
          inputMode={type === 'number' ? 'numeric' : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
