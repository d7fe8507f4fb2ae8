/** Creates an API key (POST /api/api-keys): a name to recognise it by, and its role. */
import { api, type CreatedApiKey } from '../../api';
import { useSettingsForm } from '../../hooks/useSettingsForm';
import {
  API_KEY_FIELD_NAMES,
  EMPTY_API_KEY,
  MAX_API_KEY_NAME_LENGTH,
  newApiKeyOf,
  validateApiKeyDraft,
} from '../../settings/api-key-form';
import { FormActions } from './FormActions';
import { RoleField } from './RoleField';
import { CardForm } from './SettingsFormShell';
import { TextField } from './TextField';

interface Props {
  onCreated: (key: CreatedApiKey) => void;
  onCancel: () => void;
}

export function CreateApiKeyForm({ onCreated, onCancel }: Props) {
  const form = useSettingsForm({
    initial: EMPTY_API_KEY,
    validate: validateApiKeyDraft,
    fieldNames: () => API_KEY_FIELD_NAMES,
    save: async (draft) => {
      onCreated(await api.createApiKey(newApiKeyOf(draft)));
      return EMPTY_API_KEY;
    },
  });
  const { draft, update, errors } = form;

  return (
    <CardForm form={form} title="Create an API key">
      <TextField
        label="Name"
        required
        value={draft.name}
        onChange={(name) => update({ name })}
        maxLength={MAX_API_KEY_NAME_LENGTH}
        placeholder="e.g. Nightly export"
        hint="What will use the key, so you know which one to revoke later."
        error={errors.name}
      />
      <RoleField
        value={draft.role}
        onChange={(role) => update({ role })}
        hint="What the key may do. Scripts that only read or answer conversations need no more than agent."
        error={errors.role}
      />
      <FormActions
        status={form.status}
        saveLabel="Create key"
        secondary={{ label: 'Cancel', onClick: onCancel }}
        formError={form.formError}
      />
    </CardForm>
  );
}
