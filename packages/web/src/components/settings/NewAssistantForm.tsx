/** Creates an assistant (POST /api/assistants) from a name; its card then holds the rest. */
import { type Assistant, api } from '../../api';
import { useSettingsForm } from '../../hooks/useSettingsForm';
import {
  EMPTY_NEW_ASSISTANT,
  LIMITS,
  NEW_ASSISTANT_FIELD_NAMES,
  newAssistantOf,
  validateNewAssistant,
} from '../../settings/assistant-form';
import { FormActions } from './FormActions';
import { CardForm } from './SettingsFormShell';
import { TextField } from './TextField';

interface Props {
  onCreated: (assistant: Assistant) => void;
  onCancel: () => void;
}

export function NewAssistantForm({ onCreated, onCancel }: Props) {
  const form = useSettingsForm({
    initial: EMPTY_NEW_ASSISTANT,
    validate: validateNewAssistant,
    fieldNames: () => NEW_ASSISTANT_FIELD_NAMES,
    save: async (draft) => {
      onCreated(await api.createAssistant(newAssistantOf(draft)));
      return EMPTY_NEW_ASSISTANT;
    },
  });
  const { draft, update, errors } = form;

  return (
    <CardForm form={form} title="New assistant">
      <TextField
        label="Name"
        required
        value={draft.name}
        onChange={(name) => update({ name })}
        maxLength={LIMITS.name}
        placeholder="e.g. Returns helper"
        hint="Shown to visitors at the top of the chat. Its greeting, instructions and sites are set on its card once it exists; it gets its own embed key and share link."
        error={errors.name}
      />
      <FormActions
        status={form.status}
        saveLabel="Create assistant"
        secondary={{ label: 'Cancel', onClick: onCancel }}
        formError={form.formError}
      />
    </CardForm>
  );
}
