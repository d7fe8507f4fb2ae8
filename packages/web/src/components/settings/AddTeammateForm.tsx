/** Adds a teammate (POST /api/users): who they are, the password they sign in with, and what
 * they may do. */
import { useState } from 'react';
import { api, type Teammate } from '../../api';
import { useSettingsForm } from '../../hooks/useSettingsForm';
import {
  EMPTY_TEAMMATE,
  newTeammateOf,
  TEAMMATE_FIELD_NAMES,
  TEAMMATE_LIMITS,
  validateTeammateDraft,
} from '../../settings/teammate-form';
import { CheckboxField } from './CheckboxField';
import { FormActions } from './FormActions';
import { RoleField } from './RoleField';
import { CardForm } from './SettingsFormShell';
import { TextField } from './TextField';

interface Props {
  onAdded: (teammate: Teammate) => void;
  onCancel: () => void;
}

export function AddTeammateForm({ onAdded, onCancel }: Props) {
  const [showPassword, setShowPassword] = useState(false);
  const form = useSettingsForm({
    initial: EMPTY_TEAMMATE,
    validate: validateTeammateDraft,
    fieldNames: () => TEAMMATE_FIELD_NAMES,
    save: async (draft) => {
      onAdded(await api.addTeammate(newTeammateOf(draft)));
      return EMPTY_TEAMMATE;
    },
  });
  const { draft, update, errors } = form;

  return (
    <CardForm form={form} title="Add a teammate">
      <TextField
        label="Name"
        required
        value={draft.name}
        onChange={(name) => update({ name })}
        maxLength={TEAMMATE_LIMITS.name}
        placeholder="e.g. Tomas Berg"
        hint="How the team sees them in Parley."
        error={errors.name}
      />
      <TextField
        label="Email"
        type="email"
        required
        value={draft.email}
        onChange={(email) => update({ email })}
        maxLength={TEAMMATE_LIMITS.email}
        placeholder="name@example.com"
        hint="They sign in with this address."
        error={errors.email}
      />
      <TextField
        label="Password"
        secret={!showPassword}
        required
        value={draft.password}
        onChange={(password) => update({ password })}
        maxLength={TEAMMATE_LIMITS.passwordMax}
        hint={`At least ${TEAMMATE_LIMITS.passwordMin} characters, hard to guess, without their name or email. They sign in with it, so pass it on privately; Parley will not show it again.`}
        error={errors.password}
      />
      <CheckboxField label="Show password" checked={showPassword} onChange={setShowPassword} />
      <RoleField value={draft.role} onChange={(role) => update({ role })} error={errors.role} />
      <FormActions
        status={form.status}
        saveLabel="Add teammate"
        secondary={{ label: 'Cancel', onClick: onCancel }}
        formError={form.formError}
      />
    </CardForm>
  );
}
