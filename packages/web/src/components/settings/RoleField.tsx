/** Agent or admin, as radio buttons that each say what the role may do. */
import { type ReactNode, useId } from 'react';
import type { Role } from '../../api';
import { ROLE_OPTIONS } from '../../settings/roles';
import { describedBy } from './describedBy';
import { FieldMessages } from './FieldMessages';

interface Props {
  value: Role;
  onChange: (role: Role) => void;
  hint?: ReactNode;
  error?: string | undefined;
}

export function RoleField({ value, onChange, hint, error }: Props) {
  const id = useId();
  return (
    <fieldset
      className="settings-group"
      aria-describedby={describedBy(id, hint, error).describedBy}
      // The settings forms focus the first control of an invalid group.
      data-invalid={error ? true : undefined}
    >
      <legend>Role</legend>
      {ROLE_OPTIONS.map((option) => {
        const optionId = `${id}-${option.role}`;
        return (
          <div key={option.role} className="field field--check">
            <label className="check" htmlFor={optionId}>
              <input
                id={optionId}
                type="radio"
                name={id}
                value={option.role}
                checked={value === option.role}
                onChange={() => onChange(option.role)}
                aria-describedby={`${optionId}-hint`}
              />
              <span>{option.label}</span>
            </label>
            <p id={`${optionId}-hint`} className="field-hint">
              {option.hint}
            </p>
          </div>
        );
      })}
      <FieldMessages id={id} hint={hint} error={error} />
    </fieldset>
  );
}
