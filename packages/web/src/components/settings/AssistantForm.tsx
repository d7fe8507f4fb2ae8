/** Edits one assistant (PATCH /api/assistants/:id): what it is called, says and knows, which
 * websites may embed it, and — when a model is configured — which model answers and how. */
import { MAX_TEMPERATURE } from '@parley/domain';
import { type Assistant, api } from '../../api';
import { useSettingsForm } from '../../hooks/useSettingsForm';
import {
  ASSISTANT_FIELD_NAMES,
  assistantChanges,
  assistantDraftOf,
  LIMITS,
  MAX_SUGGESTED_QUESTIONS,
  validateAssistantDraft,
} from '../../settings/assistant-form';
import { FormActions } from './FormActions';
import { ListEditor } from './ListEditor';
import { EditForm } from './SettingsFormShell';
import { TextField } from './TextField';

interface Props {
  assistant: Assistant;
  canEdit: boolean;
  /** A model is configured, so its model settings apply and are shown. */
  modelSettingsAvailable: boolean;
  onSaved: (assistant: Assistant) => void;
}

export function AssistantForm({ assistant, canEdit, modelSettingsAvailable, onSaved }: Props) {
  const form = useSettingsForm({
    initial: assistantDraftOf(assistant),
    validate: validateAssistantDraft,
    fieldNames: () => ASSISTANT_FIELD_NAMES,
    save: async (draft) => {
      const saved = await api.updateAssistant(
        assistant.id,
        assistantChanges(draft, { withModel: modelSettingsAvailable }),
      );
      onSaved(saved);
      return assistantDraftOf(saved);
    },
  });
  const { draft, update, errors } = form;

  return (
    <EditForm form={form} label={`Settings of ${assistant.name}`} canEdit={canEdit}>
      <TextField
        label="Name"
        required
        value={draft.name}
        onChange={(name) => update({ name })}
        maxLength={LIMITS.name}
        hint="Shown to visitors at the top of the chat."
        error={errors.name}
      />
      <TextField
        label="Greeting"
        value={draft.greeting}
        onChange={(greeting) => update({ greeting })}
        maxLength={LIMITS.greeting}
        hint="The first message a visitor sees, before they write anything."
        error={errors.greeting}
      />
      <TextField
        label="Instructions"
        rows={6}
        value={draft.instructions}
        onChange={(instructions) => update({ instructions })}
        maxLength={LIMITS.instructions}
        hint="What the AI should know and how it should behave: tone, policies, what it must not promise."
        error={errors.instructions}
      />
      <ListEditor
        legend="Suggested questions"
        itemLabel="Question"
        items={draft.suggestedQuestions}
        onChange={(suggestedQuestions) => update({ suggestedQuestions })}
        max={MAX_SUGGESTED_QUESTIONS}
        maxLength={LIMITS.question}
        placeholder="e.g. Where is my order?"
        hint="Buttons a visitor can tap to start the chat."
        error={errors.suggestedQuestions}
      />
      <ListEditor
        legend="Allowed origins"
        itemLabel="Origin"
        items={draft.allowedOrigins}
        onChange={(allowedOrigins) => update({ allowedOrigins })}
        max={LIMITS.origins}
        placeholder="https://shop.example"
        hint={
          <>
            Websites that may show this assistant’s widget, like https://shop.example (no path).{' '}
            <code>*</code> means any site.
          </>
        }
        error={errors.allowedOrigins}
      />
      {modelSettingsAvailable && (
        <fieldset className="settings-group">
          <legend>Model</legend>
          <TextField
            label="Model name"
            value={draft.modelName}
            onChange={(modelName) => update({ modelName })}
            maxLength={LIMITS.modelName}
            placeholder="The server’s default model"
            hint="As your model provider names it, e.g. gpt-4o-mini. Empty: the model the server is configured with."
            error={errors.modelName}
          />
          <TextField
            label="Temperature"
            value={draft.temperature}
            onChange={(temperature) => update({ temperature })}
            placeholder="The model’s default"
            hint={`0 to ${MAX_TEMPERATURE}: lower answers more predictably, higher more varied. Empty: the model’s default.`}
            error={errors.temperature}
          />
        </fieldset>
      )}
      <FormActions
        status={form.status}
        saveLabel="Save assistant"
        saveDisabled={!form.dirty}
        secondary={{ label: 'Discard changes', onClick: form.reset, disabled: !form.dirty }}
        formError={form.formError}
      />
    </EditForm>
  );
}
