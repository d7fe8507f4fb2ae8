/** Changes one's own password (POST /api/auth/password); other sessions of the user end. */
import { api } from '../../api';
import { useSettingsForm } from '../../hooks/useSettingsForm';
import {
  EMPTY_PASSWORD_DRAFT,
  PASSWORD_LIMITS,
  validatePasswordDraft,
} from '../../settings/password-form';
import { FormActions } from './FormActions';
import { CardForm } from './SettingsFormShell';
import { TextField } from './TextField';

const FIELD_NAMES = [
  { field: 'current', names: ['current password'] },
  { field: 'next', names: ['password'] },
];

export function ChangePasswordForm() {
  const form = useSettingsForm({
    initial: EMPTY_PASSWORD_DRAFT,
    validate: validatePasswordDraft,
    fieldNames: () => FIELD_NAMES,
    save: async (draft) => {
      await api.changePassword(draft.current, draft.next);
      return EMPTY_PASSWORD_DRAFT;
    },
  });
  const { draft, update, errors } = form;

  return (
    <CardForm form={form} title="Change your password">
      <TextField
        label="Current password"
        secret
        required
        value={draft.current}
        onChange={(current) => update({ current })}
        error={errors.current}
      />
      <TextField
        label="New password"
        secret
        required
        value={draft.next}
        onChange={(next) => update({ next })}
        maxLength={PASSWORD_LIMITS.max}
        hint={`At least ${PASSWORD_LIMITS.min} characters and hard to guess: several uncommon words work well. You stay signed in here; other devices are signed out.`}
        error={errors.next}
      />
      <TextField
        label="New password again"
        secret
        required
        value={draft.repeat}
        onChange={(repeat) => update({ repeat })}
        maxLength={PASSWORD_LIMITS.max}
        error={errors.repeat}
      />
      <FormActions
        status={form.status}
        saveLabel="Change password"
        secondary={{ label: 'Clear', onClick: form.reset }}
        formError={form.formError}
      />
    </CardForm>
  );
}
